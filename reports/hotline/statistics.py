"""Hotline statistics for the centre and for INHOPE: counts, shares and times, never a
reported address or anything about a person.

Reports count by the day they arrived; addresses by the day they were first reported
(one address reported twice counts once, its second report as a duplicate). Times run
from an address's first report to its assessment, first notice and removal; the share
"removed within 3 / 7 days" is of the addresses a notice went out for.
"""

import datetime

from django.db.models import Count
from django.db.models.functions import TruncMonth

from ..figures import counts, durations, share
from ..models import ILLEGAL, Category, Forward, HotlineReport, Notice, ReportedUrl, ReportedUrlLink, Takedown


def compute(period):
    start, end = period.bounds
    reports = HotlineReport.objects.filter(received_at__gte=start, received_at__lt=end)
    addresses = ReportedUrl.objects.filter(first_reported_at__gte=start, first_reported_at__lt=end)
    illegal = addresses.filter(classification__in=ILLEGAL)
    assessed = addresses.filter(assessed_at__isnull=False).count()
    illegal_count = illegal.count()
    times = list(addresses.values_list("first_reported_at", "assessed_at", "first_notice_at", "removed_at"))
    notified = [row for row in times if row[2]]
    return {
        "period": {"from": period.first_day.isoformat(), "to": period.last_day.isoformat(), "label": period.label},
        "reports": {
            "total": reports.count(),
            "by_month": _by_month(reports),
            "by_category": counts(reports, "category"),
            "by_channel": counts(reports, "channel"),
            "duplicates": ReportedUrlLink.objects.filter(report__in=reports, joined_existing=True).count(),
        },
        "addresses": {
            "reported": len(times),
            "assessed": assessed,
            "illegal": illegal_count,
            "share_illegal": share(illegal_count, assessed),
            "by_classification": counts(addresses.exclude(classification=""), "classification"),
            "hosting_countries": counts(illegal, "hosting_country"),
            "site_types": counts(illegal, "site_type"),
            "content_types": counts(illegal, "content_type"),
        },
        "actions": {
            "forwards": counts(Forward.objects.filter(forwarded_at__gte=start, forwarded_at__lt=end), "recipient"),
            "notices": Notice.objects.filter(
                state=Notice.State.SENT, sent_at__gte=start, sent_at__lt=end, reminder_of__isnull=True
            ).count(),
            "reminders": Notice.objects.filter(
                state=Notice.State.SENT, sent_at__gte=start, sent_at__lt=end, reminder_of__isnull=False
            ).count(),
        },
        "times": {
            "to_assessment": durations((row[0], row[1]) for row in times),
            "to_notice": durations((row[0], row[2]) for row in times),
            "to_removal": durations((row[0], row[3]) for row in times),
        },
        "takedown": {
            "notified": len(notified),
            "removed": sum(1 for row in notified if row[3]),
            "still_online": addresses.filter(takedown=Takedown.MONITORING).count(),
            "removed_within_3_days": share(_removed_within(notified, 3), len(notified)),
            "removed_within_7_days": share(_removed_within(notified, 7), len(notified)),
        },
    }


def _removed_within(rows, days):
    return sum(
        1 for reported, _a, _n, removed in rows if removed and removed - reported <= datetime.timedelta(days=days)
    )


def _by_month(reports):
    rows = (
        reports.annotate(month=TruncMonth("received_at")).values_list("month", "category").annotate(count=Count("pk"))
    )
    months = {}
    for month, category, count in rows.order_by():
        key = month.strftime("%Y-%m")
        entry = months.setdefault(key, {"month": key, **dict.fromkeys(Category.values, 0), "total": 0})
        entry[category] += count
        entry["total"] += count
    return [months[key] for key in sorted(months)]
