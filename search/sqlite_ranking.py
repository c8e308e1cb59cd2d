"""FTS5 ranking with a weight per column, for ``search.database_backend`` on SQLite only.

Imported only when the database is SQLite: the FTS5 table's model exists only there.
"""

from modelsearch.backends.database.sqlite.query import BM25
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Not, Phrase, PlainText

from .fields import TITLE_BOOST

# The FTS5 table's columns, in the order its migration creates them. The autocomplete
# column serves prefix suggestions only, so it does not count towards a search's rank.
COLUMN_WEIGHTS = {"autocomplete": 0.0, "body": 1.0, "title": float(TITLE_BOOST)}


class WeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS.values())
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class WeightedSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def get_search_vectors(self):
        # The stock compiler adds the rank again multiplied by a title-length factor that
        # does not look at where the words matched, which lifts every short title; the
        # column weights already rank title matches first.
        return [(None, 1.0)]

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = WeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)


class WeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = WeightedSQLiteQueryCompiler
