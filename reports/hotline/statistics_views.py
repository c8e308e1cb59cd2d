"""The statistics dashboard in the admin, its CSV and JSON exports, and the download of one
forward's structured record."""

import csv
import io
import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core.access import require_permission

from ..models import AuditEntry, Category, Forward, audit
from .admin_views import hotline_access
from .routing import iccam_record
from .statistics import PeriodError, compute, parse_period, quarter, rows

EXPORT_FORMATS = ("csv", "json")


def _period(request):
    try:
        return parse_period(request.GET), None
    except PeriodError as error:
        return parse_period({}), {error.field: str(error)}


def _bars(counts):
    """``(key, count, percent of the largest)`` for a bar chart drawn with CSS."""
    largest = max(counts.values(), default=0)
    return [(key, count, round(100 * count / largest) if largest else 0) for key, count in counts.items()]


def _recent_quarters(today, count=8):
    year, number = today.year, (today.month - 1) // 3 + 1
    found = []
    for _step in range(count):
        found.append(quarter(year, number).label)
        year, number = (year - 1, 4) if number == 1 else (year, number - 1)
    return found


@require_permission("reports.view_hotline_statistics")
def dashboard(request):
    period, errors = _period(request)
    figures = compute(period)
    months = figures["reports"]["by_month"]
    largest_month = max((month["total"] for month in months), default=0)
    context = {
        "figures": figures,
        "errors": errors,
        "period": period,
        "query": request.GET.urlencode(),
        "quarters": _recent_quarters(timezone.localdate()),
        "categories": Category.choices,
        "months": [
            (
                month,
                [(label, month[value]) for value, label in Category.choices],
                round(100 * month["total"] / largest_month),
            )
            for month in months
        ]
        if largest_month
        else [],
        "countries": _bars(figures["addresses"]["hosting_countries"]),
        "site_types": _bars(figures["addresses"]["site_types"]),
        "forwards": _bars(figures["actions"]["forwards"]),
    }
    response = render(request, "reports/hotline/statistics.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_permission("reports.view_hotline_statistics")
def export(request, file_format):
    if file_format not in EXPORT_FORMATS:
        raise Http404
    period, errors = _period(request)
    if errors:
        return JsonResponse(
            {"error": {"code": "invalid_parameter", "message": _("Invalid period."), "fields": errors}}, status=400
        )
    figures = compute(period)
    audit(request.user, AuditEntry.Action.EXPORT, ("statistics", period.label), f"statistics {file_format}")
    filename = f"hotline-statistics-{period.label.replace('/', '_')}.{file_format}"
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


@hotline_access
def forward_record(request, pk):
    record = get_object_or_404(Forward.objects.select_related("report", "reported_url", "partner_hotline"), pk=pk)
    audit(request.user, AuditEntry.Action.EXPORT, record.report, f"forward record {record.pk}")
    response = JsonResponse(iccam_record(record), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{record.report.reference}-forward-{record.pk}.json"'
    return response
