"""The Elasticsearch engine: the same service, for large installs (``ELASTICSEARCH_URL``).

Queries combine the Python-analysed terms (as the database engine matches them) with
Elasticsearch's own Czech or English analysis of the text; results carry highlighted
snippets and a count per kind from an aggregation. The tiers of ``search.query_plan`` are
clauses whose boosts keep their order: the title as a phrase, every unit in the title,
every unit anywhere, every unit with compounds and synonyms, then some of the words.
"""

from elasticsearch import ApiError, ConnectionError, ConnectionTimeout, TransportError
from elasticsearch.dsl import Q, Search

from ..analysis import fold
from ..elastic_documents import PageDocument
from ..elastic_index import client
from ..hits import Hits
from ..kinds import kind_of
from ..query_plan import AnyOf, flat_terms

name = "elasticsearch"
# What makes the service fall back to the database: no server, a timeout, a missing index.
Unavailable = (ConnectionError, ConnectionTimeout, TransportError, ApiError)

HIGHLIGHT = {"fragment_size": 160, "number_of_fragments": 1, "pre_tags": ["<mark>"], "post_tags": ["</mark>"]}


def _kinds(models):
    return sorted({kind_of(model) for model in models} - {None})


# Each tier's boost is above what every tier below it can add up to.
TIER_BOOSTS = {"title_phrase": 64, "title_units": 32, "units": 16, "widened": 4, "some": 1}


def as_query(expression, field):
    """A query plan's expression as a bool query on ``field`` (a whitespace-analysed field)."""
    if isinstance(expression, str):
        return Q("term", **{field: expression})
    parts = [as_query(part, field) for part in expression.parts]
    if isinstance(expression, AnyOf):
        return Q("bool", should=parts, minimum_should_match=1)
    return Q("bool", must=parts)


def _tiers(plan, text):
    language = plan.language
    literal = plan.literal()
    clauses = [
        Q("match_phrase", **{f"title.{language}": {"query": text, "boost": TIER_BOOSTS["title_phrase"]}}),
        Q("bool", must=[as_query(literal, "title_terms")], boost=TIER_BOOSTS["title_units"]),
        Q(
            "bool",
            should=[as_query(literal, "terms"), as_query(literal, "title_terms")],
            boost=TIER_BOOSTS["units"],
        ),
    ]
    widened = plan.widened()
    if widened is not None:
        clauses.append(
            Q(
                "bool",
                should=[as_query(widened, "terms"), as_query(widened, "title_terms")],
                boost=TIER_BOOSTS["widened"],
            )
        )
    some = " ".join(flat_terms(plan.any_unit()))
    fields = [f"title.{language}^3", f"summary.{language}^2", f"body.{language}"]
    clauses += [
        Q("match", terms={"query": some, "boost": TIER_BOOSTS["some"]}),
        Q("match", title_terms={"query": some, "boost": TIER_BOOSTS["some"]}),
        Q("multi_match", query=text, fields=fields, boost=TIER_BOOSTS["some"]),
    ]
    return Q("bool", should=clauses, minimum_should_match=1)


def search_request(plan, models, limit, text=None):
    """The Search (a query body) for the query ``plan`` over ``models``' pages."""
    language = plan.language
    text = text if text is not None else " ".join(unit.text for unit in plan.units)
    request = (
        Search(index=PageDocument.alias())
        .filter("term", locale=language)
        .filter("terms", kind=_kinds(models))
        .query(_tiers(plan, text))
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


def search(plan, models, limit):
    hits = Hits(engine=name)
    if not plan:
        return hits
    response = search_request(plan, models, limit).using(client()).execute()
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
