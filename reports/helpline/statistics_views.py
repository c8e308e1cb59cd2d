"""The helpline statistics dashboard in the admin and its quarterly CSV and JSON exports
(the figures Insafe's helpline report asks for: counts and codes only)."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.access import require_permission

from ..figures import bars, period_of, recent_quarters
from ..figures import export as export_figures
from ..models import AgeBand, ContactChannel, ContactOutcome, Gender, HelplineCategory, Platform, ReferralService, Role
from .statistics import compute

# Each chart of the dashboard: its title, where its counts are in the figures, and the
# labels of its codes.
DIMENSIONS = [
    (_("By channel"), "contacts", "by_channel", ContactChannel),
    (_("By age"), "contacts", "by_age_band", AgeBand),
    (_("By gender"), "contacts", "by_gender", Gender),
    (_("By who was asking"), "contacts", "by_role", Role),
    (_("By platform"), "contacts", "by_platform", Platform),
    (_("By category"), "categories", "by_category", HelplineCategory),
    (_("Referrals by service"), "referrals", "by_service", ReferralService.Kind),
    (_("By outcome"), "contacts", "by_outcome", ContactOutcome),
]


def _labelled(counts, choices):
    labels = dict(choices.choices)
    return {str(labels.get(code, code)): count for code, count in counts.items()}


@require_permission("reports.view_helpline_statistics")
def dashboard(request):
    period, errors = period_of(request)
    figures = compute(period)
    charts = [
        (title, bars(_labelled(figures[section][dimension], choices)))
        for title, section, dimension, choices in DIMENSIONS
    ]
    context = {
        "figures": figures,
        "errors": errors,
        "period": period,
        "query": request.GET.urlencode(),
        "quarters": recent_quarters(timezone.localdate()),
        "charts": charts,
    }
    response = render(request, "reports/helpline/statistics.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_permission("reports.view_helpline_statistics")
def export(request, file_format):
    return export_figures(request, file_format, compute, "helpline-statistics")
