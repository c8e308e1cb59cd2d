"""Editors' picks: Wagtail's promoted search results (``wagtail.contrib.search_promotions``)
pin pages on top of a query's results, per language: a pick applies to searches in its
page's language, and matches the query however it is typed (case, spaces, diacritics)."""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from .analysis import fold, words


def _key(text):
    return " ".join(fold(word) for word in words(text or ""))


def promoted_ids(text, language, models):
    """Ids of the live pages of ``models`` picked for ``text`` in ``language``, in the
    editors' order (two queries)."""
    key = _key(text)
    picks = (
        SearchPromotion.objects.filter(page__isnull=False, page__live=True, page__locale__language_code=language)
        .order_by("sort_order", "pk")
        .values_list("query__query_string", "page_id")
    )
    ids = [page_id for query, page_id in picks if _key(query) == key]
    if not ids:
        return []
    allowed = set(Page.objects.type(*models).filter(pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in dict.fromkeys(ids) if pk in allowed]
