"""What an engine answers: page ids, best first, with what it computed beside them."""

from dataclasses import dataclass, field


@dataclass
class Hits:
    ids: list = field(default_factory=list)  # page ids, best first
    engine: str = "database"
    highlights: dict = field(default_factory=dict)  # page id → snippet, when the engine made them
    facets: dict = field(default_factory=dict)  # {"kind": {kind: count}}, when the engine counted them
    widened: bool = False  # pages were found only through a compound or a synonym
    expansions: list = field(default_factory=list)  # what the query was widened with (the API's meta)
    did_you_mean: str = ""  # the query as the index's words spell it, when nothing matched as typed
    corrected: bool = False  # the pages are those of ``did_you_mean``
