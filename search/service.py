"""One search service for the API and the site, whatever engine answers.

The database engine always works; when ``ELASTICSEARCH_URL`` is set Elasticsearch answers
instead, and if it cannot be reached the database engine answers and a warning is
logged. Every answer says which engine gave it.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext as _

from cms.core import page_kinds
from cms.core.filtering import FilterError, unknown_value

from . import promotions, spelling, synonyms
from .analysis import fold, query_terms
from .engines import database
from .hits import Hits
from .kinds import hit_snippet, searchable_kinds, specific_pages, visible_kinds
from .query_plan import plan

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200


class QueryError(ValueError):
    """A query the service refuses (empty or too long); the message says why."""


def clean_query(text):
    text = " ".join((text or "").split())
    if not text:
        raise QueryError(_("Type something to search for."))
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(_("Search for at most %(limit)s characters.") % {"limit": MAX_QUERY_LENGTH})
    return text


def max_hits():
    return getattr(settings, "SEARCH_MAX_HITS", 1000)


def _engines():
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        # Imported only when configured: small installs never load the Elasticsearch client.
        from .engines import elasticsearch

        return [elasticsearch, database]
    return [database]


def preferred_engine():
    """The name of the engine that should answer (the first one tried)."""
    return _engines()[0].name


def _ask(method, *args):
    """Call ``method`` on the first engine that answers; (engine name, answer)."""
    engines = _engines()
    for engine in engines[:-1]:
        try:
            return engine.name, getattr(engine, method)(*args)
        except engine.Unavailable as error:
            logger.warning("Search engine %s unavailable, the database answers: %s", engine.name, error)
    return engines[-1].name, getattr(engines[-1], method)(*args)


def _search_as_typed(text, languages, models, limit):
    hits = Hits()
    for position, language in enumerate(languages):
        query_plan = plan(text, language, synonyms.sets_for(language))
        engine, found = _ask("search", query_plan, models, limit - len(hits.ids))
        hits.engine = engine
        hits.ids += [pk for pk in found.ids if pk not in hits.ids]
        hits.highlights.update(found.highlights)
        for kind, count in found.facets.get("kind", {}).items():
            hits.facets.setdefault("kind", {})[kind] = hits.facets.get("kind", {}).get(kind, 0) + count
        if position == 0:
            # What the query was widened with, in the language asked for: synonyms always,
            # compounds when they found something.
            hits.expansions = [
                expansion for expansion in query_plan.expansions() if expansion["kind"] == "synonym" or found.widened
            ]
        if len(hits.ids) >= limit:
            break
    return hits


def search(text, languages, models, limit=None):
    """Pages of ``models`` matching ``text``, best first, in the first of ``languages``,
    then (for a fallback) in the next ones. ``text`` must have passed ``clean_query``.

    When nothing matches, the query is spelt with the index's own words
    (``search.spelling``) and, if that finds pages, they are the answer, marked
    ``corrected`` with the spelling in ``did_you_mean``. Editors' picks for the query
    (``search.promotions``) come first."""
    limit = limit or max_hits()
    hits = _search_as_typed(text, languages, models, limit)
    picked = promotions.promoted_ids(text, languages[0], models)
    if picked:
        hits.ids = (picked + [pk for pk in hits.ids if pk not in picked])[:limit]
    if hits.ids:
        return hits
    spelt = spelling.correct(text, languages[0])
    if not spelt:
        return hits
    corrected = _search_as_typed(spelt, languages, models, limit)
    corrected.did_you_mean = spelt
    corrected.corrected = bool(corrected.ids)
    return corrected if corrected.ids else Hits(engine=hits.engine, did_you_mean=spelt)


def suggest(text, language, models, taxonomy, limit=8):
    """Completions of ``text``: page titles, then taxonomy labels, without diacritics.

    ``taxonomy`` is a list of (kind, slug, label) to complete from. Returns the engine's
    name and a list of dicts with ``text`` and ``kind`` (and ``id`` or ``slug``).
    """
    engine, titles = _ask("suggest", text, language, models, limit)
    prefix = fold(text)
    labels = [
        {"text": label, "kind": kind, "slug": slug}
        for kind, slug, label in taxonomy
        if any(word.startswith(prefix) for word in fold(label).split()) or fold(label).startswith(prefix)
    ]
    pages = [{"text": title, "kind": "page", "id": pk} for pk, title in titles]
    return engine, (pages + labels)[:limit]


@dataclass
class Found:
    """One search, ready to show: what the API's and the site's search pages both need."""

    ids: list  # the visible pages matching, best first (the caller paginates)
    kinds: dict  # page id → kind name
    kind_counts: dict  # kind name → matches, for every searchable kind (facet order)
    facets: dict  # a filtering kind's facets (resources: audience, topic, type)
    hits: Hits
    terms: list  # the query's analysed words, to mark in snippets
    searched: list  # the kinds searched

    @property
    def engine(self):
        return self.hits.engine

    def results(self, ids):
        """``[(page, kind, snippet)]`` for ``ids`` (a page of ``self.ids``): one query per kind."""
        pages = specific_pages(ids, self.searched)  # a query per kind searched, whatever the hits
        return [
            (pages[pk], self.kinds[pk], hit_snippet(pages[pk], self.kinds[pk], self.hits, self.terms)) for pk in ids
        ]


def _filtering_kind(kinds, params):
    """The kind whose filters ``params`` use, if any; its filters narrow the search to it."""
    for kind in kinds.values():
        if kind.filters and kind.filters.active(params):
            return kind
    return None


def check_kinds(wanted, params):
    """The kinds to search: all by default, ``wanted`` otherwise; FilterError naming ``kind``
    for an unknown one, or for a filter of a kind not searched."""
    kinds = page_kinds.searchable()
    unknown = [name for name in wanted if name not in kinds]
    if unknown:
        raise FilterError({"kind": [unknown_value(unknown[0], kinds)]})
    chosen = {name: kind for name, kind in kinds.items() if not wanted or name in wanted}
    filtering = _filtering_kind(kinds, params)
    if filtering is None:
        return chosen
    if filtering.name not in chosen:
        raise FilterError({"kind": [_("%(kind)s filters need kind=%(kind)s (or no kind).") % {"kind": filtering.name}]})
    return {filtering.name: filtering}  # audience, topic, type and age describe resources only


def find(text, languages, wanted=(), params=None):
    """Search ``text`` in the kinds ``wanted`` (all by default), narrowed by the filters in
    ``params`` (a QueryDict), in ``languages`` (the first, then fallbacks).

    ``text`` must have passed ``clean_query``. Raises FilterError for parameters that name
    unknown kinds or values.
    """
    params = params if params is not None else QueryDict()
    kinds = check_kinds(list(wanted), params)
    # Every filter is checked, even of kinds not searched, so a bad value is always a 400.
    loaded = {name: kind.filters.load() for name, kind in page_kinds.searchable().items() if kind.filters}
    narrowed = {
        name: kind.filters.apply(kind.model.objects.all(), params, loaded[name])
        for name, kind in page_kinds.searchable().items()
        if kind.filters
    }
    hits = search(text, languages, [kind.model for kind in kinds.values()])
    kind_of_hit = visible_kinds(hits.ids)
    filtering = _filtering_kind(kinds, params)
    if filtering:
        allowed = set(narrowed[filtering.name].filter(pk__in=hits.ids).values_list("pk", flat=True))
        kind_of_hit = {pk: kind for pk, kind in kind_of_hit.items() if pk in allowed}
    ids = [pk for pk in hits.ids if pk in kind_of_hit]
    counted = list(kind_of_hit.values())
    engine_counts = hits.facets.get("kind") if not filtering else None  # the engine's, if it counted
    kind_counts = {
        name: engine_counts.get(name, 0) if engine_counts else counted.count(name) for name in searchable_kinds()
    }
    facets = {}
    for name, kind in page_kinds.searchable().items():
        if kind.filters:
            matching = kind.model.objects.filter(pk__in=[pk for pk in ids if kind_of_hit[pk] == name])
            facets.update(kind.filters.facets(matching, loaded[name]))
    shown = hits.did_you_mean if hits.corrected else text
    return Found(ids, kind_of_hit, kind_counts, facets, hits, query_terms(shown, languages[0]), list(kinds))
