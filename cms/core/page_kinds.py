"""The public page kinds, each declared once by the app that owns its model.

A kind is what the API calls a page type (``resource``, ``toolkit``…): search groups hits
by it, webhooks name their events after it, oEmbed and the preview endpoint look pages up
by it. Apps register their kinds in ``AppConfig.ready()``; everything else reads this
registry, so adding a page type is one ``register`` call (docs/development.md).
"""

from dataclasses import dataclass, field
from typing import Any

_KINDS = {}


@dataclass(frozen=True)
class PageKind:
    name: str  # the API's name: search hits' ``kind``, webhook events' first part
    model: Any  # the specific page model
    label: Any  # plural, shown with search facets (lazy translation)
    order: int  # position in search facets
    summary_field: str = ""  # the short text shown with a hit and weighted above the body
    body_field: str = ""
    searchable: bool = True
    api_path: str = ""  # ``/api/v1/<api_path>/<id>/``; empty: no detail endpoint (found by path)
    detail_view: str = ""  # the URL name of that endpoint
    detail_serializer: Any = None  # shapes a preview like the detail endpoint
    webhook_events: dict = field(default_factory=dict)  # {"published": label, "unpublished": label}
    embed_route: str = ""  # URL name of the embeddable card; with ``oembed_size``, oEmbed serves it
    oembed_size: tuple = ()  # default (width, height) of the oEmbed iframe
    embed_names_locale: bool = False  # the card's address says its language (``?locale=``)
    filters: Any = None  # narrows this kind's search hits and counts its facets (``KindFilters``)
    print_template: str = ""  # renders the page's print and offline pack (cms.core.print_packs)

    @property
    def content_type_name(self):
        """``app_label.model_name``, as the preview address names the page type."""
        return self.model._meta.label_lower


def register(kind):
    if kind.name in _KINDS and _KINDS[kind.name].model is not kind.model:
        raise ValueError(f"Two page models claim the kind {kind.name!r}")
    _KINDS[kind.name] = kind
    return kind


def all_kinds():
    """Every registered kind, in facet order."""
    return sorted(_KINDS.values(), key=lambda kind: kind.order)


def searchable():
    """``{name: kind}`` of the kinds search covers, in facet order."""
    return {kind.name: kind for kind in all_kinds() if kind.searchable}


def get(name):
    return _KINDS.get(name)


def of_model(model):
    """The kind of a page model (or a subclass of one), or None."""
    for kind in all_kinds():
        if issubclass(model, kind.model):
            return kind
    return None


def previewable():
    """``{"app_label.model_name": kind}`` of the kinds the preview endpoint shapes."""
    return {kind.content_type_name: kind for kind in all_kinds() if kind.detail_serializer}


def webhook_event_choices():
    """``[(event, label)]`` for every kind partners can subscribe to."""
    return [(f"{kind.name}.{action}", label) for kind in all_kinds() for action, label in kind.webhook_events.items()]


def embeddable():
    """The kinds oEmbed answers for, in order."""
    return [kind for kind in all_kinds() if kind.embed_route and kind.oembed_size]
