"""``POST /api/v1/reports/helpline/`` and the conversation API: the contract, every refusal,
and what is (not) kept."""

import logging
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.partners.keys import issue_key
from cms.partners.models import Partner
from reports.helpline import workflow
from reports.helpline.intake import receive_contact
from reports.models import ContactMessage, HelplineContact, HelplineReceipt

from .conftest import CONTACT

pytestmark = pytest.mark.django_db


def test_a_contact_gets_a_reference_and_a_token_and_keeps_what_was_written(post_contact, contact_data):
    response = post_contact({**contact_data, "answer_by": "email", "email": "liska@example.net"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert sorted(body) == ["reference", "status", "status_token"] and body["status"] == "new"
    assert re.fullmatch(r"PO-\d{4}-\d{6}", body["reference"])
    assert response["Cache-Control"] == "no-store"
    contact = HelplineContact.objects.get(reference=body["reference"])
    assert (contact.age_band, contact.gender, contact.role, contact.platform, contact.channel) == (
        "12-15",
        "female",
        "child",
        "social-network",
        "api",
    )
    assert (contact.nickname, contact.email, contact.answer_by) == ("Liška", "liska@example.net", "email")
    assert [item.category for item in contact.categories.all()] == ["cyberbullying"]
    assert contact.messages.get().text == contact_data["message"] and contact.consent_at
    assert contact.token_matches(body["status_token"]) and not contact.urgent


def test_what_identifies_the_person_is_encrypted_in_the_database(post_contact, contact_data):
    post_contact({**contact_data, "answer_by": "email", "email": "liska@example.net"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT nickname, email FROM reports_helplinecontact")
        nickname, email = cursor.fetchone()
        cursor.execute("SELECT text FROM reports_contactmessage")
        (message,) = cursor.fetchone()
    assert "Liška" not in nickname and "liska" not in email and "Spolužáci" not in message


def test_the_least_is_enough_and_defaults_say_unknown(post_contact):
    response = post_contact({"message": "Pomoc", "consent": True})
    assert response.status_code == 201, response.content
    contact = HelplineContact.objects.get()
    assert (contact.age_band, contact.gender, contact.role, contact.platform) == (
        "unknown",
        "unknown",
        "other",
        "unknown",
    )
    assert (contact.answer_by, contact.nickname, contact.language) == ("status-page", "", "cs")
    assert not contact.categories.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"age_band": "13"}, "age_band"),
        ({"gender": "x"}, "gender"),
        ({"role": "king"}, "role"),
        ({"platform": "tv"}, "platform"),
        ({"categories": ["unknown-topic"]}, "categories"),
        ({"categories": "cyberbullying"}, "categories"),
        ({"categories": ["other"] * 6}, "categories"),
        ({"message": ""}, "message"),
        ({"message": "x" * 5001}, "message"),
        ({"message": "a\x00b"}, "message"),
        ({"message": "   "}, "message"),
        ({"nickname": "Li\x00ška"}, "nickname"),
        ({"message": 12345}, "message"),  # a number is not text
        ({"nickname": 7}, "nickname"),
        ({"email": "not an address", "answer_by": "email"}, "email"),
        ({"answer_by": "email"}, "email"),
        ({"answer_by": "pigeon"}, "answer_by"),
        ({"consent": False}, "consent"),
        ({"nickname": "x" * 41}, "nickname"),
        ({"language": "de"}, "language"),
    ],
)
def test_every_bad_field_is_a_400_naming_it_and_nothing_is_stored(post_contact, contact_data, change, field):
    response = post_contact({**contact_data, **change})
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]
    assert not HelplineContact.objects.exists() and not ContactMessage.objects.exists()


def test_missing_consent_and_message_are_named(post_contact):
    response = post_contact({"nickname": "a"})
    assert set(response.json()["error"]["fields"]) == {"message", "consent"}


def test_errors_speak_czech_by_default_and_english_when_asked(post_contact, contact_data):
    czech = post_contact({**contact_data, "consent": False}).json()["error"]["fields"]["consent"][0]
    english = post_contact({**contact_data, "consent": False}, **{"Accept-Language": "en"})
    assert "souhlas" in czech
    assert "consent" in english.json()["error"]["fields"]["consent"][0]


