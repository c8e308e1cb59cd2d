"""The statistics dashboard in the admin, its CSV and JSON exports, and the download of one
forward's structured record."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from cms.core.access import require_permission

from ..figures import bars, period_of, recent_quarters
from ..figures import export as export_figures
from ..models import AuditEntry, Category, Forward, audit
from .admin_views import hotline_access
from .routing import iccam_record
from .statistics import compute


@require_permission("reports.view_hotline_statistics")
def dashboard(request):
    period, errors = period_of(request)
    figures = compute(period)
    months = figures["reports"]["by_month"]
    largest_month = max((month["total"] for month in months), default=0)
    context = {
        "figures": figures,
        "errors": errors,
        "period": period,
        "query": request.GET.urlencode(),
        "quarters": recent_quarters(timezone.localdate()),
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
        "countries": bars(figures["addresses"]["hosting_countries"]),
        "site_types": bars(figures["addresses"]["site_types"]),
        "forwards": bars(figures["actions"]["forwards"]),
    }
    response = render(request, "reports/hotline/statistics.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_permission("reports.view_hotline_statistics")
def export(request, file_format):
    return export_figures(request, file_format, compute, "hotline-statistics")


@hotline_access
def forward_record(request, pk):
    record = get_object_or_404(Forward.objects.select_related("report", "reported_url", "partner_hotline"), pk=pk)
    audit(request.user, AuditEntry.Action.EXPORT, record.report, f"forward record {record.pk}")
    response = JsonResponse(iccam_record(record), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{record.report.reference}-forward-{record.pk}.json"'
    return response
