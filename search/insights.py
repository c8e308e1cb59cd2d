"""Search insights: how often each query is searched per day, language and filters, and
whether it found anything, for the editors' report.

No personal data: no IP address, session, user or user agent is kept, only the count; the
report never shows a query counted fewer than ``SEARCH_INSIGHTS_MIN_COUNT`` times (people
type names and e-mail addresses into search boxes), and counts older than
``SEARCH_INSIGHTS_RETENTION_DAYS`` are deleted (checked once a day, by the first search).
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Case, F, IntegerField, Sum, When
from django.utils import timezone

from .analysis import fold, words
from .models import MAX_QUERY_LENGTH, SearchQueryCount

logger = logging.getLogger(__name__)

FILTERS = ("kind", "audience", "topic", "type", "resource_type", "age")


def retention_days():
    return getattr(settings, "SEARCH_INSIGHTS_RETENTION_DAYS", 180)


def min_count():
    return getattr(settings, "SEARCH_INSIGHTS_MIN_COUNT", 3)


def normalise(text):
    """The query as counted: its words in lower case without diacritics, one space apart,
    so ``Šikana``, ``šikana`` and ``sikana`` count as one query."""
    return " ".join(fold(word) for word in words(text or ""))[:MAX_QUERY_LENGTH].strip()


def filters_key(params):
    """The filters a search used, in one order: ``topic=grooming type=video``."""
    pairs = sorted(
        f"{name}={value.strip()}"
        for name in FILTERS
        for raw in (params.getlist(name) if params is not None else [])
        for value in raw.split(",")
        if value.strip()
    )
    return " ".join(pairs)[:200]


def record(language, text, params, found):
    """Count one search. A failure to count never fails the search."""
    query = normalise(text)
    if not query:
        return
    key = {
        "day": timezone.localdate(),
        "language": language,
        "query": query,
        "filters": filters_key(params),
        "found": bool(found),
    }
    try:
        _add_one(key)
        _prune_once_a_day(key["day"])
    except DatabaseError:
        logger.warning("A search could not be counted in the insights", exc_info=True)


def _add_one(key):
    with transaction.atomic():
        if SearchQueryCount.objects.filter(**key).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                SearchQueryCount.objects.create(**key, count=1)
        except IntegrityError:  # another request created it meanwhile
            SearchQueryCount.objects.filter(**key).update(count=F("count") + 1)


def _prune_once_a_day(today):
    if cache.add(f"search:insights:pruned:{today.isoformat()}", True, 24 * 3600):
        prune(today)


def prune(today=None):
    """Delete the counts older than the retention period; returns how many rows went."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=retention_days())
    deleted, _by_model = SearchQueryCount.objects.filter(day__lt=cutoff).delete()
    return deleted


def _without_results():
    return Sum(Case(When(found=False, then=F("count")), default=0, output_field=IntegerField()))


def top_queries(counts):
    """``counts`` (a filtered queryset of SearchQueryCount) per query, most searched first,
    with ``searches`` and ``without_results``; queries below the minimum count are left out."""
    return (
        counts.values("language", "query")
        .annotate(searches=Sum("count"), without_results=_without_results())
        .filter(searches__gte=min_count())
        .order_by("-searches", "query")
    )


def top_filters(counts):
    """The filter combinations of ``counts`` (searches with filters), most used first, each
    with ``searches``; combinations below the minimum count are left out."""
    return (
        counts.exclude(filters="")
        .values("filters")
        .annotate(searches=Sum("count"))
        .filter(searches__gte=min_count())
        .order_by("-searches", "filters")
    )


def daily_totals(counts):
    """``[(day, searches, without results)]`` of ``counts``, oldest first."""
    rows = counts.values("day").annotate(searches=Sum("count"), without_results=_without_results()).order_by("day")
    return [(row["day"], row["searches"], row["without_results"]) for row in rows]
