"""The public report form on the built-in site: same rules as the API, no JavaScript needed."""

import pytest

from reports.models import HotlineReport

FORM = {
    "urls": "https://example.com/a\nhttps://example.com/b",
    "category": "racism-xenophobia",
    "source_type": "social-network",
    "service": "A network",
    "description": "A post inciting violence.",
}


@pytest.fixture
def site_client(client, home):
    return client


def test_the_form_is_there_in_both_languages_with_the_warning(site_client):
    czech = site_client.get("/cs/hotline/")
    assert czech.status_code == 200 and "Nahlásit nezákonný obsah" in czech.content.decode()
    english = site_client.get("/en/hotline/").content.decode()
    assert "Never send the images or videos themselves" in english
    # No CSRF token and no cookie: the form is protected by its origin (cms/core/origin_check.py).
    assert 'name="csrfmiddlewaretoken"' not in english and czech["Referrer-Policy"] == "same-origin"
    assert not czech.cookies and not site_client.get("/en/hotline/").cookies


def test_a_report_from_the_form_shows_its_reference_and_code(site_client):
    response = site_client.post("/en/hotline/", {**FORM, "idempotency_key": "abc"})
    assert response.status_code == 201
    report = HotlineReport.objects.get()
    page = response.content.decode()
    assert report.reference in page and report.channel == "web" and report.language == "en"
    assert report.source_details == {"service": "A network"} and report.urls.count() == 2
    assert "no-store" in response["Cache-Control"]
    again = site_client.post("/en/hotline/", {**FORM, "idempotency_key": "abc"})  # a double click
    assert HotlineReport.objects.count() == 1 and report.reference in again.content.decode()


def test_errors_are_shown_beside_the_fields_and_nothing_is_stored(site_client):
    response = site_client.post("/en/hotline/", {**FORM, "urls": "ftp://x.example", "reporter_email": "a@b.cz"})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-urls"' in page and "Only http:// and https://" in page and "consent" in page
    assert 'value="a@b.cz"' in page  # what was typed stays
    assert not HotlineReport.objects.exists()


def test_out_of_remit_goes_to_the_helpline(site_client):
    response = site_client.post("/cs/hotline/", {**FORM, "category": "cyberbullying"})
    assert response.status_code == 200 and "linka pomoci" in response.content.decode().lower()
    assert not HotlineReport.objects.exists()


def test_the_form_is_rate_limited_like_the_api(site_client, settings):
    settings.HOTLINE_RATE_LIMIT = "1/hour"
    assert site_client.post("/en/hotline/", FORM).status_code == 201
    refused = site_client.post("/en/hotline/", {**FORM, "urls": "https://other.example/"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert HotlineReport.objects.count() == 1


def test_the_status_page_reads_with_the_code_only(site_client):
    page = site_client.post("/en/hotline/", FORM)
    report = HotlineReport.objects.get()
    token = page.content.decode().split('class="status-token">')[1].split("<")[0]
    found = site_client.get("/en/hotline/status/", {"reference": report.reference, "token": token})
    assert f"Report {report.reference}: received." in found.content.decode()
    wrong = site_client.get("/en/hotline/status/", {"reference": report.reference, "token": "nope"})
    assert "No report matches" in wrong.content.decode()


@pytest.mark.parametrize(
    ("language", "field", "label"), [("en", "urls", "Addresses (one per line)"), ("cs", "source_type", "Kde to bylo?")]
)
def test_the_error_summary_names_each_field_as_its_label_does(site_client, language, field, label):
    """One list of labels serves the form and its error summary, so the two cannot drift."""
    response = site_client.post(f"/{language}/hotline/", {"urls": "", "category": "", "source_type": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert f'<label for="field-{field}">{label}</label>' in page
    assert f'<a href="#field-{field}">{label} – ' in page
