"""What the chat refuses: bad events, other people's chats, blocked tokens, the console
without the right account, the start form's bad input, limits and closed hours."""

import json
import logging

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings

from reports.helpline.chat import assignment
from reports.models import ChatConversation, ChatMessage, CounsellorPresence

from .chat_clients import ORIGIN, Peer, chat_in_this_transaction, console, run, session_cookie, take, talking, visitor  # noqa: F401

pytestmark = pytest.mark.django_db

START = {"age_band": "12-15", "role": "child", "consent": True}
URL = "/api/v1/reports/helpline/chats/"


@pytest.fixture
def start_chat(client):
    def start(**fields):
        return client.post(URL, {**START, **fields}, content_type="application/json").json()["token"]

    return start


def test_bad_events_are_refused_with_a_reason_and_nothing_is_stored(start_chat):
    token = start_chat()

    async def scenario():
        guest = Peer("/ws/helpline/chat/", [ORIGIN])
        await guest.open()
        await guest.send(type="message", client_id="early", text="before joining")
        assert (await guest.receive())["code"] == "join_first"
        await guest.send(type="join", token=token, after=0)
        await guest.receive("joined")
        refusals = [
            ("not json {", "not_json", ""),
            (json.dumps(["a list"]), "unknown_type", "type"),
            (json.dumps({"type": "shout"}), "unknown_type", "type"),
            (json.dumps({"type": "message", "client_id": "x1"}), "missing_field", "text"),
            (
                json.dumps({"type": "message", "client_id": "x1", "text": "hi", "conversation": 1}),
                "unexpected_field",
                "conversation",
            ),
            (json.dumps({"type": "message", "client_id": "x1", "text": "a" * 2001}), "invalid_field", "text"),
            (json.dumps({"type": "message", "client_id": "x1", "text": "   "}), "invalid_field", "text"),
            (json.dumps({"type": "message", "client_id": "x1", "text": "nul\u0000"}), "invalid_field", "text"),
            (json.dumps({"type": "message", "client_id": "bad id!", "text": "hi"}), "invalid_field", "client_id"),
            (json.dumps({"type": "message", "client_id": 5, "text": "hi"}), "invalid_field", "client_id"),
            (json.dumps({"type": "sync", "after": -1}), "invalid_field", "after"),
            (json.dumps({"type": "sync", "after": True}), "invalid_field", "after"),
            (json.dumps({"type": "survey", "rating": 6}), "invalid_field", "rating"),
            (json.dumps({"type": "join", "token": token, "after": 0}), "already_joined", "type"),
            ("x" * 17000, "too_large", ""),
        ]
        for frame, code, field in refusals:
            await guest.send_raw(text=frame)
            refused = await guest.receive()
            assert (refused["type"], refused["code"], refused["field"]) == ("error", code, field), frame[:60]
            assert refused["message"]
        await guest.send_raw(data=b"\x89PNG")
        assert (await guest.receive())["code"] == "text_only"
        await guest.send(type="survey", rating=4)  # not before the end
        assert (await guest.receive())["code"] == "refused"
        await guest.close()

    run(scenario)
    assert ChatMessage.objects.count() == 0


def test_a_wrong_token_joins_nothing_and_is_disconnected(start_chat):
    start_chat()

    async def scenario():
        for token in ("guessed-token", "", "x" * 101):
            guest = Peer("/ws/helpline/chat/", [ORIGIN])
            await guest.open()
            await guest.send(type="join", token=token, after=0)
            refused = await guest.receive()
            assert refused["code"] in {"unknown_chat", "invalid_field"}
            if refused["code"] == "unknown_chat":
                assert (await guest.communicator.receive_output(3))["code"] == 4404
            await guest.close()

    run(scenario)


def test_a_page_of_another_site_cannot_open_either_socket(start_chat, counsellor):
    cookie = session_cookie(counsellor)

    async def scenario():
        for path, headers in (
            ("/ws/helpline/chat/", [(b"origin", b"https://evil.example")]),
            ("/ws/helpline/console/", [(b"origin", b"https://evil.example"), cookie]),
            ("/ws/helpline/chat/", []),
        ):
            connected, _code = await Peer(path, headers).open()
            assert not connected

    run(scenario)


def test_the_console_is_for_signed_in_counsellors_only(django_user_model, counsellor):
    editor = django_user_model.objects.create_user("editor", password="x")
    editor_cookie = session_cookie(editor)

    async def scenario():
        for headers in ([ORIGIN], [ORIGIN, editor_cookie], [ORIGIN, (b"cookie", b"sessionid=forged")]):
            connected, code = await Peer("/ws/helpline/console/", headers).open()
            assert not connected and code == 4401

    run(scenario)


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_a_counsellor_who_has_not_done_the_second_step_is_refused(counsellor, settings):
    settings.TWO_FACTOR_REQUIRED_GROUPS = ["Helpline counsellors"]
    cookie = session_cookie(counsellor)

    async def scenario():
        connected, code = await Peer("/ws/helpline/console/", [ORIGIN, cookie]).open()
        assert not connected and code == 4401

    run(scenario)


