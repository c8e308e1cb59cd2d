"""Hotline statistics for the centre and for INHOPE: counts, shares and times, never a
reported address or anything about a person.

Reports count by the day they arrived; addresses by the day they were first reported
(one address reported twice counts once, its second report as a duplicate). Times run
from an address's first report to its assessment, first notice and removal; the share
"removed within 3 / 7 days" is of the addresses a notice went out for.
"""

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ILLEGAL, Category, Forward, HotlineReport, Notice, ReportedUrl, ReportedUrlLink, Takedown

HOUR = datetime.timedelta(hours=1)


class PeriodError(ValueError):
    def __init__(self, field, message):
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class Period:
    first_day: datetime.date
    last_day: datetime.date
    label: str

    @property
    def bounds(self):
        """The period as aware datetimes: ``[start, end)``."""
        start = timezone.make_aware(datetime.datetime.combine(self.first_day, datetime.time.min))
        end = timezone.make_aware(
            datetime.datetime.combine(self.last_day + datetime.timedelta(days=1), datetime.time.min)
        )
        return start, end


def quarter(year, number):
    first = datetime.date(year, 3 * number - 2, 1)
    next_first = datetime.date(year + (number == 4), 1 if number == 4 else 3 * number + 1, 1)
    return Period(first, next_first - datetime.timedelta(days=1), f"{year}-Q{number}")


FIRST_YEAR, LAST_YEAR = 1990, 2100  # statistics of a hotline; and dates that stay dates in any time zone


def _check_year(name, year):
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(name, _("Give a year from %(first)s to %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR})


def parse_period(params):
    """``quarter=2026-Q3``, or ``from`` and ``to`` (dates, inclusive); the current year by default."""
    if params.get("quarter"):
        text = params["quarter"].strip().upper()
        year, _sep, number = text.partition("-Q")
        if not (year.isdigit() and len(year) == 4 and number in {"1", "2", "3", "4"}):
            raise PeriodError("quarter", _("Give a quarter as YYYY-Qn, for example 2026-Q3."))
        _check_year("quarter", int(year))
        return quarter(int(year), int(number))
    today = timezone.localdate()
    first = _date(params, "from", datetime.date(today.year, 1, 1))
    last = _date(params, "to", datetime.date(today.year, 12, 31))
    if last < first:
        raise PeriodError("to", _("The end of the period is before its start."))
    if (last - first).days > 3660:
        raise PeriodError("from", _("A period may be at most ten years long."))
    return Period(first, last, f"{first.isoformat()}/{last.isoformat()}")


def _date(params, name, default):
    if not params.get(name):
        return default
    try:
        value = datetime.date.fromisoformat(params[name].strip())
    except ValueError as error:
        raise PeriodError(name, _("Give a date as YYYY-MM-DD.")) from error
    _check_year(name, value.year)
    return value


def _counts(queryset, field):
    rows = queryset.values_list(field).annotate(count=Count("pk")).order_by()
    return dict(sorted(((key or "unknown"), count) for key, count in rows))


def _share(part, whole):
    return round(part / whole, 4) if whole else None


def durations(pairs):
    """Median and 90th percentile (linear between ranks) in hours of ``(start, end)`` pairs."""
    hours = sorted((end - start) / HOUR for start, end in pairs if start and end)
    if not hours:
        return {"count": 0, "median_hours": None, "p90_hours": None}
    p90 = hours[0] if len(hours) == 1 else statistics.quantiles(hours, n=10, method="inclusive")[8]
    return {"count": len(hours), "median_hours": round(statistics.median(hours), 2), "p90_hours": round(p90, 2)}


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
            "by_category": _counts(reports, "category"),
            "by_channel": _counts(reports, "channel"),
            "duplicates": ReportedUrlLink.objects.filter(report__in=reports, joined_existing=True).count(),
        },
        "addresses": {
            "reported": len(times),
            "assessed": assessed,
            "illegal": illegal_count,
            "share_illegal": _share(illegal_count, assessed),
            "by_classification": _counts(addresses.exclude(classification=""), "classification"),
            "hosting_countries": _counts(illegal, "hosting_country"),
            "site_types": _counts(illegal, "site_type"),
            "content_types": _counts(illegal, "content_type"),
        },
        "actions": {
            "forwards": _counts(Forward.objects.filter(forwarded_at__gte=start, forwarded_at__lt=end), "recipient"),
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
            "removed_within_3_days": _share(_removed_within(notified, 3), len(notified)),
            "removed_within_7_days": _share(_removed_within(notified, 7), len(notified)),
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


def rows(figures):
    """The figures as ``(section, dimension, key, value)`` rows, for CSV."""
    for section in ("reports", "addresses", "actions", "times", "takedown"):
        for dimension, value in figures[section].items():
            if dimension == "by_month":
                for entry in value:
                    for key, count in entry.items():
                        if key != "month":
                            yield section, f"by_month:{entry['month']}", key, count
            elif isinstance(value, dict):
                for key, item in value.items():
                    yield section, dimension, key, item
            else:
                yield section, dimension, "", value
