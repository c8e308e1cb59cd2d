"""``/api/v1/resources/``: the contract of DESIGN.md §4, in both languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import ResourcePage

CONTRACT_FIELDS = {
    "id", "external_id", "locale", "title", "summary", "audiences", "topics", "resource_type", "age_min",
    "age_max", "url", "html_url", "translation_key", "translations",
}  # fmt: skip


def get(client, url, **params):
    response = client.get(url, params)
    return response, response.json()


def titles(data):
    return [item["title"] for item in data["results"]]


def czech(external_id):
    return ResourcePage.objects.get(external_id=external_id, locale__language_code="cs")


def test_list_answers_the_contract_with_facets(client, demo):
    response, data = get(client, "/api/v1/resources/")
    assert response.status_code == 200
    assert set(data) == {"count", "next", "previous", "results", "facets"}
    assert data["count"] == 44  # Czech by default
    assert CONTRACT_FIELDS <= set(data["results"][0])
    assert {item["locale"] for item in data["results"]} == {"cs"}
    assert set(data["facets"]) == {"audience", "topic", "type"}


def test_labels_and_items_follow_the_requested_language(client, demo):
    _, czech_data = get(client, "/api/v1/resources/", topic="grooming")
    _, english = get(client, "/api/v1/resources/", topic="grooming", locale="en")
    assert czech_data["results"][0]["topics"][0]["name"] in {"Kybergrooming", "Sexting"}
    assert {item["locale"] for item in english["results"]} == {"en"}
    grooming = next(term for term in english["facets"]["topic"] if term["slug"] == "grooming")
    assert grooming["name"] == "Grooming" and grooming["count"] == english["count"]


def test_accept_language_chooses_the_language_and_locale_wins(client, demo):
    by_header = client.get("/api/v1/resources/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").json()
    assert by_header["results"][0]["locale"] == "en"
    response = client.get("/api/v1/resources/", {"locale": "cs"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["results"][0]["locale"] == "cs"
    assert "Accept-Language" in response["Vary"]


def test_translations_link_both_ways(client, demo):
    source = czech("demo-001")
    _, data = get(client, f"/api/v1/resources/{source.pk}/")
    english_url = data["translations"]["en"]
    english = client.get(english_url).json()
    assert english["locale"] == "en" and english["translation_key"] == data["translation_key"]
    assert english["translations"]["cs"].endswith(f"/api/v1/resources/{source.pk}/")


def test_untranslated_resources_are_missing_in_english_unless_fallback(client, demo):
    _, english = get(client, "/api/v1/resources/", locale="en", page_size=100)
    assert english["count"] == 41
    assert "Ověř si to" not in titles(english)

    _, filled = get(client, "/api/v1/resources/", locale="en", fallback=1, page_size=100)
    assert filled["count"] == 44
    fallback = [item for item in filled["results"] if item["is_fallback"]]
    assert {item["title"] for item in fallback} == {
        "Ověř si to",
        "Třídní schůzky: děti a hry",
        "Kyberšikana v nízkoprahovém klubu",
    }
    assert {item["locale"] for item in fallback} == {"cs"}


def test_filters_or_inside_and_across(client, demo):
    _, sexting = get(client, "/api/v1/resources/", topic="sexting")
    _, sextortion = get(client, "/api/v1/resources/", topic="sextortion")
    either = client.get("/api/v1/resources/?topic=sexting&topic=sextortion").json()
    assert either["count"] == len(set(titles(sexting)) | set(titles(sextortion)))
    _, both = get(client, "/api/v1/resources/", topic="sextortion", type="poster")
    assert titles(both) == ["Vydírají tě? Neplať a ozvi se"]
    _, guides = get(client, "/api/v1/resources/", type="guide", audience="parents")
    for item in guides["results"]:
        assert item["resource_type"]["slug"] == "guide"
        assert "parents" in {audience["slug"] for audience in item["audiences"]}


def test_age_filter_keeps_resources_whose_range_contains_it(client, demo):
    _, data = get(client, "/api/v1/resources/", age=7, page_size=100)
    assert data["count"] > 0
    assert all(item["age_min"] <= 7 <= item["age_max"] for item in data["results"])


def test_q_matches_words_in_title_or_summary(client, demo):
    _, data = get(client, "/api/v1/resources/", q="deepfake")
    assert titles(data) == ["Deepfake: nevěř všemu, co vidíš"]


def test_ordering_by_title(client, demo):
    _, data = get(client, "/api/v1/resources/", ordering="title", page_size=100)
    assert titles(data) == sorted(
        titles(data), key=lambda title: ResourcePage.objects.filter(title=title).first().title
    )
    assert len(titles(data)) == 44


def test_pagination_links_and_sizes(client, demo):
    _, first = get(client, "/api/v1/resources/", page_size=10)
    assert len(first["results"]) == 10 and first["previous"] is None
    _, last = get(client, "/api/v1/resources/", page_size=10, page=5)
    assert len(last["results"]) == 4 and last["next"] is None


@pytest.mark.parametrize(
    "params, field",
    [
        ({"topic": "cyberbulying"}, "topic"),
        ({"audience": "aliens"}, "audience"),
        ({"type": "book"}, "type"),
        ({"age": "seven"}, "age"),
        ({"age": "120"}, "age"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"locale": "de"}, "locale"),
        ({"ordering": "random"}, "ordering"),
        ({"page": "first"}, "page"),
    ],
)
def test_bad_parameters_get_a_400_naming_the_field(client, demo, params, field):
    response, data = get(client, "/api/v1/resources/", **params)
    assert response.status_code == 400
    assert data["error"]["code"] == "invalid_parameter"
    assert field in data["error"]["fields"]


def test_unknown_value_lists_the_valid_ones(client, demo):
    _, data = get(client, "/api/v1/resources/", topic="cyberbulying")
    assert "cyberbullying" in data["error"]["fields"]["topic"][0]


def test_page_past_the_end_and_unknown_ids_are_404s(client, demo):
    response, data = get(client, "/api/v1/resources/", page=99)
    assert response.status_code == 404 and data["error"]["code"] == "not_found"
    response = client.get("/api/v1/resources/999999/")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    response = client.get("/api/v1/no-such-endpoint/")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_detail_has_the_body_as_html(client, demo):
    _, data = get(client, f"/api/v1/resources/{czech('demo-006').pk}/")
    assert data["body"].startswith("<p>Metodika obsahuje")
    assert data["summary"] not in data["body"]  # the page shows the summary above the body: said once
    assert data["html_url"].endswith("/cs/materialy/sexting-bez-mytu/")
    assert {"author", "publisher", "licence", "document", "thumbnail"} <= set(data)
    assert data["document"]["url"].endswith(".pdf")  # the demo's worksheet


def test_drafts_and_placeholders_are_not_in_the_api(client, demo):
    page = czech("demo-010")
    page.unpublish()
    _, data = get(client, "/api/v1/resources/", page_size=100)
    assert page.title not in titles(data)
    assert client.get(f"/api/v1/resources/{page.pk}/").status_code == 404
    placeholder = ResourcePage.objects.filter(alias_of__isnull=False).first()
    assert client.get(f"/api/v1/resources/{placeholder.pk}/").status_code == 404


def count_queries(client, url):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_runs_a_constant_number_of_queries(client, demo):
    assert count_queries(client, "/api/v1/resources/?page_size=1") == count_queries(
        client, "/api/v1/resources/?page_size=50"
    )
    assert count_queries(client, "/api/v1/resources/?locale=en&fallback=1&page_size=1") == count_queries(
        client, "/api/v1/resources/?locale=en&fallback=1&page_size=50"
    )


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/resources/",
        "/api/v1/toolkits/",
        "/api/v1/news/",
        "/api/v1/events/",
        "/api/v1/sections/",
        "/api/v1/search/?q=kyber",
        "/api/v1/search/suggest/?q=kyber",
        "/api/v1/taxonomy/topics/",
        "/api/v1/navigation/",
    ],
)
def test_an_unknown_query_parameter_is_a_400_naming_it(client, demo, url):
    response = client.get(url + ("&" if "?" in url else "?") + "topci=grooming")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert list(error["fields"]) == ["topci"]
    assert "locale" in error["fields"]["topci"][0]  # the message lists the valid ones


def test_a_misspelt_filter_does_not_silently_filter_nothing(client, demo):
    assert client.get("/api/v1/resources/", {"topic": "grooming"}).status_code == 200
    assert client.get("/api/v1/resources/", {"topics": "grooming"}).json()["error"]["fields"].keys() == {"topics"}


def test_a_parameter_the_deployment_ignores_is_accepted_and_still_makes_its_own_address(client, demo, settings):
    settings.API_IGNORED_QUERY_PARAMETERS = ["_"]
    first = client.get("/api/v1/resources/", {"page_size": 2, "_": "1"})
    second = client.get("/api/v1/resources/", {"page_size": 2, "_": "2"})
    assert first.status_code == second.status_code == 200
    assert first.json()["results"] == second.json()["results"]
    assert first.json()["next"].endswith("?_=1&page=2&page_size=2")  # its own address, not a cached one
    assert client.get("/api/v1/resources/", {"page_size": 2, "__": "1"}).status_code == 400