def test_a_counsellor_acts_only_on_chats_they_hold(start_chat, counsellor, second_counsellor, supervisor):
    start_chat()
    for user in (counsellor, second_counsellor):
        assignment.set_presence(user, CounsellorPresence.Status.AVAILABLE, 1)
    first_cookie, second_cookie = session_cookie(counsellor), session_cookie(second_counsellor)

    async def scenario():
        first, _state = await console(first_cookie)
        second, _state = await console(second_cookie)
        chat_id = await take(first)
        for event in (
            {"type": "message", "conversation": chat_id, "client_id": "x", "text": "mine now"},
            {"type": "typing", "conversation": chat_id},
            {"type": "sync", "conversation": chat_id, "after": 0},
            {"type": "close", "conversation": chat_id, "categories": ["other"], "outcome": "advice"},
            {"type": "block", "conversation": chat_id},
            {"type": "transfer", "conversation": chat_id, "to": second_counsellor.pk},
            {"type": "read", "conversation": chat_id},  # reading others' chats: supervisors only
        ):
            await second.send(**event)
            assert (await second.receive("error"))["code"] == "refused", event
        await first.send(type="take")  # capacity 1, already holding one
        assert "kapacita" in (await first.receive("error"))["message"]  # in Czech, the admin's default
        await first.send(type="close", conversation=chat_id, categories=["not-a-category"], outcome="advice")
        assert (await first.receive("error"))["field"] == "categories"
        await first.send(type="transfer", conversation=chat_id, to=counsellor.pk)
        assert (await first.receive("error"))["code"] == "refused"
        await first.close()
        await second.close()

    run(scenario)
    chat = ChatConversation.objects.get()
    assert chat.counsellor == counsellor and chat.state == "active"


def test_a_blocked_token_is_disconnected_and_cannot_return(start_chat, counsellor):
    token = start_chat()
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE)
    cookie = session_cookie(counsellor)

    async def scenario():
        guest, desk, chat_id = await talking(token, cookie)
        await desk.send(type="block", conversation=chat_id)
        assert (await desk.receive("blocked"))["conversation"] == chat_id
        assert (await guest.receive("blocked"))["type"] == "blocked"
        _again, refused = await visitor(token)
        assert refused["code"] == "unknown_chat"
        await desk.close()

    run(scenario)
    chat = ChatConversation.objects.get()
    assert chat.blocked_at is not None and chat.events.filter(kind="blocked").exists()


def test_a_supervisor_reads_a_chat_and_the_reading_is_recorded(start_chat, counsellor, supervisor):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=supervisor, defaults={"preferred_language": "en"})
    start_chat()
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE)
    counsellor_cookie, supervisor_cookie = session_cookie(counsellor), session_cookie(supervisor)

    async def scenario():
        desk, _state = await console(counsellor_cookie)
        watch, state = await console(supervisor_cookie)
        assert state["supervisor"] is True
        chat_id = await take(desk)
        queue = await watch.receive("queue")
        assert [row["id"] for row in queue["held"]] == [chat_id]
        assert "nickname" not in queue["held"][0]
        await watch.send(type="read", conversation=chat_id)
        assert (await watch.receive("transcript"))["chat"]["id"] == chat_id
        await desk.send(type="message", conversation=chat_id, client_id="c1", text="Dobrý den")
        assert (await watch.receive("message"))["text"] == "Dobrý den"  # follows it live
        await watch.send(type="message", conversation=chat_id, client_id="s1", text="me too")
        refused = await watch.receive("error")  # reading, not writing; in the supervisor's English
        assert refused["code"] == "refused" and refused["message"] == "This chat is not yours."
        await desk.close()
        await watch.close()

    run(scenario)
    chat = ChatConversation.objects.get()
    assert chat.events.filter(kind="read", actor=supervisor).count() == 1
    from reports.models import AuditEntry

    assert AuditEntry.objects.filter(object_type="chatconversation", user=supervisor, action="view").exists()


def test_message_limits_hold_per_chat(start_chat, settings):
    token = start_chat()
    settings.HELPLINE_CHAT_MESSAGE_RATE_LIMIT = "2/minute"

    async def scenario():
        guest, _joined = await visitor(token)
        for number in range(3):
            await guest.send(type="message", client_id=f"m{number}", text="znovu")
        answers = [await guest.receive("ack", "error") for _ in range(3)]
        assert [answer["type"] for answer in answers] == ["ack", "ack", "error"]
        assert answers[2]["code"] == "too_many" and answers[2]["retry_after"] > 0
        await guest.close()

    run(scenario)
    assert ChatMessage.objects.count() == 2


def test_joining_is_limited_per_client(start_chat, settings):
    token = start_chat()
    settings.HELPLINE_CHAT_JOIN_RATE_LIMIT = "2/minute"

    async def scenario():
        for expected in ("joined", "joined", "error"):
            guest, answer = await visitor(token)
            assert answer["type"] == expected
            await guest.close()

    run(scenario)


