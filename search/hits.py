"""What an engine answers: page ids, best first, with what it computed beside them."""

from dataclasses import dataclass, field


@dataclass
class Hits:
    ids: list = field(default_factory=list)  # page ids, best first
    engine: str = "database"
    highlights: dict = field(default_factory=dict)  # page id → snippet, when the engine made them
    facets: dict = field(default_factory=dict)  # {"kind": {kind: count}}, when the engine counted them
