"""Toolkits, sections, news, events, taxonomy, navigation and pages by path."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import EventPage, NewsPage, SectionPage, ToolkitPage
from resources.models import ResourcePage

LISTS = [
    "/api/v1/resources/",
    "/api/v1/toolkits/",
    "/api/v1/sections/",
    "/api/v1/news/",
    "/api/v1/events/",
]


def queries(client, url):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", LISTS)
def test_every_list_runs_the_same_number_of_queries_for_any_page_size(client, demo, url):
    for locale in ("cs", "en"):
        small = queries(client, f"{url}?locale={locale}&page_size=1")
        large = queries(client, f"{url}?locale={locale}&page_size=50")
        assert small == large, (url, locale)


LIST_MODELS = {
    "/api/v1/resources/": ResourcePage,
    "/api/v1/toolkits/": ToolkitPage,
    "/api/v1/sections/": SectionPage,
    "/api/v1/news/": NewsPage,
    "/api/v1/events/": EventPage,
}


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("locale", ["cs", "en"])
def test_every_list_holds_exactly_the_live_pages_of_its_language(client, demo, url, locale):
    # Untranslated pages appear in the English tree as wagtail-localize's aliases of the Czech
    # ones: they are not English content.
    own = LIST_MODELS[url].objects.live().filter(locale__language_code=locale, alias_of__isnull=True)
    expected = set(own.values_list("pk", flat=True))
    data = client.get(url, {"locale": locale, "page_size": 100}).json()
    assert expected and data["count"] == len(expected)
    assert {item["id"] for item in data["results"]} == expected
    assert {item["locale"] for item in data["results"]} == {locale}
    assert not any(item["is_fallback"] for item in data["results"])


@pytest.mark.parametrize(("locale", "name"), [("cs", "Kyberšikana"), ("en", "Cyberbullying")])
def test_taxonomy_labels_and_counts_are_those_of_the_language(client, demo, locale, name):
    topics = {topic["slug"]: topic for topic in client.get("/api/v1/taxonomy/topics/", {"locale": locale}).json()}
    live = ResourcePage.objects.live().filter(
        locale__language_code=locale, alias_of__isnull=True, topics__slug="cyberbullying"
    )
    assert topics["cyberbullying"]["name"] == name
    assert topics["cyberbullying"]["resource_count"] == live.distinct().count() > 0


@pytest.mark.parametrize(("locale", "home_title"), [("cs", "Bezpečnější internet"), ("en", "Safer Internet")])
def test_navigation_is_the_tree_of_the_language(client, demo, locale, home_title):
    data = client.get("/api/v1/navigation/", {"locale": locale}).json()
    assert (data["locale"], data["home"]["title"]) == (locale, home_title)
    children = data["home"]["children"]
    assert children and all(child["html_url"].startswith(f"http://localhost/{locale}/") for child in children)
    expected = Page.objects.get(pk=data["home"]["id"]).get_children().live().in_menu()
    assert [child["id"] for child in children] == list(expected.values_list("pk", flat=True))


def test_toolkit_detail_has_steps_with_resource_cards_in_its_language(client, demo):
    toolkit = ToolkitPage.objects.get(slug="cyberbullying-in-the-classroom")
    data = client.get(f"/api/v1/toolkits/{toolkit.pk}/").json()
    assert data["locale"] == "en"
    types = [step["type"] for step in data["steps"]]
    assert types[:3] == ["heading", "paragraph", "resources"]
    cards = data["steps"][2]["value"]["resources"]
    assert cards[0]["title"] == "Cyberbullying: what it is and how to stand up to it"
    assert all(card["locale"] == "en" for card in cards)
    assert cards[0]["api_url"].endswith(f"/api/v1/resources/{cards[0]['id']}/")
    help_step = data["steps"][-1]
    # No address chosen: the site's own helpline form, in the language of the page.
    assert help_step["type"] == "help" and help_step["value"]["url"].endswith("/en/help/")
    czech = ToolkitPage.objects.get(translation_key=toolkit.translation_key, locale__language_code="cs")
    assert data["translations"]["cs"].endswith(f"/api/v1/toolkits/{czech.pk}/")


def test_toolkits_filter_by_audience_and_reject_unknown_topics(client, demo):
    data = client.get("/api/v1/toolkits/", {"audience": "parents"}).json()
    assert {item["title"] for item in data["results"]} == {"První mobil v rodině", "Internet pro nejmenší"}
    response = client.get("/api/v1/toolkits/", {"topic": "nope"})
    assert response.status_code == 400 and "topic" in response.json()["error"]["fields"]


def test_news_filter_by_topic_and_dates(client, demo):
    data = client.get("/api/v1/news/", {"topic": "sextortion", "date_from": "2026-05-01"}).json()
    assert [item["title"] for item in data["results"]] == ["Kampaň „Neplať a ozvi se“"]
    assert data["results"][0]["date"] == "2026-11-20"
    response = client.get("/api/v1/news/", {"date_to": "yesterday"})
    assert response.status_code == 400 and "date_to" in response.json()["error"]["fields"]
    detail = client.get(f"/api/v1/news/{data['results'][0]['id']}/").json()
    assert detail["body"][0]["type"] == "paragraph" and detail["body"][0]["value"].startswith("<p>")


def test_events_upcoming_and_by_audience(client, demo):
    every = client.get("/api/v1/events/").json()
    upcoming = client.get("/api/v1/events/", {"upcoming": 1}).json()
    assert (
        every["count"] == 5  # the youth panel's meeting among them
        and upcoming["count"] == EventPage.objects.upcoming().filter(locale__language_code="cs").count()
    )
    seniors = client.get("/api/v1/events/", {"audience": "grandparents", "locale": "en"}).json()
    assert [item["title"] for item in seniors["results"]] == ["Online course for older people: scams"]
    assert client.get("/api/v1/events/", {"upcoming": "maybe"}).status_code == 400


def test_sections_carry_their_audience_label_in_the_language(client, demo):
    data = client.get("/api/v1/sections/", {"locale": "en"}).json()
    assert {item["audience"]["name"] for item in data["results"]} >= {"Children", "Parents", "Teachers"}


def test_taxonomy_counts_resources_in_the_requested_language(client, demo):
    czech = {term["slug"]: term for term in client.get("/api/v1/taxonomy/resource-types/").json()}
    english = {term["slug"]: term for term in client.get("/api/v1/taxonomy/resource-types/?locale=en").json()}
    assert czech["poster"]["name"] == "Plakát" and english["poster"]["name"] == "Poster"
    assert sum(term["resource_count"] for term in czech.values()) == 44
    assert sum(term["resource_count"] for term in english.values()) == 41


def test_navigation_is_the_menu_tree_of_a_language(client, demo):
    data = client.get("/api/v1/navigation/", {"locale": "en"}).json()
    assert data["home"]["title"] == "Safer Internet"
    titles = [child["title"] for child in data["home"]["children"]]
    assert "For parents" in titles and "Resources" in titles
    assert all(child["html_url"].startswith("http://localhost/en/") for child in data["home"]["children"])


def test_pages_by_path_respects_the_language_prefix(client, demo):
    czech = client.get("/api/v1/pages/by-path/", {"path": "/cs/rodice/"}).json()
    assert czech["type"] == "home.sectionpage" and czech["locale"] == "cs" and czech["title"] == "Pro rodiče"
    english = client.get("/api/v1/pages/by-path/", {"path": "/en/parents/"}).json()
    assert english["title"] == "For parents" and english["translation_key"] == czech["translation_key"]
    assert client.get(czech["api_url"]).json()["id"] == czech["id"]
    assert client.get(czech["translations"]["en"]).json()["id"] == english["id"]
    # The same slug under the other language's prefix is not that page.
    assert client.get("/api/v1/pages/by-path/", {"path": "/en/rodice/"}).status_code == 404
    assert client.get("/api/v1/pages/by-path/", {"path": "/de/rodice/"}).status_code == 400
    assert client.get("/api/v1/pages/by-path/").status_code == 400


def test_news_detail_of_a_draft_is_a_404(client, demo):
    news = NewsPage.objects.filter(locale__language_code="cs").first()
    news.unpublish()
    assert client.get(f"/api/v1/news/{news.pk}/").status_code == 404


@pytest.mark.parametrize("path", ["/cs/materialy/", "/en/resources/", "/cs/rodice/", "/en/parents/"])
def test_wagtail_api_v2_finds_a_page_by_its_address_with_the_language_prefix(client, demo, path):
    response = client.get("/api/v2/pages/find/", {"html_path": path})
    assert response.status_code == 302
    detail = client.get(response["Location"].replace("http://localhost", "")).json()
    assert detail["meta"]["html_url"].endswith(path)
    assert detail["meta"]["locale"] == path.split("/")[1]


def test_wagtail_api_v2_find_answers_404_for_an_address_that_is_no_page(client, demo):
    for path in ("/cs/neni-tu/", "/xx/", "/en/resources/nothing/"):
        assert client.get("/api/v2/pages/find/", {"html_path": path}).status_code == 404


def test_wagtail_api_v2_shows_the_page_kinds_fields_with_terms_and_pictures(client, demo):
    data = client.get("/api/v2/pages/", {"type": "home.ToolkitPage", "fields": "*", "limit": 1}).json()
    toolkit = data["items"][0]
    assert {"intro", "steps", "audiences", "topics", "age_min", "age_max", "image"} <= set(toolkit)
    assert set(toolkit["audiences"][0]) == {"slug", "name"}
    assert toolkit["image"]["url"].endswith(".jpg") and toolkit["image"]["width"] == 1200
    resource = client.get("/api/v2/pages/", {"type": "resources.ResourcePage", "fields": "*", "limit": 1}).json()
    assert set(resource["items"][0]["resource_type"]) == {"slug", "name"}
