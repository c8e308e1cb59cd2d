"""Retention keeps the statistics and nothing personal; keys rotate; production needs one."""

import io
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from reports.hotline import workflow
from reports.hotline.retention import apply_retention
from reports.models import AuditEntry, CaseEvent, HotlineReport, IntakeReceipt, ReportedUrl
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
    expected = _(
        "Anonymised %(reports)s closed cases older than %(days)s days (%(addresses)s addresses "
        "replaced by their hash); deleted %(receipts)s expired idempotency receipts."
    ) % {"reports": 1, "days": 365, "addresses": 0, "receipts": 0}
    assert output.getvalue().strip().splitlines()[0] == expected

    HotlineReport.objects.filter(pk=still_open.pk).update(
        status="closed", closed_at=timezone.now() - timedelta(days=400)
    )
    call_command("apply_retention", stdout=io.StringIO())
    address.refresh_from_db()
    assert address.url == "" and len(address.url_hash) == 64 and address.host == "old.example"


def test_retention_dry_run_changes_nothing(make_report, settings):
    report = make_report(reporter_email="a@example.org", consent=True)
    close(report, days_ago=1000)
    output = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=output)
    report.refresh_from_db()
    assert report.reporter_email == "a@example.org" and report.anonymised_at is None
    expected = _("%(count)s closed cases are older than %(days)s days and would be anonymised.") % {
        "count": 1,
        "days": settings.HOTLINE_RETENTION_DAYS,
    }
    assert output.getvalue().strip().splitlines()[0] == expected


@pytest.mark.parametrize("days", [365, 30])
def test_retention_starts_on_the_exact_day(make_report, settings, days):
    """A case closed ``days`` days ago to the second is due; one closed a minute later is not
    (a cut-off counted in hours, or in fewer days, would take it)."""
    settings.HOTLINE_RETENTION_DAYS = days
    now = timezone.now()
    due = make_report("https://due.example/a", reporter_email="due@example.org", consent=True)
    kept = make_report("https://kept.example/a", reporter_email="kept@example.org", consent=True)
    HotlineReport.objects.filter(pk=due.pk).update(status="closed", closed_at=now - timedelta(days=days, seconds=1))
    HotlineReport.objects.filter(pk=kept.pk).update(status="closed", closed_at=now - timedelta(days=days, minutes=-1))

    result = apply_retention(now=now)

    assert result.reports == 1
    due.refresh_from_db()
    kept.refresh_from_db()
    assert (due.reporter_email, kept.reporter_email) == ("", "kept@example.org")
    assert due.anonymised_at == now and kept.anonymised_at is None
    # The next day the other one is due too, and the first is not done twice.
    assert apply_retention(now=now + timedelta(days=1)).reports == 1


def test_retention_blanks_the_note_given_when_a_case_was_closed(make_report, analyst, settings):
    settings.HOTLINE_RETENTION_DAYS = 30
    report = make_report("https://closed.example/a")
    workflow.close(report, analyst, report.version, "assessed", note="Called the reporter, Jana Nováková, 777 123 456")
    closing = report.events.get(kind="closed")
    assert closing.details == {"reason": "assessed", "note": "Called the reporter, Jana Nováková, 777 123 456"}
    HotlineReport.objects.filter(pk=report.pk).update(closed_at=timezone.now() - timedelta(days=31))

    apply_retention()

    closing.refresh_from_db()
    assert closing.details == {"reason": "assessed"}
    assert (closing.kind, closing.actor_name) == ("closed", "analyst")  # the step itself stays


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

    assert Fernet(old_key).decrypt(before.encode()) == b"rotate@example.org"

    settings.FIELD_ENCRYPTION_KEY = f"{new_key},{old_key}"
    output = io.StringIO()
    call_command("rotate_encryption_key", stdout=output)
    assert output.getvalue().strip() == _("Re-encrypted %(count)s values with the current key.") % {"count": 1}
    after = raw_column("reports_hotlinereport", "reporter_email", report.pk)
    assert Fernet(new_key).decrypt(after.encode()) == b"rotate@example.org"
    with pytest.raises(InvalidToken):
        Fernet(old_key).decrypt(after.encode())  # re-encrypted with the new key, not merely re-read

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
    from cms.core.local_key import create_local_key, read_local_key

    settings.BASE_DIR = tmp_path
    output = io.StringIO()
    call_command("local_encryption_key", stdout=output)
    assert "Generated a local encryption key" in output.getvalue() or "Vytvořen" in output.getvalue()
    key = read_local_key(tmp_path)
    Fernet(key)  # a valid key
    assert create_local_key(tmp_path) == (tmp_path / ".field-encryption-key", False)