@pytest.mark.parametrize("category", ["self-harm", "sextortion"])
def test_a_crisis_category_makes_the_contact_urgent(post_contact, contact_data, category):
    post_contact({**contact_data, "categories": ["gaming", category]})
    assert HelplineContact.objects.get().urgent


def test_files_are_refused(client, db):
    response = client.post("/api/v1/reports/helpline/", {"message": "x", "file": b"GIF89a"})
    assert response.status_code == 415 and not HelplineContact.objects.exists()


def test_an_idempotency_key_gives_the_same_contact_and_refuses_other_contents(post_contact, contact_data):
    first = post_contact(contact_data, **{"Idempotency-Key": "k-1"})
    again = post_contact(contact_data, **{"Idempotency-Key": "k-1"})
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and again["Idempotent-Replayed"] == "true"
    other = post_contact({**contact_data, "message": "něco jiného"}, **{"Idempotency-Key": "k-1"})
    assert other.status_code == 422 and other.json()["error"]["code"] == "idempotency_key_reused"
    assert HelplineContact.objects.count() == 1 and HelplineReceipt.objects.get().namespace == "api"


def test_the_honeypot_gets_a_receipt_shaped_answer_and_nothing_is_stored(post_contact, contact_data):
    decoy = post_contact({**contact_data, "homepage": "http://spam.example"})
    assert decoy.status_code == 201 and re.fullmatch(r"PO-\d{4}-\d{6}", decoy.json()["reference"])
    assert decoy.json()["status"] == "new" and not HelplineContact.objects.exists()


def test_contacts_are_rate_limited_per_client(post_contact, contact_data, settings):
    settings.HELPLINE_RATE_LIMIT = "2/hour"
    assert [post_contact(contact_data).status_code for _ in range(2)] == [201, 201]
    refused = post_contact(contact_data)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert HelplineContact.objects.count() == 2


def test_bad_attempts_count_against_the_looser_attempt_limit(post_contact, contact_data, settings):
    settings.HELPLINE_ATTEMPT_RATE_LIMIT = "3/hour"
    assert [post_contact({"x": 1}).status_code for _ in range(3)] == [400, 400, 400]
    assert post_contact(contact_data).status_code == 429


def test_nothing_identifying_the_client_is_stored_or_logged(client, contact_data, caplog):
    marker_ip, marker_agent = "203.0.113.78", "MarkerAgent/7.7"
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/api/v1/reports/helpline/",
            contact_data,
            content_type="application/json",
            REMOTE_ADDR=marker_ip,
            HTTP_USER_AGENT=marker_agent,
            HTTP_X_FORWARDED_FOR=marker_ip,
        )
        client.post("/api/v1/reports/helpline/", {}, content_type="application/json", REMOTE_ADDR=marker_ip)
    assert response.status_code == 201
    written = " ".join(str(query["sql"]) + " " + str(query.get("params", "")) for query in queries)
    assert marker_ip not in written and marker_agent not in written
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert marker_ip not in logged and marker_agent not in logged
    assert contact_data["message"] not in logged and "Liška" not in logged


def _partner_key(*scopes):
    partner = Partner.objects.create(name="Social network", kind="industry", contact_email="", origins="")
    return partner, issue_key(partner, list(scopes))[1]


def test_a_platform_with_the_helpline_scope_passes_on_a_request_for_help(post_contact, contact_data):
    partner, key = _partner_key("helpline:submit")
    response = post_contact(contact_data, Authorization=f"Api-Key {key}", **{"Idempotency-Key": "same"})
    assert response.status_code == 201
    contact = HelplineContact.objects.get()
    assert (contact.channel, contact.partner) == ("partner", partner)
    # Its keys are its own: the same key from the public API is another contact.
    assert post_contact(contact_data, **{"Idempotency-Key": "same"}).status_code == 201
    assert sorted(HelplineReceipt.objects.values_list("namespace", flat=True)) == ["api", f"partner:{partner.pk}"]


def test_a_platform_without_the_scope_is_refused(post_contact, contact_data):
    _partner, key = _partner_key("reports:submit")
    response = post_contact(contact_data, Authorization=f"Api-Key {key}")
    assert response.status_code == 403 and "helpline:submit" in response.json()["error"]["message"]
    assert not HelplineContact.objects.exists()


