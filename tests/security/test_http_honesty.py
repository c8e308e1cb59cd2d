"""Caching, links and conditional requests as clients and proxies rely on them."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from cms.api.caching import memo

URL = "/api/v1/resources/?topic=sexting"


@pytest.fixture(autouse=True)
def empty_api_cache(db):
    cache.clear()
    memo.forget()


def test_a_forged_host_never_reaches_another_clients_cached_answer(client, demo):
    forged = client.get(URL, HTTP_HOST="localhost:8901")
    assert "localhost:8901" in forged.content.decode()
    memo.forget()  # another worker: only the shared cache could carry the forged links
    honest = client.get(URL, HTTP_HOST="localhost")
    assert honest.status_code == 200 and "8901" not in honest.content.decode()


@pytest.mark.parametrize("sent", ['W/"{etag}"', "*", '"other", W/"{etag}"'])
def test_if_none_match_uses_the_weak_comparison(client, demo, sent):
    etag = client.get(URL)["ETag"].strip('"')
    response = client.get(URL, HTTP_IF_NONE_MATCH=sent.format(etag=etag))
    assert response.status_code == 304


def test_a_different_etag_still_gets_the_body(client, demo):
    response = client.get(URL, HTTP_IF_NONE_MATCH='W/"something-else"')
    assert response.status_code == 200


def test_content_language_follows_the_locale_parameter(client, demo):
    response = client.get("/api/v1/resources/?locale=cs", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "cs"
    english = client.get("/api/v1/resources/?locale=en", HTTP_ACCEPT_LANGUAGE="cs")
    assert english["Content-Language"] == "en"


def test_the_cors_preflight_offers_only_the_methods_the_api_answers(client, db):
    from cms.partners.models import Partner

    Partner.objects.create(name="School", origins="https://www.zs.example")
    response = client.options(
        "/api/v1/resources/",
        HTTP_ORIGIN="https://www.zs.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    methods = {method.strip() for method in response["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD", "OPTIONS", "POST"}


def test_oembed_and_discovery_links_use_the_sites_own_address(client, demo):
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8123)
    from resources.models import ResourcePage

    page = ResourcePage.objects.live().filter(locale__language_code="cs").first()
    html = client.get(page.url, HTTP_HOST="127.0.0.1:8123").content.decode()
    assert 'href="http://127.0.0.1:8123/api/oembed/?url=http%3A%2F%2F127.0.0.1%3A8123%2F' in html
    oembed = client.get("/api/oembed/", {"url": page.full_url}, HTTP_HOST="127.0.0.1:8123").json()
    assert 'src="http://127.0.0.1:8123/embed/resources/' in oembed["html"]


def test_load_demo_sets_the_sites_address(demo):
    from django.core.management import call_command

    call_command("load_demo", "--site-url", "http://127.0.0.1:8765", stdout=__import__("io").StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8765, "http://127.0.0.1:8765")
