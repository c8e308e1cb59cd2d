"""Counts per audience, topic and type over the current result set.

The counts depend on the filters, not on the page asked for, so they are computed once
per filter set and content version (three queries) and shared by every page of it.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Count
from django.utils.http import urlencode

from cms.api.caching import RESPONSE_TTL, content_version

FILTER_PARAMETERS = ("audience", "topic", "type", "age", "q", "fallback")


def filter_set_key(request, language):
    params = sorted((name, value) for name in FILTER_PARAMETERS for value in request.query_params.getlist(name))
    raw = f"{language}|{urlencode(params)}"
    return f"api:v1:facets:{content_version()}:{hashlib.sha256(raw.encode()).hexdigest()}"


def count_terms(queryset):
    base = queryset.model.objects.filter(pk__in=queryset.order_by().values("pk"))
    return {
        "audience": dict(base.values_list("audiences__slug").annotate(n=Count("pk", distinct=True)).order_by()),
        "topic": dict(base.values_list("topics__slug").annotate(n=Count("pk", distinct=True)).order_by()),
        "type": dict(base.values_list("resource_type__slug").annotate(n=Count("pk")).order_by()),
    }


def facet_counts(queryset, taxonomy, key=None):
    """Every term with its label (in the active language) and its count in ``queryset``."""
    counts = cache.get(key) if key else None
    if counts is None:
        counts = count_terms(queryset)
        if key:
            cache.set(key, counts, RESPONSE_TTL)
    return {
        param: [{"slug": slug, "name": term.name, "count": counts[param].get(slug, 0)} for slug, term in terms.items()]
        for param, terms in taxonomy.items()
    }
