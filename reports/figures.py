"""What the hotline's and the helpline's statistics share: periods (a quarter, or from–to),
counts by a code, shares, durations as median and 90th percentile, and the exports
(CSV rows, JSON) with their audit entry."""

import csv
import datetime
import io
import json
import statistics
from dataclasses import dataclass

from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AuditEntry, audit

EXPORT_FORMATS = ("csv", "json")

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


def counts(queryset, field):
    rows = queryset.values_list(field).annotate(count=Count("pk")).order_by()
    return dict(sorted(((key or "unknown"), count) for key, count in rows))


def share(part, whole):
    return round(part / whole, 4) if whole else None


def durations(pairs):
    """Median and 90th percentile (linear between ranks) in hours of ``(start, end)`` pairs."""
    hours = sorted((end - start) / HOUR for start, end in pairs if start and end)
    if not hours:
        return {"count": 0, "median_hours": None, "p90_hours": None}
    p90 = hours[0] if len(hours) == 1 else statistics.quantiles(hours, n=10, method="inclusive")[8]
    return {"count": len(hours), "median_hours": round(statistics.median(hours), 2), "p90_hours": round(p90, 2)}


def rows(figures):
    """The figures as ``(section, dimension, key, value)`` rows, for CSV."""
    for section, dimensions in figures.items():
        if section == "period":
            continue
        for dimension, value in dimensions.items():
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


def bars(values):
    """``(key, count, percent of the largest)`` for a bar chart drawn with CSS."""
    largest = max(values.values(), default=0)
    return [(key, count, round(100 * count / largest) if largest else 0) for key, count in values.items()]


def recent_quarters(today, count=8):
    year, number = today.year, (today.month - 1) // 3 + 1
    found = []
    for _step in range(count):
        found.append(quarter(year, number).label)
        year, number = (year - 1, 4) if number == 1 else (year, number - 1)
    return found


def period_of(request):
    """The period asked for, and the errors by field (the current year when it is invalid)."""
    try:
        return parse_period(request.GET), None
    except PeriodError as error:
        return parse_period({}), {error.field: str(error)}


def invalid_period(errors):
    return JsonResponse(
        {"error": {"code": "invalid_parameter", "message": _("Invalid period."), "fields": errors}}, status=400
    )


def export(request, file_format, compute, name):
    """The export view of a service's statistics: ``compute(period)`` as ``name-<period>``
    in CSV or JSON; 404 for another format, 400 for a bad period."""
    if file_format not in EXPORT_FORMATS:
        raise Http404
    period, errors = period_of(request)
    if errors:
        return invalid_period(errors)
    return export_response(request, compute(period), name, file_format)


def export_response(request, figures, name, file_format):
    """``figures`` as a CSV or JSON download named ``name-<period>``; the export is audited."""
    label = figures["period"]["label"]
    audit(request.user, AuditEntry.Action.EXPORT, ("statistics", label), f"{name} {file_format}")
    filename = f"{name}-{label.replace('/', '_')}.{file_format}"
    if file_format == "json":
        response = HttpResponse(json.dumps(figures, indent=2), content_type="application/json")
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["section", "dimension", "key", "value"])
        writer.writerows(rows(figures))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
