"""The editors' search insights: what people search for, and what finds nothing.

Counts only (``search.insights``): by language and period, queries seen fewer than
``SEARCH_INSIGHTS_MIN_COUNT`` times are never listed; the same lists as CSV.
"""

import csv
import datetime
import io
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import insights
from .models import SearchQueryCount

PERIODS = (7, 30, 90, 180)
TOP = 50


WITHOUT_FILTERS = "none"


def _choices(request):
    """The language, the period in days and the filters chosen (``""``: any)."""
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("language")
    language = language if language in languages else settings.LANGUAGE_CODE
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    return language, days, request.GET.get("filters", "")[:200]


def _counts(language, days, filters=""):
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    counts = SearchQueryCount.objects.filter(language=language, day__gte=since)
    if filters:
        counts = counts.filter(filters="" if filters == WITHOUT_FILTERS else filters)
    return counts


def _bars(rows):
    largest = max((searches for _day, searches, _without in rows), default=0)
    return [
        (
            day,
            searches,
            without,
            round(100 * searches / largest) if largest else 0,
            round(100 * without / largest) if largest else 0,
        )
        for day, searches, without in rows
    ]


@permission_required("sic_search.view_searchquerycount", raise_exception=True)
def insights_report(request):
    language, days, filters = _choices(request)
    counts = _counts(language, days, filters)
    top = list(insights.top_queries(counts)[:TOP])
    context = {
        "language": language,
        "days": days,
        "filters": filters,
        "without_filters": WITHOUT_FILTERS,
        "filter_choices": list(insights.top_filters(_counts(language, days))[:TOP]),
        "languages": settings.LANGUAGES,
        "periods": PERIODS,
        "top": top,
        "nothing_found": list(insights.top_queries(counts.filter(found=False))[:TOP]),
        "daily": _bars(insights.daily_totals(counts)),
        "min_count": insights.min_count(),
        "retention_days": insights.retention_days(),
        "query": urlencode({"language": language, "days": days, "filters": filters}),
    }
    return render(request, "search/admin/insights.html", context)


@permission_required("sic_search.view_searchquerycount", raise_exception=True)
def insights_export(request):
    """The top searches of the period as CSV: query, searches, of which without results."""
    language, days, filters = _choices(request)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("language"), _("query"), _("searches"), _("without results")])
    for row in insights.top_queries(_counts(language, days, filters)):
        writer.writerow([row["language"], row["query"], row["searches"], row["without_results"]])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="search-insights-{language}-{days}d.csv"'
    return response
