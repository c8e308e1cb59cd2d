"""Search end to end on the demo content: /resources/?q=, /search/ and /search/suggest/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import ResourcePage


def search(client, url="/api/v1/resources/", **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [item["title"] for item in data["results"]]


@pytest.mark.parametrize(
    ("query", "locale", "expected_first"),
    [
        ("kyberšikanou", "cs", {"Kyberšikana: co to je a jak se jí bránit", "Kyberšikana v nízkoprahovém klubu"}),
        ("kybersikana", "cs", {"Kyberšikana: co to je a jak se jí bránit", "Kyberšikana v nízkoprahovém klubu"}),
        ("falesne zpravy", "cs", {"Jak poznat falešnou zprávu"}),
        ("nebezpečná výzva", "cs", {"Nebezpečné výzvy na sítích"}),
        ("digitální stopou", "cs", {"Digitální stopa: co po nás zůstává"}),
        ("skryte reklame", "cs", {"Influenceři a skrytá reklama"}),
        ("fake news", "en", {"How to spot fake news"}),
        ("microtransaction", "en", {"Microtransactions and loot boxes"}),
    ],
)
def test_inflected_and_unaccented_queries_find_the_resource_first(client, demo, query, locale, expected_first):
    data = search(client, q=query, locale=locale)
    assert titles(data)[0] in expected_first


def test_both_password_resources_come_first(client, demo):
    assert set(titles(search(client, q="hesla"))[:2]) == {"Tajné heslo", "Silná hesla a dvoufázové ověření"}
    assert set(titles(search(client, q="passwords", locale="en"))[:2]) == {
        "The secret password",
        "Strong passwords and two-step verification",
    }


def test_q_combines_with_filters_and_orderings(client, demo):
    data = search(client, q="kybersikana", topic="hate-speech")
    assert data["count"] >= 1
    assert all("hate-speech" in [t["slug"] for t in item["topics"]] for item in data["results"])
    by_relevance = titles(search(client, q="kyberšikana", page_size=100))
    by_title = titles(search(client, q="kyberšikana", ordering="title", page_size=100))
    assert len(by_title) > 2 and set(by_title) == set(by_relevance)
    in_title_order = ResourcePage.objects.filter(title__in=by_title, locale__language_code="cs", alias_of__isnull=True)
    assert by_title == list(in_title_order.order_by("title", "pk").values_list("title", flat=True))
    facets = search(client, q="kyberšikana")["facets"]
    assert next(f for f in facets["topic"] if f["slug"] == "cyberbullying")["count"] >= 2


def test_english_search_stays_in_english(client, demo):
    data = search(client, q="cyberbullying", locale="en", page_size=100)
    assert data["count"] >= 2
    assert all(item["locale"] == "en" for item in data["results"])


@pytest.mark.parametrize("value", ["", "   ", "x" * 201])
@pytest.mark.parametrize("url", ["/api/v1/resources/", "/api/v1/search/", "/api/v1/search/suggest/"])
def test_empty_or_long_q_is_a_400_naming_q(client, demo, url, value):
    response = client.get(url, {"q": value})
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["q"]


def test_search_without_q_is_a_400(client, demo):
    assert client.get("/api/v1/search/").json()["error"]["fields"] == {"q": ["Zadejte, co hledáte."]}


def test_relevance_ordering_without_q_is_the_default_order(client, demo):
    # The schema lists relevance among the orderings: a client following it is not refused.
    relevance = client.get("/api/v1/resources/", {"ordering": "relevance"})
    default = client.get("/api/v1/resources/")
    assert relevance.status_code == 200
    assert [item["id"] for item in relevance.json()["results"]] == [item["id"] for item in default.json()["results"]]


def test_site_search_covers_every_kind_with_snippets_and_the_engine(client, demo):
    data = search(client, "/api/v1/search/", q="kyberšikaně", page_size=50)
    kinds = {item["kind"] for item in data["results"]}
    assert {"resource", "toolkit"} <= kinds
    assert data["meta"] == {"engine": "database", "expansions": [], "did_you_mean": "", "corrected": False}
    toolkit = next(item for item in data["results"] if item["kind"] == "toolkit")
    assert toolkit["title"] == "Kyberšikana ve třídě" and toolkit["api_url"].endswith(f"/toolkits/{toolkit['id']}/")
    assert any("<mark>" in item["snippet"] for item in data["results"])
    facet = {f["slug"]: f["count"] for f in data["facets"]["kind"]}
    assert facet["resource"] == sum(item["kind"] == "resource" for item in data["results"])


def test_site_search_filters(client, demo):
    only_toolkits = search(client, "/api/v1/search/", q="kyberšikana", kind="toolkit")
    assert {item["kind"] for item in only_toolkits["results"]} == {"toolkit"}
    resources = search(client, "/api/v1/search/", q="kyberšikanu", topic="hate-speech")
    assert resources["count"] >= 1 and {item["kind"] for item in resources["results"]} == {"resource"}
    assert client.get("/api/v1/search/", {"q": "x", "kind": "video"}).json()["error"]["fields"].keys() == {"kind"}
    wrong = client.get("/api/v1/search/", {"q": "x", "kind": "news", "topic": "sexting"})
    assert wrong.status_code == 400 and "kind" in wrong.json()["error"]["fields"]
    unknown = client.get("/api/v1/search/", {"q": "x", "type": "nope"})
    assert unknown.status_code == 400 and "type" in unknown.json()["error"]["fields"]
    # ``resource_type`` is the former name of ``type`` on /search/, still accepted.
    alias = client.get("/api/v1/search/", {"q": "x", "resource_type": "nope"})
    assert alias.status_code == 400 and "resource_type" in alias.json()["error"]["fields"]


def test_the_resource_type_filter_is_type_on_search_as_on_resources(client, demo):
    videos = search(client, "/api/v1/search/", q="kyberšikana", type="video")
    former = search(client, "/api/v1/search/", q="kyberšikana", resource_type="video")
    listed = search(client, "/api/v1/resources/", q="kyberšikana", type="video")
    assert videos["results"] == former["results"]
    assert {item["id"] for item in videos["results"]} == {item["id"] for item in listed["results"]}
    assert videos["count"] == listed["count"]


def test_a_title_match_outranks_a_body_that_repeats_the_word(client, demo):
    # Short titles are no advantage of their own: the stock SQLite ranking lifted them.
    body_only = ResourcePage.objects.get(external_id="demo-003", locale__language_code="cs")
    assert body_only.title == "Nebuď divák" and "kyberšikan" in body_only.summary
    ranked = titles(search(client, q="kybersikanou"))
    assert body_only.title not in ranked[:3]
    assert all("kyberšikan" in title.lower() for title in ranked[:2])


def test_a_noun_finds_the_adjectives_derived_from_it(client, demo):
    # "podvody" (frauds): the pages speak of "podvodné SMS" and "podvodníky".
    assert "Banka vám nikdy nenapíše" in titles(search(client, q="podvody", audience="grandparents"))


def test_unpublished_pages_are_not_found(client, demo):
    page = ResourcePage.objects.get(external_id="demo-020", locale__language_code="cs")
    page.unpublish()
    assert "Jak poznat falešnou zprávu" not in titles(search(client, "/api/v1/search/", q="falešné zprávy"))
    assert "Jak poznat falešnou zprávu" not in titles(search(client, q="falešné zprávy"))


def test_a_published_edit_is_searchable_at_once(client, demo):
    page = ResourcePage.objects.get(external_id="demo-017", locale__language_code="cs")
    page.title = "Deník času online a spánková hygiena"
    page.save_revision().publish()
    assert titles(search(client, q="spánkové hygieně"))[0] == page.title


def test_suggest_completes_titles_and_labels_without_diacritics(client, demo):
    data = search(client, "/api/v1/search/suggest/", q="kyber")
    texts = [item["text"] for item in data["results"]]
    assert "Kyberšikana: co to je a jak se jí bránit" in texts
    library = "http://localhost/cs/materialy/"
    topic = {"text": "Kyberšikana", "kind": "topic", "slug": "cyberbullying", "url": f"{library}?topic=cyberbullying"}
    assert topic in data["results"]
    page = next(item for item in data["results"] if item["text"] == "Kyberšikana: co to je a jak se jí bránit")
    assert page["url"] == "http://localhost/cs/materialy/kybersikana-co-to-je-a-jak-se-ji-branit/"
    english = search(client, "/api/v1/search/suggest/", q="cyber", locale="en")
    assert {
        "text": "Cyberbullying",
        "kind": "topic",
        "slug": "cyberbullying",
        "url": "http://localhost/en/resources/?topic=cyberbullying",
    } in english["results"]
    assert all(item["url"].startswith("http://localhost/en/") for item in english["results"])


def count_queries(client, url):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/api/v1/search/?q=online", "/api/v1/resources/?q=online"])
def test_search_runs_a_constant_number_of_queries(client, demo, url):
    count_queries(client, url)  # the day's first search of a query creates its insights row
    assert count_queries(client, f"{url}&page_size=1") == count_queries(client, f"{url}&page_size=50")
