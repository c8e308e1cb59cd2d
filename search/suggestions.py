"""Suggestions with the address each leads to: for the API's ``/search/suggest/`` and for the
site's search page when nothing is found."""

from wagtail.models import Page

from cms.core import page_kinds

from . import service
from .kinds import kind_of, searchable_kinds, taxonomy_labels


def suggest_with_urls(text, language, limit=8):
    """The engine's name and ``[{text, kind, id or slug, url}]`` completing ``text``."""
    labels = taxonomy_labels()
    models = [model for model, _label in searchable_kinds().values()]
    engine, suggestions = service.suggest(text, language, models, labels, limit=limit)
    add_urls(suggestions, language)
    return engine, suggestions


def add_urls(suggestions, language):
    """Give every suggestion the address it leads to: the page, or the library filtered by
    the term (two queries whatever the number)."""
    pages = [item for item in suggestions if item["kind"] == "page"]
    found = {page.pk: page for page in Page.objects.filter(pk__in=[item["id"] for item in pages])}
    for item in pages:
        page = found.get(item["id"])
        item["url"] = page.full_url if page else ""
        item["page_kind"] = (kind_of(page.specific_class) if page else None) or ""
    terms = [item for item in suggestions if item["kind"] != "page"]
    linking = [kind.filters for kind in page_kinds.searchable().values() if hasattr(kind.filters, "term_urls")]
    urls = linking[0].term_urls([(item["kind"], item["slug"]) for item in terms], language) if linking else []
    for item, url in zip(terms, urls, strict=False):
        item["url"] = url
    for item in suggestions:
        item.setdefault("url", "")


def term_links(language, kind="topic"):
    """``[{text, kind, slug, url}]`` of every term of ``kind`` (the search page's "browse by
    topic" when nothing is found), without asking the search engine."""
    terms = [
        {"text": label, "kind": term_kind, "slug": slug}
        for term_kind, slug, label in taxonomy_labels()
        if term_kind == kind
    ]
    add_urls(terms, language)
    return terms
