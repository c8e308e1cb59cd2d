"""The counsellors' workspace: who gets in, the queue, a contact's lifecycle, offline
contacts, cases, search and the referral to the hotline."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from reports.helpline import workflow
from reports.models import (
    AuditEntry,
    CannedResponse,
    HelplineCase,
    HelplineContact,
    HelplineEmail,
    HotlineReport,
    Referral,
    ReferralService,
    Subcategory,
)

from .conftest import contact_action, contact_url, shown_messages

pytestmark = pytest.mark.django_db

PAGES = ["/admin/helpline/", "/admin/helpline/log/", "/admin/helpline/search/", "/admin/helpline/cases/"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["editor", "analyst"])
def test_editors_and_analysts_get_no_helpline_page(client, request, page, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(page).status_code == 403


def test_editors_and_analysts_cannot_open_a_contact(client, editor, analyst, make_contact):
    contact = make_contact()
    for user in (editor, analyst):
        client.force_login(user)
        assert client.get(contact_url(contact)).status_code == 403
        assert client.post(contact_url(contact), {"action": "close"}).status_code == 403


def test_counsellors_see_no_hotline_case(client, counsellor, make_report):
    report = make_report()
    client.force_login(counsellor)
    assert client.get("/admin/hotline/").status_code == 403
    assert client.get(f"/admin/hotline/{report.pk}/").status_code == 403
    assert client.get("/admin/hotline/statistics/").status_code == 403


def test_the_queue_puts_urgent_contacts_first_then_the_longest_waiting(client, counsellor, make_contact):
    now = timezone.now()
    newer = make_contact(message="newer")
    older = make_contact(message="older")
    urgent = make_contact(categories=["self-harm"])
    closed = make_contact()
    HelplineContact.objects.filter(pk=older.pk).update(received_at=now - datetime.timedelta(days=2))
    HelplineContact.objects.filter(pk=closed.pk).update(status="closed")
    client.force_login(counsellor)
    page = client.get("/admin/helpline/").content.decode()
    positions = [page.index(contact.reference) for contact in (urgent, older, newer)]
    assert positions == sorted(positions) and closed.reference not in page
    assert urgent.reference in client.get("/admin/helpline/?urgent=on").content.decode()
    assert newer.reference not in client.get("/admin/helpline/?urgent=on").content.decode()
    assert closed.reference in client.get("/admin/helpline/?status=closed").content.decode()


def test_a_contact_is_worked_from_the_queue_to_closed(
    client, counsellor, make_contact, django_capture_on_commit_callbacks
):
    contact = make_contact(answer_by="email", email="liska@example.net", language="cs")
    client.force_login(counsellor)
    page = client.get(contact_url(contact))
    assert page.status_code == 200 and "Spolužáci o mně" in page.content.decode()
    assert AuditEntry.objects.filter(action="view", object_type="helplinecontact").exists()
    assert contact_action(client, contact, "assign").status_code == 200
    contact.refresh_from_db()
    assert (contact.assigned_to, contact.status) == (counsellor, "open")
    with django_capture_on_commit_callbacks(execute=True):
        contact_action(client, contact, "reply", text="Ahoj Liško, to, co se děje, není tvoje vina.")
    contact.refresh_from_db()
    assert contact.status == "waiting" and contact.first_reply_at
    sent = mail.outbox[-1]
    assert sent.to == ["liska@example.net"] and contact.reference in sent.subject
    assert "není tvoje vina" in sent.body and "/cs/pomoc/stav/" in sent.body
    assert HelplineEmail.objects.get().state == "sent"
    contact_action(client, contact, "note", text="Zkontrolovat za týden.")
    contact_action(
        client, contact, "categorise", category="cyberbullying", subcategory=_sub("cyberbullying-classmates")
    )
    contact_action(client, contact, "follow-up", day="2030-01-15")
    contact_action(client, contact, "close", outcome="advice")
    contact.refresh_from_db()
    assert (contact.status, contact.outcome, str(contact.follow_up_on)) == ("closed", "advice", "2030-01-15")
    assert [m.kind for m in contact.messages.all()] == ["person", "reply", "note"]
    kinds = list(contact.events.values_list("kind", flat=True))
    assert kinds == ["received", "assigned", "replied", "emailed", "note", "categorised", "follow-up", "closed"]
    assert "Zkontrolovat" not in str(list(contact.events.values_list("details", flat=True)))  # notes stay encrypted
    assert contact_action(client, contact, "reopen").status_code == 200
    contact.refresh_from_db()
    assert contact.status == "open" and contact.outcome == ""


def _sub(slug):
    return Subcategory.objects.get(slug=slug).pk


def test_no_e_mail_when_the_person_reads_on_the_status_page(
    client, counsellor, make_contact, django_capture_on_commit_callbacks
):
    contact = make_contact()
    client.force_login(counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        contact_action(client, contact, "reply", text="Ahoj")
    assert not mail.outbox and not HelplineEmail.objects.exists()


def test_a_failed_reply_e_mail_is_kept_and_retried(
    counsellor, make_contact, django_capture_on_commit_callbacks, monkeypatch
):
    from reports.helpline import emails

    contact = make_contact(answer_by="email", email="liska@example.net")

    def refuse(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(emails, "send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(contact, counsellor, contact.version, "Ahoj")
    email = HelplineEmail.objects.get()
    assert (email.state, email.error) == ("retrying", "OSError") and email.next_attempt_at
    monkeypatch.undo()
    assert len(emails.retry_reply_emails(now=email.next_attempt_at)) == 1
    email.refresh_from_db()
    assert email.state == "sent" and mail.outbox[-1].to == ["liska@example.net"]


def test_a_change_built_from_an_older_version_is_refused(client, counsellor, second_counsellor, make_contact):
    contact = make_contact()
    stale = contact.version
    workflow.assign(contact, second_counsellor, contact.version)
    client.force_login(counsellor)
    response = client.post(contact_url(contact), {"action": "reply", "version": stale, "text": "x"}, follow=True)
    assert "in the meantime" in " ".join(shown_messages(response)) or "mezitím" in " ".join(shown_messages(response))
    assert not contact.messages.filter(kind="reply").exists()


def test_a_subcategory_of_another_category_is_refused(client, counsellor, make_contact):
    contact = make_contact()
    client.force_login(counsellor)
    response = contact_action(client, contact, "categorise", category="sexting", subcategory=_sub("e-crime-phishing"))
    assert shown_messages(response) and not contact.categories.filter(category="sexting").exists()


def test_a_crisis_category_shows_the_crisis_procedure_and_urgency_can_be_set(client, counsellor, make_contact):
    contact = make_contact(categories=["gaming"])
    client.force_login(counsellor)
    assert "116 111" not in client.get(contact_url(contact)).content.decode().split("<dl>")[0]
    contact_action(client, contact, "categorise", category="self-harm")
    contact.refresh_from_db()
    assert contact.urgent
    page = client.get(contact_url(contact)).content.decode()
    assert 'id="crisis-heading"' in page
    contact_action(client, contact, "urgency")  # no "urgent" field: not urgent
    contact.refresh_from_db()
    assert not contact.urgent


def test_a_referral_is_recorded_from_the_directory(client, counsellor, make_contact):
    contact = make_contact()
    police = ReferralService.objects.get(kind="police")
    client.force_login(counsellor)
    contact_action(client, contact, "refer", service=police.pk)
    referral = Referral.objects.get()
    assert (referral.contact, referral.service, referral.created_by) == (contact, police, counsellor)
    assert "158" in client.get(contact_url(contact)).content.decode()


def test_canned_responses_start_a_reply_in_the_contact_language_first(client, counsellor, make_contact):
    contact = make_contact(language="en")
    english = CannedResponse.objects.filter(language="en").first()
    client.force_login(counsellor)
    page = client.get(contact_url(contact) + f"?canned={english.pk}").content.decode()
    assert english.text[:20] in page
    assert page.index(f'value="{english.pk}"') < page.index(
        f'value="{CannedResponse.objects.filter(language="cs").first().pk}"'
    )


def test_contacts_of_the_same_person_are_linked_in_a_case(client, counsellor, make_contact):
    first, second = make_contact(), make_contact(message="Zase já.")
    client.force_login(counsellor)
    contact_action(client, first, "case", case_reference="")
    case = HelplineCase.objects.get()
    assert case.reference.startswith("PK-")
    contact_action(client, second, "case", case_reference=case.reference.lower())
    assert set(case.contacts.all()) == {first, second}
    page = client.get(f"/admin/helpline/cases/{case.pk}/").content.decode()
    assert first.reference in page and second.reference in page
    assert second.reference in client.get(contact_url(first)).content.decode()
    missing = contact_action(client, first, "case", case_reference="PK-1999-000001")
    assert missing.status_code == 404


def test_a_phone_contact_is_logged(client, counsellor):
    client.force_login(counsellor)
    data = {
        "channel": "phone",
        "duration_minutes": "25",
        "age_band": "16-18",
        "gender": "male",
        "role": "child",
        "platform": "gaming",
        "categories": ["gaming", "sextortion"],
        "summary": "Volal kvůli vydírání ve hře.",
        "outcome": "referred",
        "language": "cs",
    }
    response = client.post("/admin/helpline/log/", data, follow=True)
    contact = HelplineContact.objects.get()
    assert response.redirect_chain[-1][0] == contact_url(contact)
    assert (contact.channel, contact.duration_minutes, contact.status, contact.outcome) == (
        "phone",
        25,
        "closed",
        "referred",
    )
    assert contact.urgent and contact.assigned_to == counsellor and contact.first_reply_at
    assert contact.messages.get().kind == "note"
    assert sorted(contact.categories.values_list("category", flat=True)) == ["gaming", "sextortion"]


def test_a_bad_offline_contact_is_refused_naming_the_field(client, counsellor):
    client.force_login(counsellor)
    future = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post("/admin/helpline/log/", {"channel": "fax", "received_at": future})
    assert response.status_code == 400 and not HelplineContact.objects.exists()
    form = response.context["form"]
    assert {"channel", "received_at", "role", "categories"} <= set(form.errors)


def test_searching_past_contacts_is_audited_and_folds_diacritics(client, counsellor, make_contact):
    found = make_contact(message="Mám problém se šikanou ve třídě.")
    other = make_contact(message="Hra mi zabírá moc času.", categories=["gaming"])
    client.force_login(counsellor)
    page = client.get("/admin/helpline/search/", {"text": "sikanou"}).content.decode()
    assert found.reference in page and other.reference not in page
    entry = AuditEntry.objects.get(object_type="helplinesearch")
    assert entry.username == "counsellor" and "text" in entry.summary and "sikanou" not in entry.summary
    by_category = client.get("/admin/helpline/search/", {"category": "gaming"}).content.decode()
    assert other.reference in by_category and found.reference not in by_category
    assert client.get("/admin/helpline/search/", {"reference": found.reference.lower()}).status_code == 200
    empty = client.get("/admin/helpline/search/", {"text": ""})
    assert empty.context["found"] is None and empty.context["form"].errors


def test_addresses_in_messages_are_shown_defanged_never_as_links(client, counsellor, make_contact):
    contact = make_contact(message="Píšou mi na https://bad.example/profil a www.evil.example")
    client.force_login(counsellor)
    page = client.get(contact_url(contact)).content.decode()
    assert "hxxps://bad[.]example/profil" in page and "www[.]evil[.]example" in page
    assert 'href="https://bad.example' not in page and "https://bad.example" not in page


def test_a_counsellor_refers_addresses_to_the_hotline_and_sees_its_coarse_status(
    client, counsellor, analyst, make_contact
):
    contact = make_contact()
    client.force_login(counsellor)
    url = f"/admin/helpline/{contact.pk}/refer-to-hotline/"
    data = {
        "version": contact.version,
        "urls": "https://images.example/x\n",
        "category": "intimate-images",
        "source_type": "social-network",
    }
    bad = client.post(url, {**data, "urls": "not an address"}, follow=True)
    assert shown_messages(bad) and not HotlineReport.objects.exists()
    client.post(url, data, follow=True)
    report = HotlineReport.objects.get()
    assert (report.channel, report.category, report.reporter_email) == ("helpline", "intimate-images", "")
    referral = Referral.objects.get()
    assert referral.hotline_report == report and referral.service.kind == "hotline"
    page = client.get(contact_url(contact)).content.decode()
    assert report.reference in page
    # The analyst sees the report, not the contact it came from.
    client.force_login(analyst)
    assert client.get(f"/admin/hotline/{report.pk}/").status_code == 200
    assert client.get(contact_url(contact)).status_code == 403


def test_supervisors_manage_canned_responses_and_counsellors_only_read_them(client, counsellor, supervisor):
    client.force_login(supervisor)
    response = client.post(
        "/admin/canned_responses/new/", {"title": "Noc", "language": "cs", "text": "Jsme tu i v noci.", "active": "on"}
    )
    assert response.status_code == 302 and CannedResponse.objects.filter(title="Noc").exists()
    client.force_login(counsellor)
    assert client.get("/admin/canned_responses/").status_code == 200
    assert client.get("/admin/canned_responses/new/").status_code in (302, 403)
