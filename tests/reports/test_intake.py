"""``POST /api/v1/reports/hotline/`` and the status endpoint: the contract and its refusals."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.models import AuditEntry, CaseEvent, HotlineReport, IntakeReceipt, ReportedUrl


def test_a_report_is_stored_with_a_reference_and_a_status_token(post_report, report_data):
    response = post_report(report_data)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["reference"].startswith("HL-") and body["reference"].endswith("-000001")
    assert len(body["status_token"]) >= 32 and body["status"] == "received"

    report = HotlineReport.objects.get(reference=body["reference"])
    assert (report.category, report.source_type, report.channel) == ("csam", "webpage", "api")
    assert report.status_token_hash != body["status_token"]  # only its hash is kept
    assert [link.url for link in report.urls.all()] == ["https://example.com/some/page"]
    assert list(report.events.values_list("kind", flat=True)) == ["received"]
    created = AuditEntry.objects.get()
    assert (created.action, created.object_id, created.username, created.summary) == (
        "create",
        str(report.pk),
        "",
        "api",
    )


def test_references_count_up(post_report, report_data):
    first = post_report(report_data).json()["reference"]
    second = post_report({**report_data, "urls": ["https://other.example/"]}).json()["reference"]
    assert int(second.rsplit("-", 1)[1]) == int(first.rsplit("-", 1)[1]) + 1


@pytest.mark.parametrize(
    ("address", "stored"),
    [
        ("HTTP://EXAMPLE.com:80/a/b?x=1#frag", "http://example.com/a/b?x=1"),
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        ("https://example.com:8443", "https://example.com:8443/"),
    ],
)
def test_addresses_are_normalised(post_report, report_data, address, stored):
    assert post_report({**report_data, "urls": [address]}).status_code == 201
    assert ReportedUrl.objects.get().url == stored


def test_the_same_open_address_joins_the_existing_record(post_report, report_data):
    post_report(report_data)
    post_report({**report_data, "urls": ["https://example.com/some/page", "https://example.com/another"]})
    assert ReportedUrl.objects.count() == 2
    shared = ReportedUrl.objects.get(url="https://example.com/some/page")
    assert shared.reports.count() == 2
    assert CaseEvent.objects.filter(kind="joined", reported_url=shared).count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"urls": []}, "urls"),
        ({"urls": "https://example.com"}, "urls"),
        ({"urls": ["ftp://example.com/file"]}, "urls"),
        ({"urls": ["javascript:alert(1)"]}, "urls"),
        ({"urls": ["https://"]}, "urls"),
        ({"urls": ["https://exa mple.com"]}, "urls"),
        ({"urls": [f"https://example.com/{n}" for n in range(21)]}, "urls"),
        ({"category": "spam"}, "category"),
        ({"category": None}, "category"),
        ({"source_type": "tv"}, "source_type"),
        ({"source_details": {"service": "x" * 101}}, "source_details"),
        ({"source_details": {"colour": "red"}}, "source_details"),
        ({"source_details": {"service": 42}}, "source_details"),  # a number is not text
        ({"urls": [12345]}, "urls"),
        ({"description": 1e300}, "description"),
        ({"source_details": {"seen_at": "2999-01-01T00:00:00Z"}}, "source_details"),
        ({"description": "x" * 5001}, "description"),
        ({"language": "de"}, "language"),
        ({"reporter_email": "not-an-address", "consent": True}, "reporter_email"),
        ({"reporter_email": "me@example.org"}, "consent"),
        ({"wants_feedback": True}, "reporter_email"),
    ],
)
def test_bad_values_answer_400_naming_the_field_and_store_nothing(post_report, report_data, change, field):
    response = post_report({**report_data, **change})
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert field in error["fields"] and error["fields"][field]
    assert not HotlineReport.objects.exists() and not ReportedUrl.objects.exists()


def test_the_reason_for_a_bad_address_names_its_position(post_report, report_data):
    english = {"Accept-Language": "en"}
    response = post_report({**report_data, "urls": ["https://ok.example/", "ftp://bad.example/"]}, **english)
    assert response.json()["error"]["fields"]["urls"] == ["1: Only http:// and https:// addresses can be reported."]
    details = post_report({**report_data, "source_details": {"service": "x" * 101}}, **english).json()["error"][
        "fields"
    ]
    assert details["source_details"] == ["service: Ensure this field has no more than 100 characters."]


@pytest.mark.parametrize("category", ["cyberbullying", "sexting", "other"])
def test_out_of_remit_categories_store_nothing_and_point_to_the_helpline(post_report, report_data, category):
    response = post_report({**report_data, "category": category})
    assert response.status_code == 200
    assert response.json()["stored"] is False and "linka pomoci" in response.json()["message"]  # Czech by default
    assert not HotlineReport.objects.exists() and not ReportedUrl.objects.exists()


def test_files_are_refused_with_a_warning(client, db):
    upload = {"urls": "https://example.com/", "evidence": ("photo.jpg", b"\xff\xd8\xff", "image/jpeg")}
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload["evidence"] = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff", content_type="image/jpeg")
    response = client.post("/api/v1/reports/hotline/", upload)
    assert response.status_code == 415
    assert "Nikdy neposílejte obrázky, videa ani jiné soubory" in response.json()["error"]["message"]
    assert not HotlineReport.objects.exists()


def test_an_e_mail_address_with_consent_is_kept_encrypted(post_report, report_data):
    response = post_report(
        {**report_data, "reporter_email": "reporter@example.org", "consent": True, "wants_feedback": True}
    )
    report = HotlineReport.objects.get(reference=response.json()["reference"])
    assert report.reporter_email == "reporter@example.org" and report.wants_feedback and report.consent_at
    with connection.cursor() as cursor:
        cursor.execute("SELECT reporter_email FROM reports_hotlinereport WHERE id = %s", [report.pk])
        (raw,) = cursor.fetchone()
    assert raw and "reporter" not in raw and "example.org" not in raw


def test_an_idempotent_retry_returns_the_first_report(post_report, report_data):
    first = post_report(report_data, **{"Idempotency-Key": "retry-1"})
    again = post_report(report_data, **{"Idempotency-Key": "retry-1"})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert HotlineReport.objects.count() == 1 and IntakeReceipt.objects.count() == 1
    other = post_report(report_data, **{"Idempotency-Key": "retry-2"})
    assert other.json()["reference"] != first.json()["reference"]


def test_a_replay_is_answered_from_the_receipt_without_writing_a_report(post_report, report_data):
    """A retry must not even start a report (nor take a reference number) and roll it back."""
    first = post_report(report_data, **{"Idempotency-Key": "replay-1"})
    with CaptureQueriesContext(connection) as queries:
        again = post_report(report_data, **{"Idempotency-Key": "replay-1"})
    assert again.json() == first.json()
    written = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) and '"reports_' in query["sql"]
    ]
    assert written == []


def test_an_over_long_idempotency_key_is_refused(post_report, report_data):
    response = post_report(report_data, **{"Idempotency-Key": "k" * 256})
    assert response.status_code == 400 and "Idempotency-Key" in response.json()["error"]["fields"]


def test_the_honeypot_stores_nothing_but_looks_accepted(post_report, report_data):
    response = post_report({**report_data, "homepage": "http://spam.example"})
    assert response.status_code == 201 and response.json()["reference"].startswith("HL-")
    assert not HotlineReport.objects.exists()


def test_the_rate_limit_answers_429_with_retry_after(post_report, report_data, settings):
    settings.HOTLINE_RATE_LIMIT = "3/hour"
    for _ in range(3):
        assert post_report(report_data).status_code == 201
    refused = post_report(report_data)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert refused.json()["error"]["code"] == "throttled"
    assert HotlineReport.objects.count() == 3


def test_nothing_identifying_the_client_is_stored_or_logged(client, db, report_data, caplog):
    marker_ip, marker_agent = "203.0.113.77", "MarkerAgent/9.9"
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/api/v1/reports/hotline/",
            report_data,
            content_type="application/json",
            REMOTE_ADDR=marker_ip,
            HTTP_USER_AGENT=marker_agent,
            HTTP_X_FORWARDED_FOR=marker_ip,
        )
        client.post(  # and a refused one, which Django logs as a warning
            "/api/v1/reports/hotline/", {"urls": []}, content_type="application/json", REMOTE_ADDR=marker_ip
        )
    assert response.status_code == 201
    written = " ".join(str(query["sql"]) for query in queries)
    assert marker_ip not in written and marker_agent not in written
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert marker_ip not in logged and marker_agent not in logged


def test_status_reads_the_coarse_status_with_the_token(client, post_report, report_data):
    receipt = post_report(report_data).json()
    response = client.get(
        "/api/v1/reports/hotline/status/", {"reference": receipt["reference"], "token": receipt["status_token"]}
    )
    assert response.status_code == 200
    assert response.json() == {"reference": receipt["reference"], "status": "received"}
    assert response["Cache-Control"] == "no-store"


def test_a_wrong_token_looks_exactly_like_an_unknown_reference(client, post_report, report_data):
    receipt = post_report(report_data).json()
    wrong_token = client.get("/api/v1/reports/hotline/status/", {"reference": receipt["reference"], "token": "x" * 32})
    unknown = client.get("/api/v1/reports/hotline/status/", {"reference": "HL-2000-999999", "token": "x" * 32})
    assert wrong_token.status_code == unknown.status_code == 404
    assert wrong_token.content == unknown.content


def test_status_needs_both_parameters(client, db):
    response = client.get("/api/v1/reports/hotline/status/", {"reference": "HL-2026-000001"})
    assert response.status_code == 400 and list(response.json()["error"]["fields"]) == ["token"]


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(post_report, report_data, settings):
    settings.HOTLINE_RATE_LIMIT = "1/hour"
    assert post_report(report_data, **{"X-Forwarded-For": "198.51.100.1"}).status_code == 201
    assert post_report(report_data, **{"X-Forwarded-For": "198.51.100.2"}).status_code == 429


def test_a_concurrent_report_of_the_same_new_address_is_retried_not_a_500(post_report, report_data, monkeypatch):
    from django.db import IntegrityError

    from reports.hotline import intake

    real_attach, attempts = intake._attach_url, []

    def attach_losing_the_first_race(*args):
        attempts.append(args[1])
        if len(attempts) == 1:  # what the unique constraint says when another report opened it first
            raise IntegrityError("UNIQUE constraint failed: reports_one_open_record_per_url")
        return real_attach(*args)

    monkeypatch.setattr(intake, "_attach_url", attach_losing_the_first_race)
    response = post_report(report_data, **{"Idempotency-Key": "lost-a-race"})
    assert response.status_code == 201 and len(attempts) == 2
    assert HotlineReport.objects.count() == 1 and ReportedUrl.objects.get().reports.count() == 1
    # The second attempt keeps the key: a retry of the request is answered with this report.
    receipt = IntakeReceipt.objects.get()
    assert (receipt.namespace, receipt.report.reference) == ("api", response.json()["reference"])
    again = post_report(report_data, **{"Idempotency-Key": "lost-a-race"})
    assert again.json() == response.json() and HotlineReport.objects.count() == 1


def test_a_platform_that_loses_a_race_keeps_its_report(client, report_data, monkeypatch):
    from django.db import IntegrityError

    from cms.partners.keys import issue_key
    from cms.partners.models import Partner
    from reports.hotline import intake

    partner = Partner.objects.create(name="Platform", kind="industry", contact_email="", origins="")
    _record, key = issue_key(partner, ["reports:submit"])
    real_attach, attempts = intake._attach_url, []

    def attach_losing_the_first_race(*args):
        attempts.append(args[1])
        if len(attempts) == 1:
            raise IntegrityError("UNIQUE constraint failed: reports_one_open_record_per_url")
        return real_attach(*args)

    monkeypatch.setattr(intake, "_attach_url", attach_losing_the_first_race)
    response = client.post(
        "/api/v1/reports/hotline/",
        report_data,
        content_type="application/json",
        headers={"Authorization": f"Api-Key {key}", "Idempotency-Key": "platform-race"},
    )
    assert response.status_code == 201
    report = HotlineReport.objects.get()
    assert (report.partner, report.channel) == (partner, "partner")
    assert IntakeReceipt.objects.get().namespace == f"partner:{partner.pk}"


def test_what_the_reporter_wrote_is_kept_as_written(post_report, report_data):
    response = post_report({**report_data, "description": "Viděl jsem to na fóru.", "language": "en"})
    report = HotlineReport.objects.get(reference=response.json()["reference"])
    assert (report.description, report.language) == ("Viděl jsem to na fóru.", "en")


def test_the_time_the_content_was_seen_is_kept(post_report, report_data):
    details = {"service": "A network", "seen_at": "2026-01-15T10:30:00+01:00"}
    response = post_report({**report_data, "source_type": "social-network", "source_details": details})
    assert response.status_code == 201, response.content
    stored = HotlineReport.objects.get().source_details
    assert stored["service"] == "A network" and stored["seen_at"].startswith("2026-01-15")


def test_everything_of_one_report_is_stored_at_one_time(post_report, report_data, monkeypatch):
    """One instant for the report, its address, its link, its history and its receipt; the
    defaults for what the reporter left out."""
    import datetime

    from django.utils import timezone

    from reports.models import AuditEntry, ReportedUrlLink

    instant = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: instant)
    data = {key: value for key, value in report_data.items() if key not in ("description", "language")}
    first = post_report(data, **{"Idempotency-Key": "all-at-once"})
    assert first.status_code == 201
    report = HotlineReport.objects.get()
    assert (report.received_at, report.description, report.language) == (instant, "", "cs")
    assert (report.reporter_email, report.wants_feedback, report.consent_at) == ("", False, None)
    assert (report.channel, report.partner, report.status) == ("api", None, "received")
    record = report.urls.get()
    assert (record.url, record.host, record.first_reported_at) == (
        "https://example.com/some/page",
        "example.com",
        instant,
    )
    link = ReportedUrlLink.objects.get()
    assert (link.created_at, link.joined_existing) == (instant, False)
    received = report.events.get()
    assert (received.kind, received.created_at, received.details) == (
        "received",
        instant,
        {"channel": "api", "addresses": 1},
    )
    assert IntakeReceipt.objects.get().created_at == instant
    assert AuditEntry.objects.get(action="create").summary == "api"

    second = post_report({**report_data, "urls": ["https://example.com/some/page"]})
    joined = HotlineReport.objects.get(reference=second.json()["reference"])
    event = joined.events.get(kind="joined")
    assert (event.created_at, event.reported_url) == (instant, record)
    assert ReportedUrlLink.objects.get(report=joined).joined_existing is True


def test_a_retry_of_a_report_with_a_time_in_it_is_a_replay(post_report, report_data):
    details = {"service": "A network", "seen_at": "2026-01-15T10:30:00+01:00"}
    data = {**report_data, "source_type": "social-network", "source_details": details}
    first = post_report(data, **{"Idempotency-Key": "with-a-time"})
    again = post_report(data, **{"Idempotency-Key": "with-a-time"})
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true" and again.json() == first.json()


def test_the_honeypot_answer_looks_like_a_real_receipt(post_report, report_data):
    import re

    decoy = post_report({**report_data, "homepage": "http://spam.example"}).json()
    real = post_report(report_data).json()
    assert sorted(decoy) == sorted(real) == ["reference", "status", "status_token"]
    assert re.fullmatch(r"HL-\d{4}-\d{6}", decoy["reference"])
    assert len(decoy["status_token"]) == len(real["status_token"]) == 32
