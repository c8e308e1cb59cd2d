"""The page-kind registry: each public page type declared once, read by every consumer."""

import pytest
from django.utils import translation

from cms.core import page_kinds
from cms.core.page_kinds import PageKind
from home.models import ArticlePage, EventPage, NewsPage, SectionPage, ToolkitPage
from resources.models import ResourcePage


def test_search_covers_the_kinds_in_facet_order():
    assert list(page_kinds.searchable()) == [
        "resource",
        "toolkit",
        "news",
        "event",
        "workshop",
        "programme",
        "campaign",
        "academy",
        "youth-panel",
        "article",
    ]
    assert page_kinds.of_model(SectionPage).searchable is False


def test_each_model_has_its_kind():
    models = {ResourcePage: "resource", ToolkitPage: "toolkit", NewsPage: "news", EventPage: "event"}
    models |= {ArticlePage: "article", SectionPage: "section"}
    assert {model: page_kinds.of_model(model).name for model in models} == models


def test_partners_subscribe_to_the_events_they_always_could():
    with translation.override("en"):
        choices = [(event, str(label)) for event, label in page_kinds.webhook_event_choices()]
    assert choices == [
        ("resource.published", "resource published"),
        ("resource.unpublished", "resource unpublished"),
        ("toolkit.published", "toolkit published"),
        ("toolkit.unpublished", "toolkit unpublished"),
        ("news.published", "news published"),
        ("news.unpublished", "news unpublished"),
        ("event.published", "event published"),
        ("event.unpublished", "event unpublished"),
        ("workshop.published", "workshop published"),
        ("workshop.unpublished", "workshop unpublished"),
        ("programme.published", "programme published"),
        ("programme.unpublished", "programme unpublished"),
        ("campaign.published", "campaign published"),
        ("campaign.unpublished", "campaign unpublished"),
    ]


def test_preview_and_oembed_read_the_registry():
    assert list(page_kinds.previewable()) == [
        "resources.resourcepage",
        "home.toolkitpage",
        "home.sectionpage",
        "home.newspage",
        "home.eventpage",
        "home.workshoppage",
        "home.programmepage",
        "home.campaignpage",
    ]
    assert [(kind.name, kind.embed_route, kind.oembed_size) for kind in page_kinds.embeddable()] == [
        ("resource", "embed-resource", (480, 260)),
        ("toolkit", "embed-toolkit", (480, 320)),
    ]


def test_a_kind_name_belongs_to_one_model():
    with pytest.raises(ValueError, match="Two page models claim the kind 'resource'"):
        page_kinds.register(PageKind(name="resource", model=ToolkitPage, label="x", order=99))
    assert page_kinds.get("resource").model is ResourcePage