def test_the_start_form_names_each_bad_field_and_stores_nothing(client):
    cases = [
        ({}, {"age_band", "role", "consent"}),
        ({**START, "consent": False}, {"consent"}),
        ({**START, "age_band": "13-15"}, {"age_band"}),
        ({**START, "nickname": "nul\u0000"}, {"nickname"}),
        ({**START, "nickname": "x" * 41}, {"nickname"}),
        ({**START, "topic": "weather"}, {"topic"}),
    ]
    for body, fields in cases:
        response = client.post(URL, body, content_type="application/json", headers={"Accept-Language": "cs"})
        assert response.status_code == 400, body
        assert set(response.json()["error"]["fields"]) == fields
    response = client.post(URL, "nickname=x", content_type="multipart/form-data; boundary=x")
    assert response.status_code in (400, 415)
    assert ChatConversation.objects.count() == 0


def test_the_honeypot_gets_an_answer_shaped_the_same_and_nothing_is_stored(client):
    response = client.post(URL, {**START, "homepage": "https://spam.example"}, content_type="application/json")
    assert response.status_code == 201 and set(response.json()) == {
        "token",
        "websocket",
        "state",
        "place",
        "wait_minutes",
    }
    assert ChatConversation.objects.count() == 0


def test_starting_is_limited_per_client(client, settings):
    settings.HELPLINE_CHAT_START_RATE_LIMIT = "2/hour"
    answers = [client.post(URL, START, content_type="application/json") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [201, 201, 429]
    assert int(answers[2]["Retry-After"]) > 0
    assert ChatConversation.objects.count() == 2


def test_outside_the_opening_hours_the_chat_does_not_start_and_the_page_offers_the_form(client, settings):
    settings.HELPLINE_CHAT_HOURS = "mon 00:00-00:01"
    response = client.post(URL, START, content_type="application/json", headers={"Accept-Language": "en"})
    if response.status_code == 201:  # it is Monday just after midnight
        pytest.skip("the test ran inside the one open minute")
    assert response.status_code == 409 and response.json()["error"]["code"] == "chat_closed"
    page = client.get("/cs/pomoc/chat/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Chat je teď zavřený" in html or "chat-closed" in html
    assert 'href="/cs/pomoc/"' in html and "116 111" in html
    assert ChatConversation.objects.count() == 0


def test_the_chat_page_sets_no_cookie_and_is_never_cached(client):
    for url in ("/cs/pomoc/chat/", "/en/help/chat/"):
        page = client.get(url)
        assert page.status_code == 200 and not page.cookies
        assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
        assert 'id="chat-start"' in page.content.decode() and "quick-exit" in page.content.decode()


def test_the_console_page_is_for_counsellors(client, counsellor, django_user_model):
    client.force_login(django_user_model.objects.create_user("editor2", password="x", is_staff=True))
    client.user_permissions = Permission.objects.filter(codename="access_admin")
    assert client.get("/admin/helpline/chat/").status_code in (302, 403)
    client.force_login(counsellor)
    page = client.get("/admin/helpline/chat/")
    assert page.status_code == 200 and b"console-strings" in page.content


def test_nothing_identifying_a_visitor_is_stored_or_logged(client, counsellor, caplog):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    marker_ip, marker_agent = "203.0.113.79", "MarkerAgent/8.8"
    caplog.set_level(logging.DEBUG)
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE)
    cookie = session_cookie(counsellor)
    with CaptureQueriesContext(connection) as queries:
        token = client.post(
            URL, {**START, "nickname": "Liška"}, content_type="application/json",
            REMOTE_ADDR=marker_ip, HTTP_USER_AGENT=marker_agent, HTTP_X_FORWARDED_FOR=marker_ip,
        ).json()["token"]  # fmt: skip

        async def scenario():
            headers = [ORIGIN, (b"user-agent", marker_agent.encode()), (b"x-forwarded-for", marker_ip.encode())]
            guest = Peer("/ws/helpline/chat/", headers, client=(marker_ip, 40000))
            await guest.open()
            await guest.send(type="join", token=token, after=0)
            await guest.receive("joined")
            desk, _state = await console(cookie)
            await desk.send(type="take")
            await desk.receive("assigned")
            await guest.send(type="message", client_id="p1", text="Tajná zpráva o šikaně")
            await guest.receive("ack")
            await guest.send(type="end")
            await guest.receive("ended")
            await guest.close()
            await desk.close()

        run(scenario)
    written = " ".join(str(query["sql"]) + " " + str(query.get("params", "")) for query in queries)
    assert marker_ip not in written and marker_agent not in written
    assert "Tajná zpráva" not in written and "Liška" not in written  # encrypted before it is written
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert marker_ip not in logged and marker_agent not in logged and "Tajná zpráva" not in logged
    assert ChatMessage.objects.get().text == "Tajná zpráva o šikaně"


def test_a_message_of_exactly_the_longest_length_is_accepted(start_chat):
    token = start_chat()

    async def scenario():
        guest, _joined = await visitor(token)
        await guest.send(type="message", client_id="longest", text="a" * 2000)
        assert (await guest.receive("ack", "error"))["type"] == "ack"
        await guest.close()

    run(scenario)
    assert len(ChatMessage.objects.get().text) == 2000
