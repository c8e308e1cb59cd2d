"""Insafe statistics from contacts with known values, their exports, and retention."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from reports.figures import parse_period
from reports.helpline import retention, statistics, workflow
from reports.models import (
    AuditEntry,
    ContactEvent,
    HelplineCase,
    HelplineContact,
    HelplineReceipt,
    ReferralService,
)

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime.datetime(2026, 7, 1, 9, 0))
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def quarter_of_contacts(make_contact, counsellor):
    """Five contacts in 2026-Q3 with known profiles, replies after 1, 2, 3 and 10 hours, and one
    contact outside the quarter."""
    made = []
    profiles = [
        ({"age_band": "12-15", "gender": "female", "role": "child", "categories": ["cyberbullying"]}, 1),
        ({"age_band": "12-15", "gender": "male", "role": "child", "categories": ["gaming", "self-harm"]}, 2),
        ({"age_band": "adult", "gender": "female", "role": "parent", "categories": ["cyberbullying"]}, 3),
        ({"age_band": "16-18", "gender": "unknown", "role": "child", "platform": "gaming", "categories": []}, 10),
        ({"age_band": "unknown", "gender": "unknown", "role": "teacher", "categories": ["sexting"]}, None),
    ]
    for number, (fields, reply_after) in enumerate(profiles):
        contact = make_contact(**fields)
        received = START + number * 24 * HOUR
        first_reply = received + reply_after * HOUR if reply_after else None
        HelplineContact.objects.filter(pk=contact.pk).update(received_at=received, first_reply_at=first_reply)
        made.append(contact)
    police = ReferralService.objects.get(kind="police")
    workflow.refer(made[1], counsellor, made[1].version, police)
    workflow.close(made[0], counsellor, made[0].version, "advice")
    outside = make_contact()
    HelplineContact.objects.filter(pk=outside.pk).update(received_at=START - 24 * HOUR)
    return made


def test_the_figures_of_a_quarter(quarter_of_contacts):
    figures = statistics.compute(parse_period({"quarter": "2026-Q3"}))
    contacts = figures["contacts"]
    assert contacts["total"] == 5 and contacts["urgent"] == 1
    assert contacts["by_age_band"] == {"12-15": 2, "16-18": 1, "adult": 1, "unknown": 1}
    assert contacts["by_gender"] == {"female": 2, "male": 1, "unknown": 2}
    assert contacts["by_role"] == {"child": 3, "parent": 1, "teacher": 1}
    assert contacts["by_platform"] == {"gaming": 1, "social-network": 4}
    assert contacts["by_channel"] == {"web": 5} and contacts["by_outcome"] == {"advice": 1}
    assert figures["categories"]["by_category"] == {"cyberbullying": 2, "gaming": 1, "self-harm": 1, "sexting": 1}
    assert figures["categories"]["uncategorised"] == 1
    assert figures["referrals"] == {"total": 1, "by_service": {"police": 1}}
    # First replies after 1, 2, 3 and 10 hours: median 2.5, p90 (linear) 7.9.
    assert figures["times"]["to_first_reply"] == {"count": 4, "median_hours": 2.5, "p90_hours": 7.9}


def test_the_exports_hold_the_same_figures_and_are_audited(client, supervisor, quarter_of_contacts):
    client.force_login(supervisor)
    exported = json.loads(client.get("/admin/helpline/statistics/export.json?quarter=2026-Q3").content)
    assert exported == json.loads(json.dumps(statistics.compute(parse_period({"quarter": "2026-Q3"}))))
    response = client.get("/admin/helpline/statistics/export.csv?quarter=2026-Q3")
    assert 'filename="helpline-statistics-2026-Q3.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["section", "dimension", "key", "value"]
    assert ["contacts", "by_age_band", "12-15", "2"] in rows and [
        "times",
        "to_first_reply",
        "median_hours",
        "2.5",
    ] in rows
    assert AuditEntry.objects.filter(action="export", summary="helpline-statistics csv").exists()
    assert client.get("/admin/helpline/statistics/export.csv?quarter=2026-Q9").status_code == 400
    assert client.get("/admin/helpline/statistics/export.xml").status_code == 404
    page = client.get("/admin/helpline/statistics/?quarter=2026-Q3").content.decode()
    assert "Kyberšikana" in page or "Cyberbullying" in page


def test_only_supervisors_see_the_statistics(client, counsellor, analyst, editor, supervisor):
    for user in (counsellor, analyst, editor):
        client.force_login(user)
        assert client.get("/admin/helpline/statistics/").status_code == 403
        assert client.get("/admin/helpline/statistics/export.csv").status_code == 403
    client.force_login(supervisor)
    assert client.get("/admin/helpline/statistics/").status_code == 200


def test_retention_blanks_what_identifies_and_keeps_the_statistics(make_contact, counsellor, settings):
    settings.HELPLINE_RETENTION_DAYS = 30
    old = make_contact(answer_by="email", email="liska@example.net", categories=["sexting"])
    workflow.reply(old, counsellor, old.version, "Odpověď")
    workflow.add_note(old, counsellor, old.version, "Poznámka")
    case = workflow.link_case(old, counsellor, old.version)
    HelplineCase.objects.filter(pk=case.pk).update(summary="Souhrn")
    workflow.close(old, counsellor, old.version, "advice")
    recent = make_contact()
    workflow.close(recent, counsellor, recent.version, "advice")
    still_open = make_contact()
    long_ago = timezone.now() - datetime.timedelta(days=31)
    HelplineContact.objects.filter(pk__in=[old.pk, still_open.pk]).update(closed_at=long_ago)
    HelplineReceipt.objects.create(namespace="api", key_hash="x", contact=recent, status_token="t", created_at=long_ago)
    before = statistics.compute(parse_period({"from": "2026-01-01", "to": "2030-12-31"}))
    result = retention.apply_retention()
    assert (result.contacts, result.messages, result.cases, result.receipts) == (1, 3, 1, 1)
    old.refresh_from_db()
    assert (old.nickname, old.email, old.answer_by, old.status_token_hash) == ("", "", "none", "")
    assert set(old.messages.values_list("text", flat=True)) == {""}
    assert old.anonymised_at and old.events.filter(kind=ContactEvent.Kind.ANONYMISED).exists()
    assert (old.age_band, old.role, old.outcome, list(old.categories.values_list("category", flat=True))) == (
        "12-15",
        "child",
        "advice",
        ["sexting"],
    )
    case.refresh_from_db()
    assert case.summary == "" and case.anonymised_at
    assert AuditEntry.objects.get(action="anonymise", object_type="helplinecase").summary == "retention"
    recent.refresh_from_db()
    assert recent.nickname == "Liška" and recent.messages.get().text
    assert statistics.compute(parse_period({"from": "2026-01-01", "to": "2030-12-31"})) == before
    assert AuditEntry.objects.filter(action="anonymise", object_type="helplinecontact").count() == 1
    assert retention.apply_retention().contacts == 0  # nothing twice


def test_retention_counts_each_contact_and_message_and_takes_its_time(make_contact, counsellor, settings):
    from reports.models import ContactMessage

    settings.HELPLINE_RETENTION_DAYS = 10
    first, second = make_contact(), make_contact()
    ContactMessage.objects.create(contact=second, kind="note", text="")  # already empty: not counted
    for contact in (first, second):
        workflow.close(contact, counsellor, contact.version, "advice")
    fresh = HelplineReceipt.objects.create(namespace="api", key_hash="y", contact=first, status_token="t")
    assert retention.apply_retention().contacts == 0  # closed today: not yet
    later = timezone.now() + datetime.timedelta(days=11)
    result = retention.apply_retention(now=later)
    assert (result.contacts, result.messages, result.receipts) == (2, 2, 1)
    assert not HelplineReceipt.objects.filter(pk=fresh.pk).exists()
    event = first.events.get(kind="anonymised")
    assert event.created_at == later
    entries = AuditEntry.objects.filter(action="anonymise", object_type="helplinecontact")
    assert set(entries.values_list("summary", flat=True)) == {"retention"} and entries.count() == 2
    third = make_contact()
    workflow.close(third, counsellor, third.version, "advice")
    assert retention.apply_retention(now=later, days=30).contacts == 0  # an explicit period wins
    assert retention.apply_retention(now=later, days=0).contacts == 1
