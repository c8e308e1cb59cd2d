"""The database engine: Wagtail's search backend (SQLite FTS5 or PostgreSQL full text)
over the analysed fields of ``search.fields``."""

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from ..analysis import fold, query_terms

name = "database"


def _pages(language, models):
    queryset = models[0].objects.all() if len(models) == 1 else Page.objects.type(*models)
    locale_id = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
    return queryset.live().filter(locale_id=locale_id).only("pk", "title")


def search(text, language, models, limit):
    terms = query_terms(text, language)
    if not terms:
        return []
    # Any term may match; pages that match more of them, and in the title, rank first.
    results = get_search_backend().search(" ".join(terms), _pages(language, models), operator="or")
    return [page.pk for page in results[:limit]]


def suggest(text, language, models, limit):
    results = get_search_backend().autocomplete(fold(text), _pages(language, models), operator="and")
    return [(page.pk, page.title) for page in results[:limit]]
