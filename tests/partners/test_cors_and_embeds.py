"""CORS for partner origins; embeddable cards and lists; oEmbed for each case the spec
names; discovery links on resource and toolkit pages."""

import pytest

from cms.partners.models import Partner
from home.models import ToolkitPage
from resources.models import ResourcePage

TOPICS = "/api/v1/taxonomy/topics/"


def test_a_partner_origin_may_call_the_api_from_a_browser(client, partner):
    response = client.get(TOPICS, headers={"Origin": "https://www.zs.example"})
    assert response["Access-Control-Allow-Origin"] == "https://www.zs.example"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        TOPICS,
        headers={
            "Origin": "https://www.zs.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "https://www.zs.example"
    assert "authorization" in preflight["Access-Control-Allow-Headers"]


@pytest.mark.parametrize(
    "origin", ["https://evil.example", "http://www.zs.example", "https://www.zs.example.evil.example"]
)
def test_any_other_origin_is_refused(client, partner, origin):
    assert "Access-Control-Allow-Origin" not in client.get(TOPICS, headers={"Origin": origin})


def test_an_inactive_partner_or_a_removed_origin_is_refused_at_once(client, partner):
    assert "Access-Control-Allow-Origin" in client.get(TOPICS, headers={"Origin": "https://www.zs.example"})
    partner.active = False
    partner.save()
    assert "Access-Control-Allow-Origin" not in client.get(TOPICS, headers={"Origin": "https://www.zs.example"})
    Partner.objects.create(name="Jiná", origins="https://jina.example")
    assert "Access-Control-Allow-Origin" in client.get(TOPICS, headers={"Origin": "https://jina.example"})


def test_pages_outside_the_api_get_no_cors_headers(client, partner):
    assert "Access-Control-Allow-Origin" not in client.get("/cs/", headers={"Origin": "https://www.zs.example"})


@pytest.fixture
def resource(demo):
    return ResourcePage.objects.live().filter(locale__language_code="cs").order_by("pk").first()


def test_a_resource_card_embeds_in_czech_without_third_party_requests(client, resource):
    response = client.get(f"/embed/resources/{resource.pk}/?locale=cs")
    assert response.status_code == 200
    page = response.content.decode()
    assert resource.title in page and 'lang="cs"' in page
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    assert "<script" not in page and "<img" not in page and "<link" not in page
    assert f'href="{resource.full_url}" target="_blank" rel="noopener"' in page


def test_the_english_card_is_the_translation(client, resource):
    english = resource.get_translation(resource.locale.__class__.objects.get(language_code="en"))
    page = client.get(f"/embed/resources/{resource.pk}/?locale=en").content.decode()
    assert english.title in page and 'lang="en"' in page


def test_frame_ancestors_can_be_restricted(client, resource, settings):
    settings.EMBED_FRAME_ANCESTORS = "https://www.zs.example"
    response = client.get(f"/embed/resources/{resource.pk}/")
    assert "frame-ancestors https://www.zs.example" in response["Content-Security-Policy"]


def test_a_list_filters_by_topic_and_limits(client, demo):
    topical = ResourcePage.objects.live().filter(locale__language_code="cs", topics__slug="cyberbullying").distinct()
    page = client.get("/embed/resources/?topic=cyberbullying&locale=cs&limit=24").content.decode()
    assert page.count('class="sic-card"') == topical.count() > 0
    for resource in topical:
        assert resource.title in page
    assert client.get("/embed/resources/?locale=cs&limit=2").content.decode().count('class="sic-card"') == 2


def test_a_list_runs_the_same_queries_whatever_its_length(client, demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/embed/resources/?locale=cs&limit=1")  # the site's root paths are cached once
    counts = []
    for limit in (2, 12):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/embed/resources/?locale=cs&limit={limit}").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("topic=nope", "topic"),
        ("locale=de", "locale"),
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("type=x", "type"),
    ],
)
def test_a_bad_list_parameter_is_a_400_naming_it(client, demo, query, parameter):
    response = client.get(f"/embed/resources/?{query}")
    assert response.status_code == 400
    assert response.content.decode().startswith(f"{parameter}:")


def test_an_unknown_resource_is_404(client, demo):
    assert client.get("/embed/resources/999999/").status_code == 404
    assert client.get("/embed/toolkits/999999/").status_code == 404


