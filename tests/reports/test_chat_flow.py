"""The chat from both sides through the real ASGI application: start, queue, take, messages
both ways, typing, reconnection without loss or duplicates, transfer, close with
categories (a helpline contact with channel ``chat``), survey."""

import pytest

from reports.helpline.chat import assignment
from reports.models import (
    ChatConversation,
    ChatEvent,
    ChatMessage,
    ChatState,
    ContactChannel,
    ContactStatus,
    CounsellorPresence,
)

from .chat_clients import chat_in_this_transaction, console, run, session_cookie, take, talking, visitor  # noqa: F401

pytestmark = pytest.mark.django_db

START = {"nickname": "Kuba", "age_band": "12-15", "role": "child", "topic": "cyberbullying", "consent": True}


@pytest.fixture
def start_chat(client):
    def start(**fields):
        response = client.post("/api/v1/reports/helpline/chats/", {**START, **fields}, content_type="application/json")
        assert response.status_code == 201, response.json()
        return response.json()

    return start


def available(user, capacity=3):
    assignment.set_presence(user, CounsellorPresence.Status.AVAILABLE, capacity)


def test_a_visitor_and_a_counsellor_talk_and_the_chat_becomes_a_contact(start_chat, counsellor):
    started = start_chat()
    assert started["state"] == "queued" and started["place"] == 1
    assert started["websocket"] == "/ws/helpline/chat/"
    available(counsellor)
    cookie = session_cookie(counsellor)

    async def scenario():
        guest, joined = await visitor(started["token"])
        assert joined["state"] == "queued" and joined["place"] == 1 and joined["messages"] == []
        desk, state = await console(cookie)
        assert state["presence"] == {"status": "available", "capacity": 3}
        assert state["figures"]["waiting"] == 1

        await desk.send(type="take")
        assigned = await desk.receive("assigned")
        chat_id = assigned["chat"]["id"]
        assert assigned["chat"]["nickname"] == "Kuba"
        assert (await guest.receive("counsellor"))["name"] == "counsellor"

        await guest.send(type="message", client_id="v1", text="Ahoj, spolužáci mě šikanují na www.bad.example/x")
        ack = await guest.receive("ack")
        assert (ack["client_id"], ack["seq"], ack["message"]["seq"], ack["message"]["from"]) == ("v1", 1, 1, "visitor")
        seen = await desk.receive("message")
        assert seen["conversation"] == chat_id and seen["from"] == "visitor"
        assert "www[.]bad[.]example/x" in seen["text"]  # defanged for the counsellor
        assert ack["message"]["text"].endswith("www.bad.example/x")  # the visitor's own words, not defanged

        await desk.send(type="typing", conversation=chat_id)
        assert (await guest.receive("typing")) == {"type": "typing"}
        await guest.send(type="typing")
        assert (await desk.receive("typing"))["conversation"] == chat_id

        await desk.send(type="message", conversation=chat_id, client_id="c1", text="Jsem tady, povídej.")
        assert (await desk.receive("ack"))["seq"] == 2
        reply = await guest.receive("message")
        assert (reply["seq"], reply["from"], reply["text"]) == (2, "counsellor", "Jsem tady, povídej.")

        await desk.send(type="close", conversation=chat_id, categories=["cyberbullying"], outcome="advice")
        assert (await guest.receive("ended"))["by"] == "counsellor"
        assert (await desk.receive("released"))["reason"] == "closed"
        await guest.send(type="survey", rating=5, comment="Pomohlo to.")
        assert (await guest.receive("survey_saved"))["type"] == "survey_saved"
        await guest.send(type="survey", rating=1, comment="")
        assert (await guest.receive("error"))["code"] == "refused"  # once only
        await guest.close()
        await desk.close()
        return chat_id

    chat_id = run(scenario)
    chat = ChatConversation.objects.get(pk=chat_id)
    assert chat.state == ChatState.CLOSED and chat.survey_rating == 5 and chat.survey_comment == "Pomohlo to."
    contact = chat.contact
    assert contact.channel == ContactChannel.CHAT and contact.status == ContactStatus.CLOSED
    assert contact.outcome == "advice" and contact.assigned_to == counsellor
    assert list(contact.categories.values_list("category", flat=True)) == ["cyberbullying"]
    assert contact.duration_minutes >= 1 and contact.first_reply_at is not None
    assert [m.text for m in chat.messages.order_by("seq")][1] == "Jsem tady, povídej."
    assert list(chat.events.values_list("kind", flat=True)) == ["started", "taken", "closed", "survey"]


