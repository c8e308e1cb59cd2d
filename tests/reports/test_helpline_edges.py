"""The helpline's less travelled paths: refusals, conflicts, the directory's hotline entry,
e-mails to a contact anonymised since, and the search's every criterion."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from cms.core import submission
from reports import handoff
from reports.helpline import conversation, emails, workflow
from reports.helpline.forms import SearchForm
from reports.helpline.search import search
from reports.models import HelplineCase, HelplineContact, HelplineEmail, ReferralService

from .conftest import contact_action, contact_url, shown_messages

pytestmark = pytest.mark.django_db

WORRY = {
    "urls": [],
    "category": "cyberbullying",
    "source_type": "chat",
    "description": "Posílají si o mně vtipy.",
    "language": "cs",
}


def test_a_reused_key_with_other_contents_is_refused_to_the_api_and_files_anew_from_the_form():
    handoff.to_helpline(WORRY, idempotency_key="k")
    other = {**WORRY, "description": "Něco jiného."}
    with pytest.raises(submission.IdempotencyConflict):
        handoff.to_helpline(other, idempotency_key="k")
    assert handoff.to_helpline(other, idempotency_key="k", from_form=True).receipt.created
    assert HelplineContact.objects.count() == 2


def test_the_hotline_entry_of_the_directory_is_made_again_when_removed():
    ReferralService.objects.filter(kind="hotline").update(active=False)
    service = handoff.hotline_service()
    assert service.kind == "hotline" and service.active and ReferralService.objects.filter(kind="hotline").count() == 2


def test_a_closed_contact_takes_no_reply_and_reopening_has_its_limits(make_contact, counsellor):
    contact = make_contact()
    workflow.close(contact, counsellor, contact.version, "advice")
    with pytest.raises(workflow.ClosedContact):
        workflow.reply(contact, counsellor, contact.version, "x")
    with pytest.raises(workflow.ClosedContact):
        handoff.to_hotline(contact, counsellor, contact.version, {"urls": [], "category": "csam"})
    HelplineContact.objects.filter(pk=contact.pk).update(anonymised_at=timezone.now())
    contact.refresh_from_db()
    with pytest.raises(workflow.ClosedContact):
        workflow.reopen(contact, counsellor, contact.version)
    open_one = make_contact()
    workflow.reopen(open_one, counsellor, open_one.version)  # not closed: nothing to do
    assert not open_one.events.filter(kind="reopened").exists()


def test_no_e_mail_goes_to_a_contact_anonymised_since(make_contact, counsellor):
    contact = make_contact(answer_by="email", email="liska@example.net")
    reply = workflow.reply(contact, counsellor, contact.version, "Ahoj")  # queued, sent after the commit
    queued = HelplineEmail.objects.get(message=reply)
    HelplineContact.objects.filter(pk=contact.pk).update(email="", answer_by="none")
    assert emails.send_reply_email.call(queued.pk) is None
    assert not mail.outbox and not HelplineEmail.objects.filter(pk=queued.pk).exists()
    assert emails.send_reply_email.call(queued.pk) is None  # gone: nothing to send


def test_a_token_that_is_not_text_opens_nothing(make_contact):
    contact = make_contact()
    assert conversation.find(contact.reference, None) is None and conversation.find("", "x") is None


def test_the_search_uses_every_criterion(make_contact, counsellor):
    phone = make_contact(role="parent", age_band="adult")
    HelplineContact.objects.filter(pk=phone.pk).update(
        channel="phone", received_at=timezone.now() - datetime.timedelta(days=40)
    )
    recent = make_contact()
    case = workflow.link_case(recent, counsellor, recent.version)
    assert [c.pk for c in search({"case": case.reference}).contacts] == [recent.pk]
    assert [c.pk for c in search({"channel": "phone", "role": "parent", "age_band": "adult"}).contacts] == [phone.pk]
    since = timezone.localdate() - datetime.timedelta(days=7)
    assert [c.pk for c in search({"received_from": since}).contacts] == [recent.pk]
    assert [c.pk for c in search({"received_to": since}).contacts] == [phone.pk]
    assert HelplineCase.objects.count() == 1


def test_a_search_period_that_ends_before_it_starts_is_refused():
    form = SearchForm({"received_from": "2026-05-01", "received_to": "2026-04-01"})
    assert not form.is_valid() and "received_to" in form.errors


def test_a_referral_to_the_hotline_names_what_is_missing(client, counsellor, make_contact):
    contact = make_contact()
    client.force_login(counsellor)
    response = client.post(f"/admin/helpline/{contact.pk}/refer-to-hotline/", {"version": contact.version}, follow=True)
    assert shown_messages(response) and response.redirect_chain[-1][0] == contact_url(contact)


def test_an_unknown_action_is_refused(client, counsellor, make_contact):
    contact = make_contact()
    client.force_login(counsellor)
    assert shown_messages(contact_action(client, contact, "explode"))


def test_files_are_refused_on_the_form_and_the_status_page_has_a_limit(client, home, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    picture = SimpleUploadedFile("fotka.jpg", b"\xff\xd8\xff", content_type="image/jpeg")
    refused = client.post("/cs/pomoc/", {"message": "x", "consent": "on", "file": picture})
    assert refused.status_code == 400 and "žádné soubory" in refused.content.decode()
    settings.HELPLINE_STATUS_RATE_LIMIT = "1/hour"
    client.post("/cs/pomoc/stav/", {"reference": "PO-2026-000001", "token": "x"})
    limited = client.post("/cs/pomoc/stav/", {"reference": "PO-2026-000001", "token": "x"})
    assert limited.status_code == 429 and limited["Retry-After"]


def test_a_worry_passed_on_from_the_hotline_form_counts_against_the_helpline_limit(client, home, settings):
    settings.HELPLINE_RATE_LIMIT = "1/hour"
    form = {
        "urls": "https://social.example/u/1",
        "category": "cyberbullying",
        "source_type": "social-network",
        "description": "Posmívají se mi.",
        "pass_to_helpline": "on",
    }
    assert client.post("/cs/hotline/", {**form, "idempotency_key": "a"}).status_code == 201
    refused = client.post("/cs/hotline/", {**form, "idempotency_key": "b"})
    assert refused.status_code == 429 and HelplineContact.objects.count() == 1
