"""The hotline hands off what is not its own; the helpline's public pages: the form, the
receipt, the conversation on the status page, no cookie, no cross-site posts."""

import re

import pytest

from reports.helpline import workflow
from reports.models import HelplineContact, HotlineReport

pytestmark = pytest.mark.django_db

WORRY = {
    "urls": ["https://social.example/u/123"],
    "category": "cyberbullying",
    "source_type": "social-network",
    "description": "Ve skupině o mně píšou lži.",
    "language": "cs",
}


def test_without_consent_the_hotline_stores_nothing_and_points_to_the_helpline(post_report):
    response = post_report(WORRY)
    assert response.status_code == 200
    body = response.json()
    assert body["stored"] is False and body["helpline_url"].endswith("/cs/pomoc/")
    assert not HotlineReport.objects.exists() and not HelplineContact.objects.exists()


def test_with_consent_the_description_becomes_a_helpline_contact(client, post_report):
    response = post_report({**WORRY, "pass_to_helpline": True}, **{"Idempotency-Key": "w-1"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["stored"] is True and body["passed_to"] == "helpline" and body["status"] == "new"
    assert re.fullmatch(r"PO-\d{4}-\d{6}", body["reference"]) and not HotlineReport.objects.exists()
    contact = HelplineContact.objects.get()
    assert (contact.channel, contact.platform) == ("hotline", "social-network")
    assert list(contact.categories.values_list("category", flat=True)) == ["cyberbullying"]
    text = contact.messages.get().text
    assert WORRY["description"] in text and "https://social.example/u/123" in text
    # A retry with the same key is the same contact, and the person can read the answers.
    again = post_report({**WORRY, "pass_to_helpline": True}, **{"Idempotency-Key": "w-1"})
    assert again.json()["reference"] == body["reference"] and HelplineContact.objects.count() == 1
    opened = client.post(
        "/api/v1/reports/helpline/status/",
        {"reference": body["reference"], "token": body["status_token"]},
        content_type="application/json",
    )
    assert opened.status_code == 200


def test_passing_on_needs_a_description(post_report):
    response = post_report({**WORRY, "description": "", "pass_to_helpline": True})
    assert response.status_code == 400 and "description" in response.json()["error"]["fields"]
    assert not HelplineContact.objects.exists()


def test_the_consent_does_not_change_a_report_the_hotline_takes(post_report, report_data):
    response = post_report({**report_data, "pass_to_helpline": True})
    assert response.status_code == 201 and response.json()["reference"].startswith("HL-")
    assert not HelplineContact.objects.exists()


def test_the_new_hotline_categories_are_taken_with_the_self_report(post_report, report_data):
    for category in ("violence", "extortion", "intimate-images"):
        assert post_report({**report_data, "category": category, "about_reporter": True}).status_code == 201
    assert HotlineReport.objects.filter(about_reporter=True).count() == 3


def test_the_hotline_form_passes_a_worry_to_the_helpline_with_consent(client, home):
    form = {
        "urls": "https://social.example/u/1",
        "category": "sexting",
        "source_type": "chat",
        "description": "Chce po mně fotky.",
        "pass_to_helpline": "on",
        "idempotency_key": "f-1",
    }
    response = client.post("/cs/hotline/", form)
    assert response.status_code == 201
    contact = HelplineContact.objects.get()
    page = response.content.decode()
    assert contact.reference in page and "/cs/pomoc/stav/" in page
    without = client.post("/cs/hotline/", {**form, "pass_to_helpline": "", "idempotency_key": "f-2"})
    assert without.status_code == 200 and "/cs/pomoc/" in without.content.decode()
    assert HelplineContact.objects.count() == 1


FORM = {
    "message": "Někdo mi píše divné zprávy.",
    "age_band": "12-15",
    "role": "child",
    "categories": ["sexual-harassment", "privacy"],
    "answer_by": "status-page",
    "consent": "on",
    "idempotency_key": "page-1",
}


def test_the_form_is_there_in_both_languages_without_a_cookie(client, home):
    czech = client.get("/cs/pomoc/")
    english = client.get("/en/help/")
    assert czech.status_code == english.status_code == 200
    assert "Požádat linku pomoci o pomoc" in czech.content.decode() or "linku pomoci" in czech.content.decode()
    assert "Ask the helpline for help" in english.content.decode()
    for response in (czech, english):
        assert not response.cookies and "csrfmiddlewaretoken" not in response.content.decode()
        assert "no-store" in response["Cache-Control"] and response["Referrer-Policy"] == "same-origin"
        assert "data-quick-exit" in response.content.decode()
    assert client.get("/en/pomoc/").status_code == 404


def test_a_child_files_a_contact_and_gets_a_reference_and_code(client, home):
    response = client.post("/cs/pomoc/", FORM, HTTP_ORIGIN="http://localhost")
    assert response.status_code == 201 and not response.cookies
    contact = HelplineContact.objects.get()
    page = response.content.decode()
    assert contact.reference in page and contact.channel == "web" and contact.language == "cs"
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    assert contact.token_matches(token)
    assert sorted(contact.categories.values_list("category", flat=True)) == ["privacy", "sexual-harassment"]
    # The page sent again (reload): the same contact.
    assert client.post("/cs/pomoc/", FORM).status_code == 201 and HelplineContact.objects.count() == 1


def test_every_bad_field_is_shown_and_the_values_kept(client, home):
    response = client.post("/en/help/", {**FORM, "message": "", "consent": "", "answer_by": "email", "email": "x"})
    assert response.status_code == 400 and not HelplineContact.objects.exists()
    page = response.content.decode()
    assert 'id="error-summary"' in page and 'href="#field-message"' in page and 'href="#field-consent"' in page
    assert 'href="#field-email"' in page and 'value="sexual-harassment" checked' in page


def test_a_post_from_another_site_is_refused(client, home):
    cross = client.post("/cs/pomoc/", FORM, HTTP_ORIGIN="https://evil.example")
    fetch = client.post("/cs/pomoc/", FORM, HTTP_SEC_FETCH_SITE="cross-site")
    null = client.post("/cs/hotline/", {}, HTTP_ORIGIN="null")
    assert cross.status_code == fetch.status_code == null.status_code == 403
    assert not HelplineContact.objects.exists()
    same = client.post("/cs/pomoc/", FORM, HTTP_ORIGIN="http://localhost", HTTP_SEC_FETCH_SITE="same-origin")
    assert same.status_code == 201
    # Typed or bookmarked by the visitor, or from an origin the deployment trusts: accepted.
    assert client.post("/cs/pomoc/", {**FORM, "idempotency_key": "n"}, HTTP_SEC_FETCH_SITE="none").status_code == 201


def test_an_origin_the_deployment_trusts_may_post(client, home, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.centre.example"]
    trusted = client.post("/cs/pomoc/", FORM, HTTP_ORIGIN="https://www.centre.example")
    other = client.post("/cs/pomoc/", {**FORM, "idempotency_key": "x"}, HTTP_ORIGIN="https://centre.example")
    assert (trusted.status_code, other.status_code) == (201, 403)


def test_the_helpline_form_is_rate_limited(client, home, settings):
    settings.HELPLINE_RATE_LIMIT = "1/hour"
    assert client.post("/cs/pomoc/", {**FORM, "idempotency_key": "a"}).status_code == 201
    refused = client.post("/cs/pomoc/", {**FORM, "idempotency_key": "b"})
    assert refused.status_code == 429 and refused["Retry-After"]
    assert "Příliš mnoho zpráv najednou" in refused.content.decode() and "116 111" in refused.content.decode()


def test_the_status_page_shows_replies_and_takes_the_answer(client, home, counsellor):
    from reports.helpline.intake import receive_contact

    receipt = receive_contact({"message": "Pomozte mi.", "consent": True}, "web")
    contact = receipt.record
    workflow.add_note(contact, counsellor, contact.version, "Poznámka jen pro nás")
    workflow.reply(contact, counsellor, contact.version, "Jsme tu. Co se stalo?")
    assert client.get("/cs/pomoc/stav/").status_code == 200
    wrong = client.post("/cs/pomoc/stav/", {"reference": contact.reference, "token": "nope"})
    assert wrong.status_code == 404 and "Jsme tu" not in wrong.content.decode()
    opened = client.post("/cs/pomoc/stav/", {"reference": contact.reference.lower(), "token": receipt.status_token})
    page = opened.content.decode()
    assert opened.status_code == 200 and "Jsme tu. Co se stalo?" in page and "Poznámka jen pro nás" not in page
    assert not opened.cookies
    answer = {"reference": contact.reference, "token": receipt.status_token, "action": "answer"}
    empty = client.post("/cs/pomoc/stav/", {**answer, "text": " "})
    assert empty.status_code == 400 and 'href="#field-text"' in empty.content.decode()
    sent = client.post("/cs/pomoc/stav/", {**answer, "text": "Spolužák mi vyhrožuje."})
    assert sent.status_code == 200 and "Spolužák mi vyhrožuje." in sent.content.decode()
    contact.refresh_from_db()
    assert contact.status == "open" and contact.messages.filter(kind="person").count() == 2
    workflow.close(contact, counsellor, contact.version, "advice")
    closed = client.post("/cs/pomoc/stav/", {**answer, "text": "Ještě něco"})
    assert closed.status_code == 409 and contact.messages.filter(kind="person").count() == 2


def test_every_page_links_the_helpline_and_help_blocks_reach_the_forms(client, home):
    page = client.get("/cs/").content.decode()
    assert 'href="/cs/pomoc/"' in page and "116 111" in page
    english = client.get("/en/").content.decode()
    assert 'href="/en/help/"' in english


def test_the_language_switcher_leads_to_the_same_page_in_the_other_language(client, home):
    assert 'href="/en/help/"' in client.get("/cs/pomoc/").content.decode()
    assert 'href="/cs/pomoc/stav/"' in client.get("/en/help/status/").content.decode()
    assert 'href="/en/hotline/"' in client.get("/cs/hotline/").content.decode()