def test_idempotency_receipts_keep_their_status_token_through_a_rotation(post_report, report_data, settings):
    """A retry after the rotation still gets the token the first answer gave."""
    old_key, new_key = settings.FIELD_ENCRYPTION_KEY, Fernet.generate_key().decode()
    first = post_report(report_data, **{"Idempotency-Key": "rotating"}).json()
    receipt = IntakeReceipt.objects.get()
    assert (
        Fernet(old_key).decrypt(raw_column("reports_intakereceipt", "status_token", receipt.pk).encode()).decode()
        == (first["status_token"])
    )

    settings.FIELD_ENCRYPTION_KEY = f"{new_key},{old_key}"
    output = io.StringIO()
    call_command("rotate_encryption_key", stdout=output)
    assert output.getvalue().strip() == _("Re-encrypted %(count)s values with the current key.") % {"count": 1}
    settings.FIELD_ENCRYPTION_KEY = new_key
    token = raw_column("reports_intakereceipt", "status_token", receipt.pk)
    assert Fernet(new_key).decrypt(token.encode()).decode() == first["status_token"]
    again = post_report(report_data, **{"Idempotency-Key": "rotating"})
    assert again["Idempotent-Replayed"] == "true" and again.json() == first


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ("not-a-key", "FIELD_ENCRYPTION_KEY holds a key that is not a Fernet key"),
        (f"{Fernet.generate_key().decode()},c2hvcnQ=", "FIELD_ENCRYPTION_KEY holds a key that is not a Fernet key"),
        (" , ,", "Set FIELD_ENCRYPTION_KEY"),
    ],
)
def test_a_malformed_key_ring_is_a_clear_error(make_report, settings, keys, message):
    from django.core.exceptions import ImproperlyConfigured

    settings.FIELD_ENCRYPTION_KEY = keys
    with pytest.raises(ImproperlyConfigured, match=message):
        make_report(reporter_email="x@example.org", consent=True)
    assert not HotlineReport.objects.exists()


def test_spaces_around_keys_are_ignored(make_report, settings):
    key = settings.FIELD_ENCRYPTION_KEY
    settings.FIELD_ENCRYPTION_KEY = f"  {key} , "
    report = make_report(reporter_email="spaces@example.org", consent=True)
    settings.FIELD_ENCRYPTION_KEY = key
    assert HotlineReport.objects.get(pk=report.pk).reporter_email == "spaces@example.org"


def test_a_value_no_key_of_the_ring_opens_is_a_clear_error(make_report, settings):
    from django.core.exceptions import ImproperlyConfigured

    report = make_report(reporter_email="lost@example.org", consent=True)
    settings.FIELD_ENCRYPTION_KEY = Fernet.generate_key().decode()  # the old key was dropped too early
    with pytest.raises(
        ImproperlyConfigured, match=r"^A value cannot be decrypted with any key in FIELD_ENCRYPTION_KEY\.$"
    ):
        HotlineReport.objects.get(pk=report.pk)
    with connection.cursor() as cursor:  # a value tampered with in the database is refused the same way
        cursor.execute(
            "UPDATE reports_hotlinereport SET reporter_email = %s WHERE id = %s", ["gAAAAAtampered", report.pk]
        )
    with pytest.raises(ImproperlyConfigured, match="cannot be decrypted"):
        HotlineReport.objects.get(pk=report.pk)


