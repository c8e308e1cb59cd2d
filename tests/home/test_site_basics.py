"""What every public page and the site's addresses offer besides content: the head
(description, canonical, hreflang, Open Graph), breadcrumbs, sitemap, robots, feeds,
calendars, the favicon and the friendly error pages, in both languages."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.files.storage import default_storage
from icalendar import Calendar
from wagtail.models import Page, Site

from home.models import EventPage, NewsPage, ToolkitPage
from resources.models import ResourcePage

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def real(model, code):
    return model.objects.live().filter(locale__language_code=code, alias_of__isnull=True)


def head_of(html):
    return html.split("</head>")[0]


def test_a_resource_page_head_describes_it_for_search_engines_and_link_previews(client, demo):
    resource = real(ResourcePage, "cs").get(external_id="demo-001")
    english = real(ResourcePage, "en").get(translation_key=resource.translation_key)
    html = client.get(resource.url).content.decode()
    head = head_of(html)
    assert f'<meta name="description" content="{resource.summary[:60]}' in head
    assert f'<link rel="canonical" href="{resource.full_url}">' in head
    assert f'<link rel="alternate" hreflang="cs" href="{resource.full_url}">' in head
    assert f'<link rel="alternate" hreflang="en" href="{english.full_url}">' in head
    assert f'<link rel="alternate" hreflang="x-default" href="{resource.full_url}">' in head
    assert '<meta property="og:locale" content="cs_CZ">' in head
    image = re.search(r'<meta property="og:image" content="([^"]+)">', head)[1]
    assert image.startswith(Site.objects.get(is_default_site=True).root_url + "/media/images/")
    assert default_storage.exists(image.split("/media/", 1)[1])  # the rendition was made
    assert '<meta name="robots"' not in head


def test_an_untranslated_placeholder_points_search_engines_to_its_source(client, demo):
    placeholder = ResourcePage.objects.live().filter(alias_of__isnull=False).first()
    source = placeholder.alias_of
    head = head_of(client.get(placeholder.url).content.decode())
    assert '<meta name="robots" content="noindex">' in head
    assert f'<link rel="canonical" href="{source.full_url}">' in head
    assert 'hreflang="' not in head


def test_breadcrumbs_lead_from_the_home_page_to_the_page(client, demo):
    toolkit = real(ToolkitPage, "en").first()
    html = client.get(toolkit.url).content.decode()
    trail = re.search(r'<nav class="breadcrumbs" aria-label="Breadcrumbs">(.*?)</nav>', html, re.S)[1]
    assert re.findall(r'<a href="([^"]+)">', trail) == ["/en/", toolkit.get_parent().url]
    assert f'<span aria-current="page">{toolkit.title}</span>' in trail
    assert 'class="breadcrumbs"' not in client.get("/en/").content.decode()  # nothing above home


def test_the_sitemap_lists_every_language_with_hreflang_alternates_and_no_placeholders(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {url.findtext("s:loc", namespaces=SITEMAP): url for url in root.findall("s:url", SITEMAP)}
    resource = real(ResourcePage, "cs").get(external_id="demo-001")
    english = real(ResourcePage, "en").get(translation_key=resource.translation_key)
    entry = locations[resource.full_url]
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", SITEMAP)}
    assert alternates == {"cs": resource.full_url, "en": english.full_url}
    assert english.full_url in locations
    placeholders = Page.objects.live().filter(alias_of__isnull=False)
    assert placeholders.exists()
    assert not {page.full_url for page in placeholders} & set(locations)
    live = Page.objects.live().public().filter(depth__gte=2, alias_of__isnull=True).count()
    assert len(locations) == live


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_private_pages(client, demo):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/api/", "/cs/search/", "/en/search/", "/cs/pomoc/stav/", "/en/help/status/"):
        assert f"Disallow: {path}" in lines
    assert f"Sitemap: {Site.objects.get(is_default_site=True).root_url}/sitemap.xml" in lines


@pytest.mark.parametrize(
    ("code", "title"), [("cs", "Aktuality – Centrum bezpečnějšího internetu"), ("en", "News – Safer Internet Centre")]
)
def test_the_news_feed_of_each_language_has_that_language_s_news(client, demo, code, title):
    response = client.get(f"/feeds/{code}/news.xml")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == title
    items = channel.findall("item")
    expected = real(NewsPage, code).order_by("-date")
    assert [item.findtext("title") for item in items] == [page.title for page in expected]
    assert items[0].findtext("link") == expected[0].full_url
    atom = client.get(f"/feeds/{code}/news.atom")
    assert atom.status_code == 200 and b"http://www.w3.org/2005/Atom" in atom.content


def test_the_resource_feed_narrows_to_a_topic_and_refuses_an_unknown_one(client, demo):
    response = client.get("/feeds/cs/resources.xml", {"topic": "sextortion"})
    assert response.status_code == 200
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    expected = real(ResourcePage, "cs").filter(topics__slug="sextortion")
    assert sorted(titles) == sorted(expected.values_list("title", flat=True))
    assert client.get("/feeds/cs/resources.xml", {"topic": "nothing"}).status_code == 404
    assert client.get("/feeds/xx/resources.xml").status_code == 404
    assert client.get("/feeds/xx/news.xml").status_code == 404


def test_the_events_calendar_and_one_event_download_as_icalendar(client, demo):
    response = client.get("/calendar/en/events.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    upcoming = EventPage.objects.upcoming().filter(locale__language_code="en", alias_of__isnull=True)
    assert summaries == [event.title for event in upcoming]
    event = upcoming.first()
    single = Calendar.from_ical(client.get(f"/calendar/event/{event.pk}.ics").content)
    (entry,) = single.walk("VEVENT")
    assert entry["DTSTART"].dt == event.start
    assert str(entry["URL"]) == event.full_url
    assert str(entry["LOCATION"]) == event.place
    assert client.get(f"/calendar/event/{real(NewsPage, 'en').first().pk}.ics").status_code == 404
    assert client.get("/calendar/xx/events.ics").status_code == 404


def test_an_english_event_says_its_date_once_in_english(client, demo):
    event = real(EventPage, "en").get(slug="safer-internet-day-2027")
    html = client.get(event.url).content.decode()
    assert "9 February 2027, 09:00–15:00" in html
    assert html.count("9 February 2027") == 1
    assert f'href="/calendar/event/{event.pk}.ics"' in html
    assert '<a class="button" href="https://www.saferinternetday.org/" rel="noopener">Sign up</a>' in html
    czech = real(EventPage, "cs").get(translation_key=event.translation_key)
    assert "9. února 2027, 9:00–15:00" in client.get(czech.url).content.decode()


def test_the_favicon_is_there_for_browsers_that_ask_the_root(client, demo):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/img/favicon-32.png")


@pytest.mark.parametrize(
    ("path", "text"), [("/cs/neni-tady/", "Stránka nenalezena"), ("/en/not-here/", "Page not found")]
)
def test_a_missing_page_is_a_friendly_404_in_its_language(client, demo, settings, path, text):
    settings.DEBUG = False
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html
    assert 'class="site-header"' in html  # the site's own page, with its menu and search
