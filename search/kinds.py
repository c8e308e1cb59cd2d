"""The page types search covers, by the name the API uses for them."""

from functools import cache

from django.utils.translation import gettext_lazy as _

# Each kind's short text (shown with a hit, weighted above the body) and its body.
SUMMARY_FIELDS = {"resource": "summary", "toolkit": "intro", "news": "lead", "event": "lead", "article": "lead"}
BODY_FIELDS = {"resource": "body", "toolkit": "steps", "news": "body", "event": "body", "article": "body"}


@cache
def searchable_kinds():
    """``{kind: (model, label)}`` in the order results are grouped in facets."""
    from home.models import ArticlePage, EventPage, NewsPage, ToolkitPage
    from resources.models import ResourcePage

    return {
        "resource": (ResourcePage, _("Resources")),
        "toolkit": (ToolkitPage, _("Toolkits")),
        "news": (NewsPage, _("News")),
        "event": (EventPage, _("Events")),
        "article": (ArticlePage, _("Articles")),
    }


def kind_of(model):
    for kind, (kind_model, _label) in searchable_kinds().items():
        if issubclass(model, kind_model):
            return kind
    return None


def specific_pages(ids, kinds=None):
    """``{pk: specific page}`` for ``ids``: one query per kind searched, whatever the pages.

    Wagtail's ``.specific()`` would run a query per page type present, so the number of
    queries would change with the results.
    """
    pages = {}
    if not ids:
        return pages
    for kind, (model, _label) in searchable_kinds().items():
        if kinds is None or kind in kinds:
            pages.update(model.objects.filter(pk__in=ids).select_related("locale").in_bulk())
    return pages


def visible_kinds(ids):
    """``{page id: kind}`` of the pages ``ids`` that are live, public and not placeholders
    (one query): what a search may show."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    by_content_type = {
        ContentType.objects.get_for_model(model).pk: kind for kind, (model, _label) in searchable_kinds().items()
    }
    visible = Page.objects.live().public().filter(pk__in=ids, alias_of__isnull=True).values_list("pk", "content_type")
    return {pk: by_content_type[content_type] for pk, content_type in visible if content_type in by_content_type}


def hit_snippet(page, kind, hits, terms):
    """The engine's highlight of a hit, else its summary with the matching words marked."""
    from .highlight import highlight

    return hits.highlights.get(page.pk) or highlight(
        getattr(page, SUMMARY_FIELDS[kind], ""), terms, page.locale.language_code
    )