def test_platforms_have_their_own_limit(post_contact, contact_data, settings):
    settings.HELPLINE_RATE_LIMIT, settings.HELPLINE_PARTNER_RATE_LIMIT = "1/hour", "3/hour"
    _partner, key = _partner_key("helpline:submit")
    codes = [post_contact(contact_data, Authorization=f"Api-Key {key}").status_code for _ in range(4)]
    assert codes == [201, 201, 201, 429]


def _conversation(client, body):
    return client.post("/api/v1/reports/helpline/status/", body, content_type="application/json")


def test_the_conversation_opens_with_the_reference_and_token(client, post_contact, contact_data):
    receipt = post_contact(contact_data).json()
    response = _conversation(client, {"reference": receipt["reference"], "token": receipt["status_token"]})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["status"] == "new" and [m["sender"] for m in body["messages"]] == ["you"]
    assert body["messages"][0]["text"] == contact_data["message"]


def test_a_wrong_token_looks_like_an_unknown_reference(client, post_contact, contact_data):
    receipt = post_contact(contact_data).json()
    wrong = _conversation(client, {"reference": receipt["reference"], "token": "x" * 32})
    unknown = _conversation(client, {"reference": "PO-2000-000001", "token": "x" * 32})
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert _conversation(client, {"reference": receipt["reference"]}).status_code == 400


def test_the_person_writes_back_and_the_contact_returns_to_the_queue(client, counsellor):
    receipt = receive_contact(CONTACT, "web")
    contact = receipt.record
    workflow.reply(contact, counsellor, contact.version, "Ahoj, jsme tu pro tebe.")
    body = {"reference": contact.reference, "token": receipt.status_token, "text": "Děkuji, co mám dělat?"}
    response = client.post("/api/v1/reports/helpline/messages/", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["sender"] == "you"
    contact.refresh_from_db()
    assert contact.status == "open"
    seen = _conversation(client, body).json()["messages"]
    assert [(m["sender"], m["text"]) for m in seen] == [
        ("you", CONTACT["message"]),
        ("counsellor", "Ahoj, jsme tu pro tebe."),
        ("you", "Děkuji, co mám dělat?"),
    ]
    workflow.add_note(contact, counsellor, contact.version, "Internal only")
    assert "Internal only" not in str(_conversation(client, body).json())
    workflow.close(contact, counsellor, contact.version, "advice")
    closed = client.post("/api/v1/reports/helpline/messages/", body, content_type="application/json")
    assert closed.status_code == 409 and closed.json()["error"]["code"] == "conversation_closed"
    assert closed.json()["error"]["message"].startswith("Tento rozhovor je uzavřený.")
    empty = client.post("/api/v1/reports/helpline/messages/", {**body, "text": ""}, content_type="application/json")
    assert empty.status_code == 400 and "text" in empty.json()["error"]["fields"]


def test_a_malformed_reference_or_token_is_a_400_naming_it(client):
    body = {"reference": "HL-2026-000001", "token": "a\x00b", "text": "x"}
    response = client.post("/api/v1/reports/helpline/messages/", body, content_type="application/json")
    assert response.status_code == 400
    assert {"reference", "token"} <= set(response.json()["error"]["fields"])


def test_everything_of_one_contact_is_stored_at_one_time_and_audited(post_contact, contact_data, monkeypatch):
    import datetime

    from django.utils import timezone

    from reports.helpline import intake
    from reports.models import AuditEntry

    instant = timezone.make_aware(datetime.datetime(2026, 3, 4, 5, 6, 7))
    monkeypatch.setattr(intake.timezone, "now", lambda: instant)
    post_contact(contact_data, **{"Idempotency-Key": "one-time"})
    contact = HelplineContact.objects.get()
    times = {contact.received_at, contact.consent_at, contact.messages.get().created_at}
    times |= {contact.events.get().created_at, HelplineReceipt.objects.get().created_at}
    assert times == {instant}
    assert contact.events.get().details == {"channel": "api"}
    assert AuditEntry.objects.get(object_type="helplinecontact").summary == "api"


def test_an_e_mail_address_is_kept_only_for_an_answer_by_e_mail(post_contact, contact_data):
    post_contact({**contact_data, "answer_by": "status-page", "email": "liska@example.net"})
    post_contact({**contact_data, "answer_by": "email", "email": "liska@example.net"})
    assert list(HelplineContact.objects.order_by("pk").values_list("email", flat=True)) == ["", "liska@example.net"]
