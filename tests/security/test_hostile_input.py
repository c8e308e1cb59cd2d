"""Hostile or broken requests get a clear 4xx (or 503) in the envelope, never a 500 page."""

import json

import pytest
from django.db import OperationalError

GOOD = {"urls": ["https://bad.example/a.jpg"], "category": "csam", "source_type": "webpage"}


@pytest.fixture
def raw_client(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    ("path", "params", "name"),
    [
        ("/api/v1/reports/hotline/status/", {"reference": "HL-2026-\x00", "token": "x"}, "reference"),
        ("/api/v1/search/", {"q": "a\x00b"}, "q"),
        ("/api/v1/search/suggest/", {"q": "\x00"}, "q"),
        ("/api/v1/pages/by-path/", {"path": "/cs/\x00/"}, "path"),
        ("/api/oembed/", {"url": "http://localhost/cs/\x00"}, "url"),
        ("/api/v2/pages/", {"search": "x\x00"}, "search"),
    ],
)
def test_a_nul_byte_in_a_parameter_answers_400_naming_it(client, path, params, name):
    response = client.get(path, params, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter" and error["fields"] == {name: ["Null characters are not allowed."]}


def test_a_nul_byte_on_a_page_answers_a_400_page(client):
    response = client.get("/en/search/", {"q": "\x00"})
    assert response.status_code == 400 and b"Bad request" in response.content


def test_json_nested_a_thousand_deep_is_refused_before_parsing(client):
    body = "[" * 1000 + "]" * 1000
    response = client.post(
        "/api/v1/reports/hotline/", body, content_type="application/json", headers={"Accept-Language": "en"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "The JSON body nests deeper than 32 levels."


def test_brackets_inside_strings_do_not_count_as_nesting(client):
    data = {**GOOD, "description": "[[[[" * 100}
    response = client.post("/api/v1/reports/hotline/", json.dumps(data), content_type="application/json")
    assert response.status_code == 201


def test_a_body_over_the_size_limit_answers_the_envelope(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({**GOOD, "description": "x" * 5000})
    response = client.post("/api/v1/reports/hotline/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"


def test_a_chunked_body_without_a_length_answers_411(client):
    response = client.generic(
        "POST",
        "/api/v1/reports/hotline/",
        b"",
        content_type="application/json",
        HTTP_TRANSFER_ENCODING="chunked",
    )
    assert response.status_code == 411 and response.json()["error"]["code"] == "length_required"


def test_an_unexpected_error_answers_500_in_the_envelope(raw_client, monkeypatch):
    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr("reports.api.views.public_status", broken)
    response = raw_client.get("/api/v1/reports/hotline/status/", {"reference": "HL-1", "token": "t"})
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error" and "boom" not in response.content.decode()


def test_a_database_that_went_away_answers_503_with_retry_after(raw_client, monkeypatch):
    def unreachable(*args):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr("reports.api.views.public_status", unreachable)
    response = raw_client.get(
        "/api/v1/reports/hotline/status/", {"reference": "HL-1", "token": "t"}, headers={"Accept-Language": "cs"}
    )
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert response.json()["error"]["code"] == "unavailable"
    assert response.json()["error"]["message"] == "Služba je krátce nedostupná. Zkuste to znovu za 10 sekund."


def test_a_database_that_went_away_answers_a_503_page_on_the_site(raw_client, monkeypatch):
    def unreachable(*args):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr("reports.site.hotline.public_status", unreachable)
    response = raw_client.get("/en/hotline/status/", {"reference": "HL-1", "token": "t"})
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert b"Briefly unavailable" in response.content


def test_drf_messages_reach_czech_clients_in_czech(client):
    data = {**GOOD, "urls": [f"https://bad.example/{n}" for n in range(21)], "wants_feedback": "maybe"}
    response = client.post(
        "/api/v1/reports/hotline/", data, content_type="application/json", headers={"Accept-Language": "cs"}
    )
    fields = response.json()["error"]["fields"]
    assert fields["urls"] == ["Ujistěte se, že toto pole nemá více než 20 prvků."]
    assert fields["wants_feedback"] == ["Musí být platná pravdivostní hodnota."]


def test_the_api_language_follows_the_locale_parameter(client, home):
    response = client.get("/api/v1/reports/hotline/status/", {"locale": "cs"}, headers={"Accept-Language": "en"})
    assert response["Content-Language"] == "cs"
    assert response.json()["error"]["message"] == "Některé parametry nejsou platné."


def test_the_20_address_limit_is_checked_before_normalising(client, monkeypatch):
    calls = []
    import reports.api.serializers as serializers

    original = serializers.normalise_url
    monkeypatch.setattr(serializers, "normalise_url", lambda url: calls.append(url) or original(url))
    data = {**GOOD, "urls": [f"https://bad.example/{n}" for n in range(10_000)]}
    response = client.post("/api/v1/reports/hotline/", data, content_type="application/json")
    assert response.status_code == 400 and "urls" in response.json()["error"]["fields"]
    assert calls == []


@pytest.mark.parametrize(
    ("address", "url", "host"),
    [
        ("https://example.com\\@evil.com/", "https://example.com/@evil.com/", "example.com"),
        ("https://under_score.example.com/x", "https://under_score.example.com/x", "under_score.example.com"),
        ("http://i❤.ws/", "http://xn--i-7iq.ws/", "xn--i-7iq.ws"),
        ("http://xn--i-7iq.ws/", "http://xn--i-7iq.ws/", "xn--i-7iq.ws"),
        ("http://☃.net/a/../b", "http://xn--n3h.net/b", "xn--n3h.net"),
        ("http://[::1]:8080/x#f", "http://[::1]:8080/x", "[::1]"),
        ("HTTPS://user:pw@Example.COM.:443/", "https://user:pw@example.com/", "example.com"),
        ("http://0x7f.1/", "http://127.0.0.1/", "127.0.0.1"),
        ("http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a", "[2001:db8::1]"),
        ("https://[::ffff:192.0.2.1]/", "https://[::ffff:c000:201]/", "[::ffff:c000:201]"),
        ("http://a\u3002b/", "http://a.b/", "a.b"),  # an ideographic full stop separates labels
        ("http://a%2Eb/", "http://a.b/", "a.b"),
        ("http://ex\u00adample.com/", "http://example.com/", "example.com"),  # a soft hyphen is dropped
        ("https://:pw@example.com/", "https://:pw@example.com/", "example.com"),
        ("http://user:pass@example.com:8080/", "http://user:pass@example.com:8080/", "example.com"),
        ("http://example.com:0/", "http://example.com:0/", "example.com"),
    ],
)
def test_addresses_are_read_as_browsers_read_them(address, url, host):
    from reports.hotline.reported_urls import normalise_url

    assert normalise_url(address) == (url, host)


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("example.com/x", "Start the address with http:// or https://."),
        ("http://1.2.3.4.5/", "This is not a valid web address."),
        ("http://[::1/", "This is not a valid web address."),
        ("http://example.com:99999/", "This is not a valid web address."),
        ("ftp://example.com/", "Only http:// and https:// addresses can be reported."),
        ("https://example.com/" + "a" * 2100, "An address may have at most 2048 characters."),
        # Short as typed, too long once percent-encoded: the stored form is what is limited.
        ("https://example.com/" + "é" * 1000, "An address may have at most 2048 characters."),
        ("", "Give an address."),
        ("   ", "Give an address."),
        ("http://exa mple.com/", "An address cannot contain spaces."),
        ("http://example.com/\tx", "An address cannot contain spaces."),
        ("http://.../", "The address has no host."),
        ("http://\u200b/", "This is not a valid web address."),  # IDNA: nothing left of the label
        ("http://\u0378.com/", "This is not a valid web address."),  # IDNA: an unassigned code point
        ("http://\ufffd.com/", "This is not a valid web address."),
        ("http://%zz.com/", "This is not a valid web address."),
        ("http://ex<ample.com/", "This is not a valid web address."),
        ("http://example.com:65536/", "This is not a valid web address."),
        ("http://example.com:8o/", "This is not a valid web address."),
        ("http://example.com:-1/", "This is not a valid web address."),
        ("http://user@:80/", "This is not a valid web address."),
        ("http://\x00x.com/", "This is not a valid web address."),
    ],
)
def test_bad_addresses_say_why(address, message):
    from django.utils import translation

    from reports.hotline.reported_urls import InvalidUrl, normalise_url

    with translation.override("en"), pytest.raises(InvalidUrl) as refused:
        normalise_url(address)
    assert str(refused.value) == message


@pytest.mark.parametrize("period", ["9999-Q4", "0000-Q1", "1989-Q4"])
def test_statistics_for_a_quarter_out_of_range_answer_400(client, period, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("stats", "s@centre.example", "pass")
    user.groups.add(Group.objects.get(name="Administrators"))
    client.force_login(user)
    response = client.get("/api/v1/reports/hotline/stats/", {"quarter": period}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"quarter": ["Give a year from 1990 to 2100."]}
    far = client.get("/api/v1/reports/hotline/stats/", {"from": "2026-01-01", "to": "9999-12-31"})
    assert far.status_code == 400 and "to" in far.json()["error"]["fields"]


def test_a_file_posted_to_the_report_form_is_refused_with_the_warning(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reports.models import HotlineReport

    form = {
        "urls": "https://bad.example/a.jpg",
        "category": "csam",
        "source_type": "webpage",
        "evidence": SimpleUploadedFile("x.jpg", b"\xff\xd8\xff", content_type="image/jpeg"),
    }
    response = client.post("/en/hotline/", form)
    assert response.status_code == 400
    assert "Never send images, videos or other files" in response.content.decode()
    assert not HotlineReport.objects.exists()


def test_the_status_token_can_travel_in_a_post_body_or_a_header(client):
    receipt = client.post("/api/v1/reports/hotline/", GOOD, content_type="application/json").json()
    body = {"reference": receipt["reference"], "token": receipt["status_token"]}
    posted = client.post("/api/v1/reports/hotline/status/", body, content_type="application/json")
    assert posted.status_code == 200 and posted.json() == {"reference": receipt["reference"], "status": "received"}
    header = client.get(
        "/api/v1/reports/hotline/status/",
        {"reference": receipt["reference"]},
        HTTP_STATUS_TOKEN=receipt["status_token"],
    )
    assert header.status_code == 200
    wrong = client.post("/api/v1/reports/hotline/status/", {**body, "token": "x" * 32}, content_type="application/json")
    assert wrong.status_code == 404
    missing = client.post("/api/v1/reports/hotline/status/", {"reference": 3}, content_type="application/json")
    assert missing.status_code == 400 and set(missing.json()["error"]["fields"]) == {"reference", "token"}


def test_the_assessment_form_preselects_no_verdict(db):
    from reports.hotline.forms import AssessForm

    form = AssessForm()
    for name in ("classification", "content_type", "site_type"):
        assert form.fields[name].choices[0] == ("", "—")
    refused = AssessForm(data={"version": 1, "reported_url": 1, "content_type": "image", "site_type": "forum"})
    assert not refused.is_valid() and "classification" in refused.errors


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://bad.example/a.jpg", "hxxps://bad[.]example/a.jpg"),
        ("http://bad.example/", "hxxp://bad[.]example/"),
        ("https://bad.example", "hxxps://bad[.]example"),
        (
            "https://bad.example/go?to=https://other.example/x.y",
            "hxxps://bad[.]example/go?to=https://other.example/x.y",
        ),
        ("https://a.b.example/p/q/r.html", "hxxps://a[.]b[.]example/p/q/r.html"),
    ],
)
def test_addresses_are_shown_defanged_host_first(url, shown):
    from reports.hotline.reported_urls import defang

    assert defang(url) == shown


def test_an_address_of_exactly_the_maximum_length_is_taken(settings):
    from django.utils import translation

    from reports.hotline.reported_urls import MAX_URL_LENGTH, InvalidUrl, normalise_url

    longest = "https://example.com/" + "a" * (MAX_URL_LENGTH - len("https://example.com/"))
    assert normalise_url(longest) == (longest, "example.com")
    # One character more, as typed or once normalised (a trailing dot on the host is dropped).
    with translation.override("en"), pytest.raises(InvalidUrl, match="at most 2048 characters"):
        normalise_url(longest + "a")
    assert normalise_url(longest.replace("example.com/", "example.com./", 1)[:MAX_URL_LENGTH])[0] == longest[:-1]
    percent = "https://example.com/" + "a" * (MAX_URL_LENGTH - len("https://example.com/") - 1) + "é"
    with translation.override("en"), pytest.raises(InvalidUrl, match="at most 2048 characters"):
        normalise_url(percent)  # 2,048 as typed, 2,053 once "é" is percent-encoded
