"""Statistics computed from cases with known timestamps, served to the right staff only,
exported per quarter as CSV and JSON, with no address or personal detail in them."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from reports.figures import parse_period
from reports.hotline import statistics
from reports.models import Forward, HotlineReport, Notice, ReportedUrl, Takedown

START = timezone.make_aware(datetime.datetime(2026, 7, 1, 8, 0))
HOURS = datetime.timedelta(hours=1)


def case(
    make_report,
    url,
    received,
    category="csam",
    classification="baseline-illegal",
    assessed=None,
    notice=None,
    removed=None,
    country="DE",
    site_type="image-host",
):
    """A report received at ``received`` whose address went through the given steps (hours after)."""
    report = make_report(url, category=category)
    HotlineReport.objects.filter(pk=report.pk).update(received_at=received)
    record = ReportedUrl.objects.get(report_links__report=report)
    ReportedUrl.objects.filter(pk=record.pk).update(
        first_reported_at=received,
        classification=classification,
        assessed_at=received + assessed * HOURS if assessed is not None else None,
        first_notice_at=received + notice * HOURS if notice is not None else None,
        removed_at=received + removed * HOURS if removed is not None else None,
        takedown=Takedown.REMOVED if removed is not None else (Takedown.MONITORING if notice is not None else ""),
        hosting_country=country,
        site_type=site_type,
    )
    return report


@pytest.fixture
def quarter_of_cases(make_report):
    """Five addresses in 2026-Q3 and one in Q4 (which the Q3 figures must not count)."""
    case(make_report, "https://a.example/1", START, assessed=2, notice=4, removed=24)
    case(make_report, "https://a.example/2", START + 24 * HOURS, assessed=4, notice=6, removed=48)
    case(
        make_report,
        "https://b.example/3",
        START + 35 * 24 * HOURS,
        assessed=6,
        notice=10,
        removed=120,
        country="NL",
        site_type="file-host",
    )
    case(make_report, "https://c.example/4", START + 40 * 24 * HOURS, assessed=8, notice=12)  # still online
    case(
        make_report,
        "https://d.example/5",
        START + 70 * 24 * HOURS,
        category="racism-xenophobia",
        classification="not-illegal",
        assessed=10,
    )
    case(make_report, "https://late.example/6", START + 100 * 24 * HOURS, assessed=1, notice=1, removed=2)
    # A second report of an open address: a duplicate.
    duplicate = make_report("https://c.example/4")
    HotlineReport.objects.filter(pk=duplicate.pk).update(received_at=START + 41 * 24 * HOURS)


def test_the_figures_of_a_quarter(quarter_of_cases):
    figures = statistics.compute(parse_period({"quarter": "2026-Q3"}))
    assert figures["period"] == {"from": "2026-07-01", "to": "2026-09-30", "label": "2026-Q3"}
    assert figures["reports"]["total"] == 6
    assert figures["reports"]["by_category"] == {"csam": 5, "racism-xenophobia": 1}
    assert [
        (month["month"], month["csam"], month["racism-xenophobia"]) for month in figures["reports"]["by_month"]
    ] == [
        ("2026-07", 2, 0),
        ("2026-08", 3, 0),
        ("2026-09", 0, 1),
    ]
    assert figures["reports"]["duplicates"] == 1
    addresses = figures["addresses"]
    assert (addresses["reported"], addresses["assessed"], addresses["illegal"]) == (5, 5, 4)
    assert addresses["share_illegal"] == 0.8
    assert addresses["hosting_countries"] == {"DE": 3, "NL": 1}
    assert addresses["site_types"] == {"file-host": 1, "image-host": 3}
    # 2, 4, 6, 8, 10 hours to assessment: median 6, 90th percentile 8 + 0.6 × 2 = 9.2.
    assert figures["times"]["to_assessment"] == {"count": 5, "median_hours": 6.0, "p90_hours": 9.2}
    assert figures["times"]["to_notice"] == {"count": 4, "median_hours": 8.0, "p90_hours": 11.4}
    # 24, 48, 120 hours to removal: median 48, p90 48 + 0.8 × 72 = 105.6.
    assert figures["times"]["to_removal"] == {"count": 3, "median_hours": 48.0, "p90_hours": 105.6}
    # Of 4 notified addresses, 2 gone within 3 days (24 h, 48 h), 3 within 7 (120 h).
    assert figures["takedown"] == {
        "notified": 4,
        "removed": 3,
        "still_online": 1,
        "removed_within_3_days": 0.5,
        "removed_within_7_days": 0.75,
    }


def test_actions_are_counted_in_the_period_they_happened(quarter_of_cases, analyst):
    record = ReportedUrl.objects.get(url="https://a.example/1")
    report = HotlineReport.objects.get(urls=record)
    Forward.objects.create(
        report=report, reported_url=record, recipient="police", recipient_name="Policie ČR", forwarded_at=START + HOURS
    )
    first = Notice.objects.create(
        reference="NT-1", recipient="a@b.example", language="en", state="sent", sent_at=START + 2 * HOURS
    )
    Notice.objects.create(
        reference="NT-2",
        recipient="a@b.example",
        language="en",
        state="sent",
        sent_at=START + 30 * HOURS,
        reminder_of=first,
    )
    Notice.objects.create(reference="NT-3", recipient="a@b.example", language="en", state="failed")
    actions = statistics.compute(parse_period({"quarter": "2026-Q3"}))["actions"]
    assert actions == {"forwards": {"police": 1}, "notices": 1, "reminders": 1}


def test_no_figures_give_none_not_a_division_by_zero(db):
    figures = statistics.compute(parse_period({"quarter": "2020-Q1"}))
    assert figures["addresses"]["share_illegal"] is None
    assert figures["times"]["to_removal"] == {"count": 0, "median_hours": None, "p90_hours": None}


@pytest.mark.parametrize(
    ("query", "field"),
    [("quarter=2026-Q5", "quarter"), ("from=2026-13-01", "from"), ("from=2026-09-01&to=2026-08-01", "to")],
)
def test_a_bad_period_is_a_400_naming_the_field(client, analyst, query, field):
    client.force_login(analyst)
    response = client.get(f"/api/v1/reports/hotline/stats/?{query}")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_the_api_serves_the_figures_to_analysts_only(client, analyst, editor, quarter_of_cases):
    assert client.get("/api/v1/reports/hotline/stats/").status_code == 403
    client.force_login(editor)
    assert client.get("/api/v1/reports/hotline/stats/").status_code == 403
    client.force_login(analyst)
    response = client.get("/api/v1/reports/hotline/stats/?quarter=2026-Q3")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response.json()["addresses"]["illegal"] == 4


def test_figures_hold_no_address_or_personal_detail(client, analyst, quarter_of_cases):
    HotlineReport.objects.update(reporter_email="someone@private.example", description="Seen at school")
    client.force_login(analyst)
    for text in (
        client.get("/api/v1/reports/hotline/stats/?quarter=2026-Q3").content.decode(),
        client.get("/admin/hotline/statistics/export.csv?quarter=2026-Q3").content.decode(),
        client.get("/admin/hotline/statistics/?quarter=2026-Q3").content.decode(),
    ):
        for secret in ("a.example", "someone@private.example", "Seen at school"):
            assert secret not in text


def test_the_quarter_exports_as_csv_and_json(client, analyst, quarter_of_cases):
    client.force_login(analyst)
    response = client.get("/admin/hotline/statistics/export.csv?quarter=2026-Q3")
    assert response.status_code == 200
    assert 'filename="hotline-statistics-2026-Q3.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["section", "dimension", "key", "value"]
    assert ["addresses", "hosting_countries", "DE", "3"] in rows
    assert ["times", "to_removal", "median_hours", "48.0"] in rows
    assert ["reports", "by_month:2026-08", "csam", "3"] in rows
    exported = json.loads(client.get("/admin/hotline/statistics/export.json?quarter=2026-Q3").content)
    assert exported["takedown"]["removed_within_7_days"] == 0.75
    assert client.get("/admin/hotline/statistics/export.xml?quarter=2026-Q3").status_code == 404
    assert client.get("/admin/hotline/statistics/export.csv?quarter=2026-Q9").status_code == 400


def test_the_dashboard_shows_the_figures(client, analyst, editor, quarter_of_cases):
    client.force_login(editor)
    assert client.get("/admin/hotline/statistics/").status_code == 403
    client.force_login(analyst)
    response = client.get("/admin/hotline/statistics/?quarter=2026-Q3")
    assert response.status_code == 200
    page = response.content.decode()
    assert "2026-08" in page and "105,6" in page and "75 %" in page  # the admin speaks Czech here


def test_an_export_is_in_the_audit_log(client, analyst, quarter_of_cases):
    from reports.models import AuditEntry

    client.force_login(analyst)
    client.get("/admin/hotline/statistics/export.json?quarter=2026-Q3")
    entry = AuditEntry.objects.get(action="export")
    assert (entry.username, entry.object_type, entry.object_id, entry.summary) == (
        "analyst",
        "statistics",
        "2026-Q3",
        "hotline-statistics json",
    )
