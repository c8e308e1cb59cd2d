"""``manage.py load_demo`` builds the whole bilingual site, and running it again changes nothing."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from home.models import (
    AcademyPage,
    CampaignActivity,
    CampaignPage,
    EventPage,
    HomePage,
    NewsPage,
    PartnerDirectoryPage,
    ProgrammePage,
    SectionPage,
    ToolkitPage,
    WorkshopInquiry,
    WorkshopPage,
    YouthContribution,
    YouthPanelPage,
)
from resources.models import ResourcePage, ResourceType, Topic


def site_snapshot():
    pages = [
        (page.content_type.model, page.locale.language_code, page.url_path, page.title, page.live, page.alias_of_id)
        for page in Page.objects.select_related("content_type", "locale").order_by("path")
    ]
    return pages, Revision.objects.count()


def real(model, code):
    return model.objects.filter(locale__language_code=code, alias_of__isnull=True)


def test_load_demo_twice_gives_the_same_site(demo):
    before = site_snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert site_snapshot() == before


def test_demo_has_the_promised_content_in_both_languages(demo):
    for code in ("cs", "en"):
        assert real(HomePage, code).count() == 1
        assert set(real(SectionPage, code).values_list("audience__slug", flat=True)) >= {
            "children",
            "parents",
            "teachers",
        }
        assert real(ToolkitPage, code).count() >= 3
        assert real(NewsPage, code).count() == 6
        assert real(EventPage, code).count() == 5
        assert real(EventPage, code).filter(kind="participation").count() == 1  # the youth panel's meeting
        assert real(AcademyPage, code).count() == 1
        assert real(WorkshopPage, code).count() == 3 and real(ProgrammePage, code).count() == 2
        assert real(YouthPanelPage, code).count() == 1 and real(CampaignPage, code).count() == 1
        assert real(PartnerDirectoryPage, code).count() == 1
        assert YouthContribution.objects.filter(language=code, status="approved").count() >= 3
    assert WorkshopInquiry.objects.filter(status__in=["held", "closed"], participants__isnull=False).count() >= 3
    assert CampaignActivity.objects.filter(status="approved").count() == 3

    czech = real(ResourcePage, "cs")
    assert czech.count() >= 40
    assert real(ResourcePage, "en").count() > czech.count() / 2
    assert set(czech.values_list("topics__slug", flat=True)) == set(Topic.objects.values_list("slug", flat=True))
    assert set(czech.values_list("resource_type__slug", flat=True)) == set(
        ResourceType.objects.values_list("slug", flat=True)
    )
    # Every English resource is a translation of a Czech one.
    czech_keys = set(czech.values_list("translation_key", flat=True))
    assert set(real(ResourcePage, "en").values_list("translation_key", flat=True)) <= czech_keys


def test_demo_site_serves_every_live_page_in_its_language(client, demo):
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale"):
        response = client.get(page.get_url())
        assert response.status_code == 200, page.url_path
        if page.alias_of_id is None:
            lang = re.search(r'<html lang="([a-z]+)"', response.content.decode()).group(1)
            assert lang == page.locale.language_code, page.url_path


def test_demo_home_pages_show_toolkits_news_and_help(client, demo):
    czech = client.get("/cs/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Kyberšikana ve třídě" in czech and "Aktuality" in czech and "Kde najít pomoc" in czech
    assert "Cyberbullying in the classroom" in english and "Latest news" in english
    assert "Where to get help" in english


def test_resource_library_filters_by_audience_topic_and_type(client, demo):
    response = client.get("/cs/materialy/", {"topic": "sextortion", "type": "poster"})
    body = response.content.decode()
    assert "Vydírají tě? Neplať a ozvi se" in body
    assert "Sextortion: postup pro školy" not in body  # a guide, not a poster
    assert "1 materiál" in body


def library_titles(client, params):
    response = client.get("/cs/materialy/", params)
    assert response.status_code == 200
    cards = response.content.decode().split('class="cards"', 1)[1]
    return response, set(re.findall(r"<h3[^>]*><a [^>]*>([^<]+)</a>", cards))


@pytest.mark.parametrize(
    "params",
    [
        {"topic": ["grooming", "sexting"]},
        {"topic": "grooming,sexting", "audience": "parents"},
        {"type": "worksheet", "age": "10"},
        {"audience": "teachers", "topic": "cyberbullying", "type": "lesson-plan"},
    ],
)
def test_the_library_page_lists_what_the_api_lists_for_the_same_filters(client, demo, params):
    _response, listed = library_titles(client, params)
    api = client.get("/api/v1/resources/", {**params, "locale": "cs", "page_size": 100}).json()
    assert listed == {item["title"] for item in api["results"]}
    assert len(listed) == api["count"]


def test_the_library_page_names_an_unknown_filter_value_instead_of_ignoring_it(client, demo):
    response, listed = library_titles(client, {"topic": "no-such-topic"})
    body = response.content.decode()
    assert listed == set()
    assert "Neznámá hodnota „no-such-topic“" in body and 'role="alert"' in body


def test_the_library_forms_all_choice_filters_nothing(client, demo):
    _response, everything = library_titles(client, {"audience": "", "topic": "", "type": ""})
    assert len(everything) == 24  # a full first page of the 44 Czech resources


def test_the_demo_keeps_the_address_it_is_served_on_on_a_new_database(db):
    from wagtail.models import Site

    from home.demo.builder import DemoBuilder
    from home.management.commands.load_demo import Command

    # A new database: Wagtail's placeholder page and site, which the builder replaces.
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    DemoBuilder(log=lambda message: None, site_address=Command.site_address("http://127.0.0.1:8123")).home_pages()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, "http://127.0.0.1:8123")
    assert site.root_page.specific_class is HomePage


def test_every_demo_page_kind_has_a_picture_and_every_resource_a_file_in_its_language(demo):
    for model in (SectionPage, ToolkitPage, NewsPage, EventPage, AcademyPage, WorkshopPage, ProgrammePage):
        for code in ("cs", "en"):
            assert not real(model, code).filter(image__isnull=True).exists(), model
    for model in (YouthPanelPage, CampaignPage):
        for code in ("cs", "en"):
            assert not real(model, code).filter(image__isnull=True).exists(), model
    for resource in ResourcePage.objects.filter(alias_of__isnull=True, external_id__startswith="demo-"):
        assert resource.thumbnail_id, resource.title
        assert resource.document.file.name.endswith(f"-{resource.locale.language_code}.pdf")
        with resource.document.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
