"""One search service for the API and the site, whatever engine answers.

The database engine always works; when ``ELASTICSEARCH_URL`` is set Elasticsearch answers
instead, and if it cannot be reached the database engine answers and a warning is
logged. Every answer says which engine gave it.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from .analysis import fold
from .engines import database

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200


class QueryError(ValueError):
    """A query the service refuses (empty or too long); the message says why."""


@dataclass
class Hits:
    ids: list = field(default_factory=list)  # page ids, best first
    engine: str = database.name
    highlights: dict = field(default_factory=dict)  # page id → snippet, when the engine made them
    facets: dict = field(default_factory=dict)  # {"kind": {kind: count}}, when the engine counted them


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


def search(text, languages, models, limit=None):
    """Pages of ``models`` matching ``text``, best first, in the first of ``languages``,
    then (for a fallback) in the next ones. ``text`` must have passed ``clean_query``."""
    limit = limit or max_hits()
    hits = Hits()
    for language in languages:
        engine, found = _ask("search", text, language, models, limit - len(hits.ids))
        hits.engine = engine
        if isinstance(found, Hits):
            hits.ids += found.ids
            hits.highlights.update(found.highlights)
            for kind, count in found.facets.get("kind", {}).items():
                hits.facets.setdefault("kind", {})[kind] = hits.facets.get("kind", {}).get(kind, 0) + count
        else:
            hits.ids += found
        if len(hits.ids) >= limit:
            break
    return hits


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
