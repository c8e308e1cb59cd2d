"""The chat's less travelled paths: a connection that never joins, the queue moving for
those still waiting, a counsellor's console coming back, availability, an empty queue,
refusals of the services, the process channel layer, the SQLite journal."""

import asyncio
import sqlite3

import pytest
from channels.exceptions import ChannelFull
from django.utils import translation

from cms.core import channel_layers, sqlite_journal
from cms.core.websocket_auth import verified
from reports.helpline.chat import assignment, consumers, conversations
from reports.models import ChatConversation, ChatState, CounsellorPresence

from .chat_clients import ORIGIN, Peer, chat_in_this_transaction, console, run, session_cookie, take, talking, visitor  # noqa: F401

pytestmark = pytest.mark.django_db

START = {"age_band": "12-15", "role": "child"}


def started():
    conversation, token = conversations.start(START, "cs")
    return conversation, token


def test_a_connection_that_never_names_its_chat_is_closed(monkeypatch):
    monkeypatch.setattr(consumers, "JOIN_SECONDS", 0.05)

    async def scenario():
        peer = Peer("/ws/helpline/chat/", [ORIGIN])
        await peer.open()
        assert (await peer.communicator.receive_output(2))["code"] == consumers.CLOSE_UNKNOWN

    run(scenario)


def test_those_still_waiting_move_up_when_someone_ahead_leaves():
    _first, first_token = started()
    _second, second_token = started()

    async def scenario():
        first, _joined = await visitor(first_token)
        second, joined = await visitor(second_token)
        assert joined["place"] == 2
        await first.send(type="end")
        moved = await second.receive("queue")
        assert moved["place"] == 1
        await first.close()
        await second.close()

    run(scenario)


def test_a_counsellors_console_comes_back_to_the_chats_they_hold(counsellor):
    _conversation, token = started()
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE)
    cookie = session_cookie(counsellor)

    async def scenario():
        guest, desk, chat_id = await talking(token, cookie)
        await desk.close()
        desk, state = await console(cookie)  # a reload, a second tab, a dropped network
        assert [chat["id"] for chat in state["chats"]] == [chat_id]
        await guest.send(type="message", client_id="v1", text="jsi tu?")
        assert (await desk.receive("message"))["text"] == "jsi tu?"
        await desk.send(type="sync", conversation=chat_id, after=0)
        assert [m["text"] for m in (await desk.receive("history"))["messages"]] == ["jsi tu?"]
        await guest.close()
        assert (await desk.receive("visitor")) == {"type": "visitor", "conversation": chat_id, "online": False}
        await desk.close()

    run(scenario)


def test_availability_and_an_empty_queue(counsellor):
    cookie = session_cookie(counsellor)

    async def scenario():
        desk, state = await console(cookie)
        assert state["presence"]["status"] == "away"
        await desk.send(type="take")
        assert (await desk.receive("error"))["message"] == "Nejdřív se nastavte jako dostupní."  # away: refused
        await desk.send(type="presence", status="available", capacity=2)
        assert (await desk.receive("presence")) == {"type": "presence", "status": "available", "capacity": 2}
        assert (await desk.receive("queue"))["figures"]["available"] == 1
        await desk.send(type="take")
        assert (await desk.receive("error"))["code"] == "queue_empty"
        await desk.send(type="transfer", conversation=1, to=999999)
        assert (await desk.receive("error"))["code"] == "refused"
        await desk.close()

    run(scenario)
    assert CounsellorPresence.objects.get(user=counsellor).capacity == 2


@translation.override("en")
def test_the_services_refuse_what_the_state_does_not_allow(counsellor, second_counsellor, supervisor):
    conversation, _token = started()
    with pytest.raises(assignment.ChatRefused, match="available"):
        assignment.take_next(counsellor)
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE, 1)
    assignment.take_next(counsellor)
    with pytest.raises(assignment.ChatRefused):
        assignment.transfer(conversation.pk, counsellor, second_counsellor)  # away
    assignment.set_presence(second_counsellor, CounsellorPresence.Status.AVAILABLE, 1)
    other, _token = started()
    assignment.take_next(second_counsellor)
    with pytest.raises(assignment.ChatRefused, match="free place"):
        assignment.transfer(conversation.pk, counsellor, second_counsellor)  # full
    with pytest.raises(assignment.ChatRefused, match="category"):
        assignment.close(conversation.pk, counsellor, [], "advice")
    conversations.visitor_ends(conversation.pk)
    with pytest.raises(assignment.ChatRefused, match="left"):
        assignment.reply(conversation.pk, counsellor, "ještě tu?", "c9")
    assert conversations.visitor_ends(conversation.pk) is None  # once
    assignment.close(conversation.pk, counsellor, ["other"], "advice")
    with pytest.raises(assignment.ChatRefused, match="not yours"):
        assignment.block(conversation.pk, counsellor)  # closed: held by nobody
    ChatConversation.objects.filter(pk=other.pk).update(anonymised_at=conversation.queued_at)
    with pytest.raises(assignment.ChatRefused, match="not available"):
        assignment.read_as_supervisor(other.pk, supervisor)
    assert conversations.find("x" * 101) is None and conversations.find("") is None
    with pytest.raises(conversations.ChatEnded):
        conversations.post(conversation.pk, "visitor", "po konci", "late")


