"""The Elasticsearch engine: mapping and query bodies (no server needed), the fallback to
the database, and, when ``ELASTICSEARCH_URL`` is set, the real thing."""

import logging
import os

import pytest
from django.test import override_settings

from resources.models import ResourcePage
from search import elastic_index
from search.elastic_documents import page_document
from search.engines import elasticsearch as engine
from search.query_plan import plan

CLOSED_PORT = "http://127.0.0.1:9"  # discard: nothing listens there


def test_mapping_has_czech_and_english_analysis_and_the_python_terms():
    mapping = elastic_index.new_index("x").to_dict()
    properties = mapping["mappings"]["properties"]
    assert properties["title"]["fields"]["cs"]["analyzer"] == "sic_czech"
    assert properties["summary"]["fields"]["en"]["analyzer"] == "sic_english"
    assert properties["terms"]["analyzer"] == "sic_terms"
    assert properties["suggest"]["type"] == "search_as_you_type"
    assert properties["topic"]["type"] == "keyword"
    analysis = mapping["settings"]["analysis"]
    assert analysis["analyzer"]["sic_czech"]["filter"] == ["lowercase", "czech_stop", "czech_stemmer", "asciifolding"]
    assert analysis["filter"]["czech_stemmer"] == {"type": "stemmer", "language": "czech"}


def test_search_body_ranks_the_query_plan_s_tiers_with_filters_highlight_and_aggregation():
    query_plan = plan("šikaně ve škole", "cs", [[("šikana", [{"sikana", "sikan"}]), ("bullying", [{"bullying"}])]])
    body = engine.search_request(query_plan, [ResourcePage], 50, text="šikaně ve škole").to_dict()
    should = body["query"]["bool"]["should"]
    phrase, title_units, units, widened = should[:4]
    assert phrase == {"match_phrase": {"title.cs": {"query": "šikaně ve škole", "boost": 64}}}
    assert title_units["bool"]["boost"] == 32 and units["bool"]["boost"] == 16 and widened["bool"]["boost"] == 4
    # Every unit must be there (the literal terms of each word on the title's terms).
    must = title_units["bool"]["must"][0]["bool"]["must"]
    assert {
        "bool": {
            "should": [{"term": {"title_terms": "sikan"}}, {"term": {"title_terms": "sikana"}}],
            "minimum_should_match": 1,
        }
    } in must
    assert "bullying" in str(widened)  # the synonym widens the tier below the literal one
    assert {
        "multi_match": {"query": "šikaně ve škole", "fields": ["title.cs^3", "summary.cs^2", "body.cs"], "boost": 1}
    } in should
    assert {"term": {"locale": "cs"}} in body["query"]["bool"]["filter"]
    assert {"terms": {"kind": ["resource"]}} in body["query"]["bool"]["filter"]
    assert body["size"] == 50 and body["_source"] is False
    assert set(body["highlight"]["fields"]) == {"summary.cs", "body.cs"}
    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["encoder"] == "html"
    assert body["aggs"] == {"kind": {"terms": {"field": "kind"}}}


def test_suggest_body_folds_the_prefix():
    body = engine.suggest_request("Kyberš", "cs", [ResourcePage], 8).to_dict()
    assert body["query"]["bool"]["must"][0]["multi_match"]["query"] == "kybers"
    assert body["query"]["bool"]["must"][0]["multi_match"]["type"] == "bool_prefix"


def test_a_resource_document(demo):
    page = ResourcePage.objects.get(external_id="demo-001", locale__language_code="cs")
    document = page_document(page)
    source = document.to_dict()
    assert document.meta.id == page.pk
    assert source["kind"] == "resource" and source["locale"] == "cs"
    assert "kybersikana" in source["title_terms"] and source["suggest"].startswith("kybersikana")
    assert source["topic"] == [topic.slug for topic in page.topics.all()]


@override_settings(ELASTICSEARCH_URL=CLOSED_PORT, ELASTICSEARCH_TIMEOUT=1)
def test_an_unreachable_cluster_falls_back_to_the_database_and_says_so(client, demo, caplog):
    elastic_index.client.cache_clear()
    with caplog.at_level(logging.WARNING, logger="search.service"):
        data = client.get("/api/v1/search/", {"q": "kyberšikana"}).json()
    elastic_index.client.cache_clear()
    assert data["meta"]["engine"] == "database" and data["count"] > 0
    assert "elasticsearch unavailable" in caplog.text.lower()


@override_settings(ELASTICSEARCH_URL=CLOSED_PORT, ELASTICSEARCH_TIMEOUT=1)
def test_publishing_with_an_unreachable_cluster_still_publishes(demo, django_capture_on_commit_callbacks, caplog):
    elastic_index.client.cache_clear()
    page = ResourcePage.objects.get(external_id="demo-002", locale__language_code="cs")
    with caplog.at_level(logging.WARNING, logger="search.tasks"), django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    elastic_index.client.cache_clear()
    assert f"Could not update page {page.pk}" in caplog.text


needs_server = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="ELASTICSEARCH_URL is not set: no Elasticsearch server to test against",
)


@needs_server
def test_rebuild_swaps_the_alias_and_search_answers(client, demo, settings):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX = "sic-test-pages"
    elastic_index.client.cache_clear()
    first = elastic_index.rebuild()
    second = elastic_index.rebuild()
    es = elastic_index.client()
    assert list(es.indices.get_alias(name="sic-test-pages")) == [second]
    assert not es.indices.exists(index=first)
    data = client.get("/api/v1/search/", {"q": "sikanou"}).json()
    assert data["meta"]["engine"] == "elasticsearch"
    assert any("Kyberšikana" in item["title"] for item in data["results"][:3])
    page = ResourcePage.objects.get(external_id="demo-020", locale__language_code="cs")
    page.unpublish()
    elastic_index.update_page(page.pk)
    es.indices.refresh(index="sic-test-pages")
    assert page.pk not in [
        item["id"] for item in client.get("/api/v1/search/", {"q": "falešné zprávy"}).json()["results"]
    ]
    es.indices.delete(index=second)
