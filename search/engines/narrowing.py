"""On PostgreSQL, the pages a query can match, found through the index's GIN indexes
before Wagtail's backend matches and ranks them.

The backend matches ``title || body @@ query``: a vector built for every row, which no
index serves, so each search reads every index entry (about 100 ms on 20,000 pages) however
rare its words are, and the database engine runs up to three searches per query. A page
matches a query of terms joined by AND and OR exactly when each term it needs is in its
title or in its body, which the GIN indexes on ``title`` and ``body`` answer in
milliseconds. Narrowing the pages to those first leaves the backend's match and rank as
they were. When more than ``NARROW_AT_MOST`` pages can match (a common word), the
backend's scan is as quick and the pages are left as they are. SQLite's FTS5 table is an
index already, and is left alone.
"""

from functools import reduce

from django.db import connection
from django.db.models import Q
from modelsearch.utils import get_descendants_content_types_pks

from ..query_plan import AnyOf, flat_terms

NARROW_AT_MOST = 2000


def _tsquery(terms, config):
    # PostgreSQL modules, imported only on PostgreSQL; the backend's own lexemes, quoted.
    from django.contrib.postgres.search import SearchQuery
    from wagtail.search.backends.database.postgres.query import Lexeme

    return SearchQuery(reduce(lambda a, b: a | b, (Lexeme(term) for term in terms)), search_type="raw", config=config)


def _is_flat(expression):
    return isinstance(expression, str) or (
        isinstance(expression, AnyOf) and all(_is_flat(part) for part in expression.parts)
    )


def condition(expression, config):
    """``expression`` (a plan's tree of AnyOf/AllOf over terms) as a condition on index
    entries that the GIN indexes answer: each needed term in the title or the body."""
    if _is_flat(expression):
        query = _tsquery(list(dict.fromkeys(flat_terms(expression))), config)
        return Q(title=query) | Q(body=query)
    parts = [condition(part, config) for part in expression.parts]
    return reduce(lambda a, b: a | b, parts) if isinstance(expression, AnyOf) else reduce(lambda a, b: a & b, parts)


def narrowed(pages, expression, backend):
    """``pages``, narrowed to those that can match ``expression`` (on PostgreSQL)."""
    if connection.vendor != "postgresql":
        return pages
    from wagtail.search.models import IndexEntry  # a model: imported once the apps are loaded

    entries = IndexEntry.objects.filter(
        condition(expression, backend.config), content_type_id__in=get_descendants_content_types_pks(pages.model)
    )
    candidates = list(entries.values_list("object_id", flat=True)[: NARROW_AT_MOST + 1])
    if len(candidates) > NARROW_AT_MOST:
        return pages
    return pages.filter(pk__in=[int(object_id) for object_id in candidates])