def test_a_blocked_visitors_queued_chat_stays_queued_state_but_opens_nothing(counsellor):
    conversation, token = started()
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE)
    assignment.take_next(counsellor)
    assignment.block(conversation.pk, counsellor)
    conversation.refresh_from_db()
    assert conversation.state == ChatState.LEFT and conversations.find(token) is None


def test_the_process_layer_delivers_expires_and_drops_for_a_full_channel(monkeypatch):
    async def scenario():
        layer = channel_layers.ProcessChannelLayer(expiry=60, capacity=1)
        one, two = await layer.new_channel(), await layer.new_channel()
        await layer.group_add("room", one)
        await layer.group_add("room", two)
        event = {"type": "chat.message", "message": {"text": "ahoj"}}
        await layer.group_send("room", event)
        await layer.group_send("room", {"type": "chat.message", "message": {"text": "druhá"}})  # full: dropped
        received = await layer.receive(one)
        assert received == event and received is not event  # a copy per receiver
        assert (await layer.receive(two))["message"]["text"] == "ahoj"
        await layer.send(one, event)
        with pytest.raises(ChannelFull):
            await layer.send(one, event)
        # Expired messages, and with them the channel's memberships, go at the next sweep.
        monkeypatch.setattr(channel_layers.time, "time", lambda: 10**10)
        monkeypatch.setattr(channel_layers.time, "monotonic", lambda: 10**10)
        layer._clean_expired()
        assert one not in layer.groups.get("room", {}) and one not in layer.channels
        layer._clean_expired()  # at most once a second: nothing to do

    asyncio.run(scenario())


def test_migrate_puts_a_sqlite_file_in_write_ahead_log_mode(tmp_path, monkeypatch):
    path = tmp_path / "site.sqlite3"

    class FileConnection:
        vendor = "sqlite"

        def is_in_memory_db(self):
            return False

        def cursor(self):
            return _Cursor(sqlite3.connect(path))

    class _Cursor:
        def __init__(self, database):
            self.database = database

        def __enter__(self):
            return self.database

        def __exit__(self, *exc):
            self.database.close()

    monkeypatch.setattr(sqlite_journal, "connections", {"default": FileConnection()})
    sqlite_journal.use_write_ahead_log("default")
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_device_of_someone_else_in_the_session_does_not_verify(counsellor, second_counsellor):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    others = TOTPDevice.objects.create(user=second_counsellor, name="app", confirmed=True)
    TOTPDevice.objects.create(user=counsellor, name="app", confirmed=True)
    user = verified(counsellor, {DEVICE_ID_SESSION_KEY: others.persistent_id})
    assert not user.is_authenticated  # has a device of their own, and did not use it


def test_a_counsellors_own_device_in_the_session_verifies(counsellor):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=counsellor, name="app", confirmed=True)
    user = verified(counsellor, {DEVICE_ID_SESSION_KEY: device.persistent_id})
    assert user.is_authenticated and user.otp_device == device


def test_a_counsellors_message_sent_again_is_stored_once_and_others_are_refused(counsellor):
    _conversation, token = started()
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE)
    cookie = session_cookie(counsellor)

    async def scenario():
        guest, desk, chat_id = await talking(token, cookie)
        for _attempt in range(2):
            await desk.send(type="message", conversation=chat_id, client_id="same", text="Jsem tu.")
            assert (await desk.receive("ack"))["seq"] == 1
        await desk.send(type="sync", conversation=chat_id + 1, after=0)
        assert (await desk.receive("error"))["code"] == "refused"
        await desk.send(type="transfer", conversation=chat_id, to=999999)
        assert (await desk.receive("error"))["code"] == "refused"
        await guest.close()
        await desk.close()

    run(scenario)
    assert ChatConversation.objects.get().messages.count() == 1


def test_a_counsellors_messages_are_limited_too(counsellor, settings):
    _conversation, token = started()
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE)
    cookie = session_cookie(counsellor)

    async def scenario():
        guest, desk, chat_id = await talking(token, cookie)
        settings.HELPLINE_CHAT_MESSAGE_RATE_LIMIT = "1/minute"
        for number in range(2):
            await desk.send(type="message", conversation=chat_id, client_id=f"c{number}", text="Jsem tu.")
        answers = [await desk.receive("ack", "error") for _ in range(2)]
        assert [answer["type"] for answer in answers] == ["ack", "error"] and answers[1]["code"] == "too_many"
        await guest.close()
        await desk.close()

    run(scenario)
