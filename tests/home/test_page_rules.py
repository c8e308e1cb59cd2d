"""Parent/child rules keep editors from building a broken tree; models validate their data."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from home.models import (
    AcademyPage,
    ArticlePage,
    CampaignIndexPage,
    CampaignPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PartnerDirectoryPage,
    ProgrammePage,
    SectionPage,
    ToolkitPage,
    WorkshopPage,
    YouthPanelPage,
)
from resources.models import ResourceIndexPage, ResourcePage

from ..factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    ResourcePageFactory,
    SectionPageFactory,
    ToolkitPageFactory,
)

EXPECTED_PARENTS = {
    HomePage: {Page},
    SectionPage: {HomePage},
    ToolkitPage: {SectionPage},
    ArticlePage: {HomePage, SectionPage, ArticlePage},
    NewsIndexPage: {HomePage},
    NewsPage: {NewsIndexPage},
    EventIndexPage: {HomePage},
    EventPage: {EventIndexPage},
    ResourceIndexPage: {HomePage},
    ResourcePage: {ResourceIndexPage},
    PartnerDirectoryPage: {HomePage},
    AcademyPage: {HomePage},
    WorkshopPage: {AcademyPage},
    ProgrammePage: {AcademyPage},
    YouthPanelPage: {HomePage},
    CampaignIndexPage: {HomePage},
    CampaignPage: {CampaignIndexPage},
}

EXPECTED_CHILDREN = {
    HomePage: {
        SectionPage,
        ArticlePage,
        NewsIndexPage,
        EventIndexPage,
        ResourceIndexPage,
        PartnerDirectoryPage,
        AcademyPage,
        YouthPanelPage,
        CampaignIndexPage,
    },
    SectionPage: {ToolkitPage, ArticlePage},
    ToolkitPage: set(),
    ArticlePage: {ArticlePage},
    NewsIndexPage: {NewsPage},
    NewsPage: set(),
    EventIndexPage: {EventPage},
    EventPage: set(),
    ResourceIndexPage: {ResourcePage},
    ResourcePage: set(),
    PartnerDirectoryPage: set(),
    AcademyPage: {WorkshopPage, ProgrammePage},
    WorkshopPage: set(),
    ProgrammePage: set(),
    YouthPanelPage: set(),
    CampaignIndexPage: {CampaignPage},
    CampaignPage: set(),
}


@pytest.mark.parametrize("model", EXPECTED_PARENTS, ids=lambda model: model.__name__)
def test_each_page_type_lives_only_under_its_parents(model):
    assert set(model.allowed_parent_page_models()) == EXPECTED_PARENTS[model]


@pytest.mark.parametrize("model", EXPECTED_CHILDREN, ids=lambda model: model.__name__)
def test_each_page_type_accepts_only_its_children(model):
    assert set(model.allowed_subpage_models()) == EXPECTED_CHILDREN[model]


def test_a_second_home_page_cannot_be_created_once_every_locale_has_one(home):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root)


def test_only_one_news_index_and_one_library_per_home(home, library):
    NewsIndexPageFactory(parent=home, locale=home.locale)
    assert not NewsIndexPage.can_create_at(home)
    assert not ResourceIndexPage.can_create_at(home)
    assert EventIndexPage.can_create_at(home)


def test_resource_age_range_must_be_ordered(library):
    page = ResourcePageFactory(parent=library, locale=library.locale)
    page.age_min, page.age_max = 12, 8
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "age_max" in error.value.message_dict


@pytest.mark.parametrize("field, value", [("age_min", 100), ("age_max", 120)])
def test_resource_ages_stop_at_99(library, field, value):
    page = ResourcePageFactory(parent=library, locale=library.locale)
    setattr(page, field, value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert field in error.value.message_dict


def test_toolkit_age_range_must_be_ordered(home):
    section = SectionPageFactory(parent=home, locale=home.locale)
    toolkit = ToolkitPageFactory(parent=section, locale=home.locale)
    toolkit.age_min, toolkit.age_max = 15, 10
    with pytest.raises(ValidationError) as error:
        toolkit.full_clean()
    assert "age_max" in error.value.message_dict


def test_event_cannot_end_before_it_starts(home):
    index = EventIndexPageFactory(parent=home, locale=home.locale)
    event = EventPageFactory(parent=index, locale=home.locale)
    event.end = event.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict


def test_event_needs_a_place_or_an_online_link(home):
    index = EventIndexPageFactory(parent=home, locale=home.locale)
    event = EventPageFactory(parent=index, locale=home.locale)
    event.place, event.online_url = "", ""
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "place" in error.value.message_dict


def test_upcoming_events_leave_out_finished_ones(home):
    index = EventIndexPageFactory(parent=home, locale=home.locale)
    now = timezone.now()
    soon = EventPageFactory(parent=index, locale=home.locale, start=now + datetime.timedelta(days=2))
    running = EventPageFactory(
        parent=index, locale=home.locale, start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(hours=1)
    )
    EventPageFactory(parent=index, locale=home.locale, start=now - datetime.timedelta(days=3))
    assert list(EventPage.objects.upcoming()) == [running, soon]


def test_two_resources_in_one_language_cannot_share_an_external_id(library):
    ResourcePageFactory(parent=library, locale=library.locale, external_id="X-1")
    twin = ResourcePageFactory.build(locale=library.locale, external_id="X-1", slug="twin")
    with pytest.raises(ValidationError) as error:
        library.add_child(instance=twin)
    assert "external_id" in error.value.message_dict
