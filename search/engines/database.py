"""The database engine: Wagtail's search backend (SQLite FTS5 or PostgreSQL full text)
over the analysed fields of ``search.fields``.

A query runs in two passes: pages that match every word of the query (in any of its
forms) come first, ranked by the backend; then, when those are few, pages that match only
some of the words. Ranking alone would let a short title with one common word beat a
page that has all of them; and when hundreds of pages have every word, the pages with
only some are noise that costs a second full-text scan (on 20,000 resources it doubled a
two-word search).
"""

import re

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from ..analysis import fold, query_word_terms

name = "database"
# Below this many pages with every word, pages with some of the words are added after them,
# at most BROADEN_BY of them: they are a fallback, and past the first hundred mostly pages
# that share one common word with the query.
BROADEN_BELOW = 50
BROADEN_BY = 100


def _pages(language, models, *fields):
    """Live pages of ``models`` in ``language``, loading only ``fields`` (up to a thousand
    hits are read, so every column and object attribute counts)."""
    queryset = models[0].objects.all() if len(models) == 1 else Page.objects.type(*models)
    locale_id = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
    return queryset.live().filter(locale_id=locale_id).only("pk", *fields)


def _any_of(terms):
    return Or([PlainText(term) for term in terms]) if len(terms) > 1 else PlainText(terms[0])


def search(text, language, models, limit):
    groups = query_word_terms(text, language)
    if not groups:
        return []
    backend, pages = get_search_backend(), _pages(language, models)
    any_word = _any_of([term for group in groups for term in group])
    if len(groups) == 1:
        return [page.pk for page in backend.search(any_word, pages)[:limit]]
    every_word = And([_any_of(group) for group in groups])
    ids = dict.fromkeys(page.pk for page in backend.search(every_word, pages)[:limit])
    if len(ids) < min(limit, BROADEN_BELOW):
        # The any-word search finds the pages with every word too: read past them.
        budget = min(limit - len(ids), BROADEN_BY)
        for page in backend.search(any_word, pages)[: len(ids) + budget]:
            ids.setdefault(page.pk, None)
    return list(ids)


def suggest(text, language, models, limit):
    # Words only: quotes, backslashes and other punctuation are FTS5 query syntax.
    words = " ".join(re.findall(r"\w+", fold(text)))
    if not words:
        return []
    results = get_search_backend().autocomplete(words, _pages(language, models, "title"), operator="and")
    return [(page.pk, page.title) for page in results[:limit]]