def oembed(client, **params):
    return client.get("/api/oembed/", params)


def test_oembed_answers_a_rich_iframe_for_a_resource_page(client, resource, settings):
    response = oembed(client, url=resource.full_url, format="json", maxwidth="400")
    assert response.status_code == 200
    answer = response.json()
    assert (answer["version"], answer["type"], answer["title"]) == ("1.0", "rich", resource.title)
    assert answer["width"] == 400 and answer["height"] == 260
    base = "http://localhost"  # the site's own address (its Site record), never a request's Host
    assert f'<iframe src="{base}/embed/resources/{resource.pk}/?locale=cs" width="400"' in answer["html"]


def test_oembed_answers_for_a_toolkit_page(client, demo):
    toolkit = ToolkitPage.objects.live().first()
    answer = oembed(client, url=toolkit.full_url).json()
    assert answer["type"] == "rich" and f"/embed/toolkits/{toolkit.pk}/" in answer["html"]
    assert client.get(f"/embed/toolkits/{toolkit.pk}/").status_code == 200


def test_oembed_refuses_as_the_spec_says(client, resource):
    assert oembed(client, url=resource.full_url, format="xml").status_code == 501
    assert oembed(client, url=resource.full_url.replace("localhost", "elsewhere.example")).status_code == 404
    assert oembed(client, url=resource.full_url + "nope/").status_code == 404
    assert oembed(client, url="http://localhost/cs/").status_code == 404  # a page, but not a resource
    missing = oembed(client)
    assert missing.status_code == 400 and "url" in missing.json()["error"]["fields"]
    assert "maxwidth" in oembed(client, url=resource.full_url, maxwidth="wide").json()["error"]["fields"]


def test_resource_and_toolkit_pages_carry_the_discovery_link(client, resource):
    page = client.get(resource.url).content.decode()
    assert '<link rel="alternate" type="application/json+oembed" href="' in page
    assert "/api/oembed/?url=" in page
    toolkit = ToolkitPage.objects.live().first()
    assert 'type="application/json+oembed"' in client.get(toolkit.url).content.decode()


def test_a_list_takes_page_size_like_the_api_and_limit_as_its_other_name(client, demo):
    def cards(query):
        return client.get(f"/embed/resources/?locale=cs&{query}").content.decode().count('class="sic-card"')

    assert cards("page_size=3") == 3
    assert cards("limit=2") == 2
    assert cards("page_size=4&limit=2") == 4  # the API's name wins
    response = client.get("/embed/resources/?page_size=99")
    assert response.status_code == 400 and response.content.decode().startswith("page_size:")


def test_embed_labels_follow_locale_not_the_browser(client, demo):
    english = ResourcePage.objects.live().get(locale__language_code="en", external_id="demo-001-en")
    card = client.get(f"/embed/resources/{english.pk}/?locale=en", HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert english.resource_type.name_en in card and english.resource_type.name_cs not in card
    assert "From the Safer Internet Centre" in card
    listing = client.get("/embed/resources/?locale=en&page_size=24", HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "Metodika hodiny" not in listing and "Lesson plan" in listing
    czech = client.get("/embed/resources/?locale=cs&page_size=3", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Od Centra bezpečnějšího internetu" in czech


def test_an_english_list_leaves_out_untranslated_placeholders(client, demo):
    listing = client.get("/embed/resources/?locale=en&page_size=24").content.decode()
    for placeholder in ResourcePage.objects.live().filter(locale__language_code="en", alias_of__isnull=False):
        assert f"/embed/resources/{placeholder.pk}/" not in listing and placeholder.title not in listing


def test_oembed_names_the_centre_as_the_site_does(client, demo):
    czech = ResourcePage.objects.live().get(locale__language_code="cs", external_id="demo-001")
    english = ResourcePage.objects.live().get(locale__language_code="en", external_id="demo-001-en")
    assert oembed(client, url=czech.full_url).json()["provider_name"] == "Centrum bezpečnějšího internetu"
    assert oembed(client, url=english.full_url).json()["provider_name"] == "Safer Internet Centre"
    assert "Centrum bezpečnějšího internetu" in client.get(czech.url).content.decode()
