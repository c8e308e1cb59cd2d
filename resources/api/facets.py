"""Counts per audience, topic and type over the current result set, and its size.

The counts depend on the filters, not on the page asked for, so they are computed once
per filter set and content version (four queries) and shared by every page of it: the
size saves each page its own ``COUNT``.
"""

import hashlib

from django.core.cache import cache
from django.utils.http import urlencode

from cms.core.api.caching import RESPONSE_TTL, content_version

from ..models.filtering import count_terms, labelled_facets

FILTER_PARAMETERS = ("audience", "topic", "type", "age", "q", "fallback")


def filter_set_key(request, language):
    params = sorted((name, value) for name in FILTER_PARAMETERS for value in request.query_params.getlist(name))
    raw = f"{language}|{urlencode(params)}"
    return f"api:v1:facets:{content_version()}:{hashlib.sha256(raw.encode()).hexdigest()}"


class FilterSetCounts:
    """The counts of one filter set: ``total`` (the result set's size) and ``facets``."""

    def __init__(self, queryset, key=None):
        counts = cache.get(key) if key else None
        if counts is None or "total" not in counts:
            counts = {**count_terms(queryset), "total": queryset.count()}
            if key:
                cache.set(key, counts, RESPONSE_TTL)
        self.counts = counts
        self.total = counts["total"]

    def facets(self, taxonomy):
        """Every term with its label (in the active language) and its count."""
        return labelled_facets(self.counts, taxonomy)
