"""Retention keeps the statistics and nothing personal; keys rotate; production needs one."""

import io
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from reports.models import CaseEvent, HotlineReport, IntakeReceipt, ReportedUrl
from tests.servers import clean_environment


def close(report, days_ago, reason="assessed"):
    HotlineReport.objects.filter(pk=report.pk).update(
        status="closed", closed_at=timezone.now() - timedelta(days=days_ago), close_reason=reason
    )
    ReportedUrl.objects.filter(report_links__report=report).update(state="closed", classification="baseline-illegal")


def raw_column(table, column, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_retention_anonymises_old_closed_cases_and_keeps_the_counts(make_report, settings, analyst):
    settings.HOTLINE_RETENTION_DAYS = 365
    old = make_report("https://old.example/a", reporter_email="old@example.org", consent=True, description="My name")
    recent = make_report("https://recent.example/b", reporter_email="new@example.org", consent=True)
    still_open = make_report("https://old.example/a")  # the same address, joined while open
    CaseEvent.objects.create(report=old, kind="note", actor_name="analyst", details={"text": "Call from Jana"})
    close(old, days_ago=400)
    close(recent, days_ago=10)
    HotlineReport.objects.filter(pk=still_open.pk).update(status="in-assessment")

    output = io.StringIO()
    call_command("apply_retention", stdout=output)

    old.refresh_from_db()
    assert old.anonymised_at and old.reporter_email == "" and old.description == "" and old.source_details == {}
    assert (old.category, old.channel, old.close_reason) == ("csam", "web", "assessed")  # statistics stay
    address = old.urls.get()
    assert address.url == "https://old.example/a"  # another, open case still names it
    assert address.url_hash and address.classification == "baseline-illegal"
    assert old.events.get(kind="note").details == {}
    assert old.events.filter(kind="anonymised").exists()
    recent.refresh_from_db()
    assert recent.reporter_email == "new@example.org" and recent.anonymised_at is None
    assert HotlineReport.objects.count() == 3 and ReportedUrl.objects.count() == 2
    assert "1" in output.getvalue()

    HotlineReport.objects.filter(pk=still_open.pk).update(
        status="closed", closed_at=timezone.now() - timedelta(days=400)
    )
    call_command("apply_retention", stdout=io.StringIO())
    address.refresh_from_db()
    assert address.url == "" and len(address.url_hash) == 64 and address.host == "old.example"


def test_retention_dry_run_changes_nothing(make_report):
    report = make_report(reporter_email="a@example.org", consent=True)
    close(report, days_ago=1000)
    output = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=output)
    report.refresh_from_db()
    assert report.reporter_email == "a@example.org" and "1" in output.getvalue()


def test_idempotency_receipts_expire_after_a_day(post_report, report_data):
    post_report(report_data, **{"Idempotency-Key": "old"})
    IntakeReceipt.objects.update(created_at=timezone.now() - timedelta(days=2))
    call_command("apply_retention", stdout=io.StringIO())
    assert not IntakeReceipt.objects.exists() and HotlineReport.objects.count() == 1


def test_the_column_never_holds_the_plain_address_and_keys_rotate(make_report, settings):
    old_key, new_key = settings.FIELD_ENCRYPTION_KEY, Fernet.generate_key().decode()
    report = make_report(reporter_email="rotate@example.org", consent=True)
    before = raw_column("reports_hotlinereport", "reporter_email", report.pk)
    assert "rotate@" not in before and "example.org" not in before

    settings.FIELD_ENCRYPTION_KEY = f"{new_key},{old_key}"
    call_command("rotate_encryption_key", stdout=io.StringIO())
    after = raw_column("reports_hotlinereport", "reporter_email", report.pk)
    assert after != before

    settings.FIELD_ENCRYPTION_KEY = new_key  # the old key is gone: the value still reads
    assert HotlineReport.objects.get(pk=report.pk).reporter_email == "rotate@example.org"


def test_a_missing_key_is_a_clear_error(make_report, settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.FIELD_ENCRYPTION_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEY"):
        make_report(reporter_email="x@example.org", consent=True)


def test_production_refuses_to_start_without_an_encryption_key():
    import subprocess
    import sys

    from tests.servers import PROJECT

    env = clean_environment(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="a-production-like-secret-key-with-fifty-or-more-characters-1",
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "FIELD_ENCRYPTION_KEY" in result.stderr


def test_demo_generates_a_local_key_and_says_so(tmp_path, settings):
    from reports.local_key import create_local_key, read_local_key

    settings.BASE_DIR = tmp_path
    output = io.StringIO()
    call_command("local_encryption_key", stdout=output)
    assert "Generated a local encryption key" in output.getvalue() or "Vytvořen" in output.getvalue()
    key = read_local_key(tmp_path)
    Fernet(key)  # a valid key
    assert create_local_key(tmp_path) == (tmp_path / ".field-encryption-key", False)
