"""The database engine: Wagtail's search backend (SQLite FTS5 or PostgreSQL full text)
over the analysed fields of ``search.fields``, ranked in the tiers of ``search.query_plan``.

The pages that hold every unit of the query literally come first, those whose title is the
query (or holds it as a phrase) or holds every unit before the rest, which keep the
backend's rank. Then, when those are fewer than ``WIDEN_BELOW``, pages that hold every unit
only through a compound or a synonym; then pages with some of the units. When hundreds of
pages match literally, the wider tiers would be noise that costs another full-text scan
each (on 20,000 resources the some-words scan doubled a two-word search).
"""

import re

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from ..analysis import fold
from ..hits import Hits
from ..query_plan import AnyOf
from ..title_rank import title_first
from .narrowing import narrowed

name = "database"
# Below this many pages with every unit, the wider tiers are added after them, the
# some-units tier with at most BROADEN_BY pages (past the first hundred mostly pages that
# share one common word with the query).
WIDEN_BELOW = 50
BROADEN_BY = 100


def _pages(language, models, *fields):
    """Live pages of ``models`` in ``language``, loading only ``fields`` (up to a thousand
    hits are read, so every column and object attribute counts)."""
    queryset = models[0].objects.all() if len(models) == 1 else Page.objects.type(*models)
    locale_id = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
    return queryset.live().filter(locale_id=locale_id).only("pk", *fields)


def as_query(expression):
    """A query plan's expression as Wagtail search query objects."""
    if isinstance(expression, str):
        return PlainText(expression)
    parts = [as_query(part) for part in expression.parts]
    return Or(parts) if isinstance(expression, AnyOf) else And(parts)


def _search(backend, expression, pages):
    """The backend's search for ``expression`` in ``pages``, best first."""
    return backend.search(as_query(expression), narrowed(pages, expression, backend))


def search(plan, models, limit):
    hits = Hits(engine=name)
    if not plan:
        return hits
    backend, pages = get_search_backend(), _pages(plan.language, models)
    literal = [page.pk for page in _search(backend, plan.literal(), pages)[:limit]]
    ids = dict.fromkeys(title_first(literal, plan))
    widened = plan.widened()
    if widened is not None and len(ids) < min(limit, WIDEN_BELOW):
        # Most compounds a query word could form exist nowhere: on PostgreSQL the narrowing
        # finds the few pages that can match through the indexes before anything is ranked.
        for page in _search(backend, widened, pages)[:limit]:
            if page.pk not in ids:
                ids[page.pk] = None
                hits.widened = True
    if len(plan.units) > 1 and len(ids) < min(limit, WIDEN_BELOW):
        budget = min(limit - len(ids), BROADEN_BY)
        for page in _search(backend, plan.any_unit(), pages)[: len(ids) + budget]:
            ids.setdefault(page.pk, None)
    hits.ids = list(ids)[:limit]
    return hits


def suggest(text, language, models, limit):
    # Words only: quotes, backslashes and other punctuation are FTS5 query syntax.
    words = " ".join(re.findall(r"\w+", fold(text)))
    if not words:
        return []
    results = get_search_backend().autocomplete(words, _pages(language, models, "title"), operator="and")
    return [(page.pk, page.title) for page in results[:limit]]
