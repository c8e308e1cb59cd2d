"""The Elasticsearch engine: the same service, for large installs (``ELASTICSEARCH_URL``).

Queries combine the Python-analysed terms (as the database engine matches them) with
Elasticsearch's own Czech or English analysis of the text; results carry highlighted
snippets and a count per kind from an aggregation.
"""

from elasticsearch import ApiError, ConnectionError, ConnectionTimeout, TransportError
from elasticsearch.dsl import Q, Search

from ..analysis import fold, query_terms
from ..elastic_documents import PageDocument
from ..elastic_index import client
from ..hits import Hits
from ..kinds import kind_of

name = "elasticsearch"
# What makes the service fall back to the database: no server, a timeout, a missing index.
Unavailable = (ConnectionError, ConnectionTimeout, TransportError, ApiError)

HIGHLIGHT = {"fragment_size": 160, "number_of_fragments": 1, "pre_tags": ["<mark>"], "post_tags": ["</mark>"]}


def _kinds(models):
    return sorted({kind_of(model) for model in models} - {None})


def search_request(text, language, models, limit):
    """The Search (a query body) for ``text`` in ``language`` over ``models``' pages."""
    terms = " ".join(query_terms(text, language))
    fields = [f"title.{language}^3", f"summary.{language}^2", f"body.{language}"]
    query = Q(
        "bool",
        should=[
            Q("match", title_terms={"query": terms, "boost": 3}),
            Q("match", terms={"query": terms}),
            Q("multi_match", query=text, fields=fields),
        ],
        minimum_should_match=1,
    )
    request = (
        Search(index=PageDocument.alias())
        .filter("term", locale=language)
        .filter("terms", kind=_kinds(models))
        .query(query)
        .source(False)
        .highlight_options(encoder="html", **HIGHLIGHT)
        .highlight(f"summary.{language}", f"body.{language}")
        .extra(size=limit, track_total_hits=False)
    )
    request.aggs.bucket("kind", "terms", field="kind")
    return request


def suggest_request(text, language, models, limit):
    return (
        Search(index=PageDocument.alias())
        .filter("term", locale=language)
        .filter("terms", kind=_kinds(models))
        .query(
            "multi_match", query=fold(text), type="bool_prefix", fields=["suggest", "suggest._2gram", "suggest._3gram"]
        )
        .source(["title"])
        .extra(size=limit)
    )


def search(text, language, models, limit):
    response = search_request(text, language, models, limit).using(client()).execute()
    hits = Hits(engine=name)
    for hit in response.hits:
        pk = int(hit.meta.id)
        hits.ids.append(pk)
        fragments = [part for field in getattr(hit.meta, "highlight", {}) for part in hit.meta.highlight[field]]
        if fragments:
            hits.highlights[pk] = fragments[0]
    hits.facets = {"kind": {bucket.key: bucket.doc_count for bucket in response.aggregations.kind.buckets}}
    return hits


def suggest(text, language, models, limit):
    response = suggest_request(text, language, models, limit).using(client()).execute()
    return [(int(hit.meta.id), hit.title) for hit in response.hits]
