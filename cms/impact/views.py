"""The impact figures in the admin (*Reports → Impact figures*): a quarter's tables with
bar charts, and the same tables as CSV for the quarterly report."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .figures import TOTAL_LABELS, quarter_figures
from .quarters import Quarter

PERMISSION = "partners.view_impact_figures"
SHOWN_QUARTERS = 8


def impact_figures(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    current = Quarter.current()
    error = ""
    try:
        quarter = Quarter.parse(request.GET["quarter"]) if "quarter" in request.GET else current.previous()
    except ValueError:
        quarter, error = current.previous(), _("Choose a quarter as YYYY-Qn, e.g. 2027-Q1.")
    totals, tables = quarter_figures(quarter)
    if request.GET.get("format") == "csv" and not error:
        return _csv(quarter, totals, tables)
    context = {
        "quarter": quarter,
        "quarters": current.recent(SHOWN_QUARTERS),
        "totals": [(TOTAL_LABELS[key], value) for key, value in totals.items()],
        "tables": tables,
        "error": error,
    }
    return render(request, "impact/figures.html", context, status=400 if error else 200)


def _csv(quarter, totals, tables):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="impact-{quarter}.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Impact figures"), str(quarter), quarter.first_day.isoformat(), quarter.last_day.isoformat()])
    writer.writerow([])
    for key, value in totals.items():
        writer.writerow([str(TOTAL_LABELS[key]), value])
    for table in tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow([str(column) for column in table.columns])
        writer.writerows(table.rows)
    return response
