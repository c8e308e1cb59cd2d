"""Wagtail's database search backend, with title matches counting more on SQLite too.

On PostgreSQL the backend weights each field by its boost. On SQLite it ranks with FTS5's
``bm25()`` over all columns alike, so a page whose body repeats a word outranks the page
that has it in its title. On SQLite this backend gives ``bm25()`` a weight per column
(``search.sqlite_ranking``): the title counts ``TITLE_BOOST`` times the body.

On PostgreSQL it writes the same index rows a batch at a time in one statement
(``search.postgres_index``).
"""

from modelsearch.backends.database import SearchBackend as vendor_backend


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    backend = vendor_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        # The SQLite ranking subclasses Wagtail's SQLite backend: loaded only on SQLite.
        from .sqlite_ranking import WeightedSQLiteSearchBackend

        return WeightedSQLiteSearchBackend(params)
    if type(backend).__name__ == "PostgresSearchBackend":
        from .postgres_index import BatchedPostgresSearchBackend

        return BatchedPostgresSearchBackend(params)
    return backend