def test_an_empty_value_stays_empty_and_queryable(make_report):
    report = make_report()
    assert raw_column("reports_hotlinereport", "reporter_email", report.pk) == ""
    assert HotlineReport.objects.filter(reporter_email="").get() == report


def test_the_retention_task_runs_the_job_and_reports_its_counts(make_report, settings):
    from reports.tasks import apply_retention_task

    settings.HOTLINE_RETENTION_DAYS = 30
    report = make_report(reporter_email="task@example.org", consent=True)
    close(report, days_ago=31)
    result = apply_retention_task.enqueue()
    assert result.return_value == {
        "reports": 1,
        "addresses": 1,
        "receipts": 0,
        "helpline_contacts": 0,
        "helpline_messages": 0,
        "helpline_cases": 0,
        "helpline_receipts": 0,
        "helpline_chats": 0,
        "helpline_chat_messages": 0,
    }
    report.refresh_from_db()
    assert report.reporter_email == "" and report.anonymised_at


def test_one_run_counts_every_case_and_each_shared_address_once(make_report, settings):
    settings.HOTLINE_RETENTION_DAYS = 30
    now = timezone.now()
    first = make_report(
        "https://shared.example/a",
        reporter_email="a@example.org",
        consent=True,
        wants_feedback=True,
        source_type="social-network",
        source_details={"service": "A network", "profile": "someone"},
    )
    second = make_report("https://shared.example/a", "https://own.example/b")
    reopened = make_report("https://reopened.example/c", reporter_email="r@example.org", consent=True)
    for report in (first, second):
        close(report, days_ago=40)
    # Closed long ago, then reopened: open again, so nothing of it may go.
    HotlineReport.objects.filter(pk=reopened.pk).update(status="in-assessment", closed_at=now - timedelta(days=40))
    CaseEvent.objects.create(report=first, kind="closed", details={"note": "before reasons were recorded"})
    old_receipt, fresh_receipt = (
        IntakeReceipt.objects.create(namespace="api", key_hash=name * 64, request_hash="r", report=first,
                                     status_token="t", created_at=now - age)
        for name, age in (("a", timedelta(days=1, seconds=1)), ("b", timedelta(hours=23)))
    )  # fmt: skip

    result = apply_retention(now=now)

    assert (result.reports, result.addresses, result.receipts) == (2, 2, 1)
    assert list(IntakeReceipt.objects.values_list("pk", flat=True)) == [fresh_receipt.pk]
    first.refresh_from_db()
    assert (first.reporter_email, first.wants_feedback, first.consent_at, first.anonymised_at) == ("", False, None, now)
    assert first.source_details == {} and first.source_type == "social-network"
    assert first.events.get(kind="anonymised").created_at == now
    assert first.events.get(kind="closed", details__has_key="reason").details == {"reason": ""}
    anonymised = AuditEntry.objects.filter(action="anonymise").order_by("object_id")
    assert [(entry.object_id, entry.summary, entry.username) for entry in anonymised] == [
        (str(first.pk), "retention", ""),
        (str(second.pk), "retention", ""),
    ]
    reopened.refresh_from_db()
    assert reopened.reporter_email == "r@example.org" and reopened.anonymised_at is None
    assert old_receipt.pk not in IntakeReceipt.objects.values_list("pk", flat=True)


def test_a_shorter_period_can_be_given_to_one_run(make_report, settings):
    settings.HOTLINE_RETENTION_DAYS = 365
    report = make_report(reporter_email="short@example.org", consent=True)
    close(report, days_ago=11)
    assert apply_retention(days=365).reports == 0
    assert apply_retention(days=10).reports == 1


def test_an_unset_key_setting_is_the_same_clear_error(make_report, settings):
    from django.core.exceptions import ImproperlyConfigured

    del settings.FIELD_ENCRYPTION_KEY
    with pytest.raises(ImproperlyConfigured, match=r"^Set FIELD_ENCRYPTION_KEY"):
        make_report(reporter_email="x@example.org", consent=True)