def test_a_message_sent_again_is_stored_once_and_a_reconnection_gets_what_it_missed(start_chat, counsellor):
    started = start_chat()
    available(counsellor)
    cookie = session_cookie(counsellor)

    async def scenario():
        guest, desk, chat_id = await talking(started["token"], cookie)
        await guest.send(type="message", client_id="same", text="první")
        assert (await guest.receive("ack"))["seq"] == 1
        await guest.close()  # the network drops before the page saw the acknowledgement…
        await desk.send(type="message", conversation=chat_id, client_id="c1", text="Jsi tam?")
        await desk.receive("ack")
        guest, joined = await visitor(started["token"], after=0)  # …it reconnects and sends again
        assert [m["seq"] for m in joined["messages"]] == [1, 2] and joined["state"] == "active"
        await guest.send(type="message", client_id="same", text="první")
        assert (await guest.receive("ack"))["seq"] == 1  # the same number: not stored twice
        guest2, joined = await visitor(started["token"], after=2)
        assert joined["messages"] == []
        await guest.send(type="sync", after=1)
        history = await guest.receive("history")
        assert [m["text"] for m in history["messages"]] == ["Jsi tam?"]
        for peer in (guest, guest2, desk):
            await peer.close()

    run(scenario)
    assert ChatMessage.objects.count() == 2


def test_a_transfer_hands_the_chat_with_its_history_to_another_counsellor(start_chat, counsellor, second_counsellor):
    started = start_chat()
    available(counsellor)
    available(second_counsellor)
    first_cookie, second_cookie = session_cookie(counsellor), session_cookie(second_counsellor)

    async def scenario():
        guest, _joined = await visitor(started["token"])
        first, _state = await console(first_cookie)
        second, _state = await console(second_cookie)
        chat_id = await take(first)
        await guest.send(type="message", client_id="v1", text="pomoc")
        await guest.receive("ack")
        await first.send(type="transfer", conversation=chat_id, to=second_counsellor.pk)
        assert (await first.receive("released"))["reason"] == "transferred"
        taken_over = await second.receive("assigned")
        assert [m["text"] for m in taken_over["chat"]["messages"]] == ["pomoc"]
        assert (await guest.receive("counsellor"))["name"] == "counsellor2"
        await first.send(type="message", conversation=chat_id, client_id="late", text="still me?")
        assert (await first.receive("error"))["code"] == "refused"
        await second.send(type="message", conversation=chat_id, client_id="c2", text="Převzala jsem to.")
        assert (await guest.receive("message"))["text"] == "Převzala jsem to."
        for peer in (guest, first, second):
            await peer.close()
        return chat_id

    chat_id = run(scenario)
    chat = ChatConversation.objects.get(pk=chat_id)
    assert chat.counsellor == second_counsellor and chat.contact.assigned_to == second_counsellor
    assert ChatEvent.objects.filter(conversation=chat, kind="transferred").get().details == {"to": "counsellor2"}


def test_the_visitor_ends_and_the_counsellor_still_closes_with_categories(start_chat, counsellor):
    started = start_chat()
    available(counsellor)
    cookie = session_cookie(counsellor)

    async def scenario():
        guest, desk, chat_id = await talking(started["token"], cookie)
        await guest.send(type="end")
        assert (await desk.receive("ended")) == {"type": "ended", "conversation": chat_id, "by": "visitor"}
        assert (await guest.receive("ended"))["by"] == "visitor"
        await guest.send(type="message", client_id="after", text="ještě")
        assert (await guest.receive("error"))["code"] == "refused"
        await desk.send(
            type="close", conversation=chat_id, categories=["sexting", "sexual-harassment"], outcome="referred"
        )
        await desk.receive("released")
        await guest.close()
        await desk.close()
        return chat_id

    contact = ChatConversation.objects.get(pk=run(scenario)).contact
    assert contact.status == ContactStatus.CLOSED
    assert sorted(contact.categories.values_list("category", flat=True)) == ["sexting", "sexual-harassment"]


def test_a_visitor_leaving_the_queue_is_abandoned_and_never_a_contact(start_chat):
    started = start_chat()

    async def scenario():
        guest, _joined = await visitor(started["token"])
        await guest.send(type="end")
        assert (await guest.receive("ended"))["by"] == "visitor"
        await guest.close()

    run(scenario)
    chat = ChatConversation.objects.get()
    assert chat.state == ChatState.ABANDONED and chat.contact is None
