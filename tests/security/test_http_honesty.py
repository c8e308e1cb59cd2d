"""Caching, links and conditional requests as clients and proxies rely on them."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from cms.core.api.caching import memo

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


@pytest.mark.parametrize("scheme", ["Api-Key", "Bearer", "Token", "bearer"])
def test_a_valid_key_is_read_whatever_scheme_a_generated_client_uses(client, db, scheme):
    from cms.partners.keys import issue_key
    from cms.partners.models import Partner

    partner = Partner.objects.create(name="Portal", origins="")
    _record, key = issue_key(partner, ["reports:submit"])
    report = {"urls": ["https://bad.example/x"], "category": "csam", "source_type": "webpage"}
    response = client.post(
        "/api/v1/reports/hotline/", report, content_type="application/json", HTTP_AUTHORIZATION=f"{scheme} {key}"
    )
    assert response.status_code == 201
    from reports.models import HotlineReport

    assert HotlineReport.objects.get().partner == partner


@pytest.mark.parametrize("header", ["Bearer not-a-key", "Token x.y", "Api-Key", "api-key   "])
def test_a_key_that_is_not_valid_answers_401_whatever_its_scheme(client, db, header):
    response = client.get("/api/v1/resources/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_api_key"


def test_a_staging_proxys_basic_credentials_are_not_an_api_key(client, db):
    response = client.get("/api/v1/taxonomy/topics/", HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")
    assert response.status_code == 200


def test_the_schema_names_the_api_key_scheme_and_documents_errors(client, db):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    assert schema["components"]["securitySchemes"]["ApiKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": schema["components"]["securitySchemes"]["ApiKey"]["description"],
    }
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert operation["responses"]["429"]["content"] == error, (method, path)
            assert operation["responses"]["500"]["content"] == error, (method, path)
    intake = schema["paths"]["/api/v1/reports/hotline/"]["post"]["responses"]
    assert {"400", "401", "403", "415", "422", "429"} <= set(intake)
    assert intake["400"]["content"] == error
    resource = schema["components"]["schemas"]["Resource"]["properties"]["url"]
    assert resource["format"] == "uri" and resource["nullable"] is True
    event = schema["components"]["schemas"]["Event"]["properties"]
    assert "oneOf" not in event["online_url"] and event["online_url"]["nullable"] is True


def test_fallback_null_is_refused(client, db):
    response = client.get("/api/v1/resources/", {"fallback": "null"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and response.json()["error"]["fields"] == {"fallback": ["Use true or false."]}
