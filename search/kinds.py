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
