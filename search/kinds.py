"""The page kinds search covers (``cms.core.page_kinds``), and the queries it needs of them."""

from django.contrib.contenttypes.models import ContentType as DjangoContentType
from wagtail.models import Page

from cms.core import page_kinds

from .highlight import highlight


def searchable_kinds():
    """``{kind name: (model, label)}`` in the order results are grouped in facets."""
    return {name: (kind.model, kind.label) for name, kind in page_kinds.searchable().items()}


def taxonomy_labels():
    """``[(kind, slug, label)]`` of every term the searchable kinds filter by, in the
    active language."""
    return [label for kind in page_kinds.searchable().values() if kind.filters for label in kind.filters.labels()]


def kind_of(model):
    kind = page_kinds.of_model(model)
    return kind.name if kind and kind.searchable else None


def specific_pages(ids, kinds=None):
    """``{pk: specific page}`` for ``ids``: one query per kind searched, whatever the pages.

    Wagtail's ``.specific()`` would run a query per page type present, so the number of
    queries would change with the results.
    """
    pages = {}
    if not ids:
        return pages
    for name, (model, _label) in searchable_kinds().items():
        if kinds is None or name in kinds:
            pages.update(model.objects.filter(pk__in=ids).select_related("locale").in_bulk())
    return pages


def visible_kinds(ids):
    """``{page id: kind}`` of the pages ``ids`` that are live, public and not placeholders
    (one query): what a search may show."""
    by_content_type = {
        DjangoContentType.objects.get_for_model(model).pk: name for name, (model, _label) in searchable_kinds().items()
    }
    visible = Page.objects.live().public().filter(pk__in=ids, alias_of__isnull=True).values_list("pk", "content_type")
    return {pk: by_content_type[content_type] for pk, content_type in visible if content_type in by_content_type}


def hit_snippet(page, kind, hits, terms):
    """The engine's highlight of a hit, else its summary with the matching words marked."""
    summary = getattr(page, page_kinds.get(kind).summary_field, "")
    return hits.highlights.get(page.pk) or highlight(summary, terms, page.locale.language_code)
