"""Fast test databases.

Loading the demo takes 30 s on SQLite and 45 s on PostgreSQL (pictures, PDFs, ~900 pages
published), and 24 test modules use it. The suite loads it once per run, keeps every row
in memory (``RowSnapshot``) and writes the rows back inside each module's transaction:
about a second, with the same rows (and ids) ``load_demo`` wrote.

``make mutation`` runs pytest once per mutant, where even one load is too slow: with
``SIC_TEST_DB_TEMPLATE`` each run copies a migrated SQLite file, and with
``SIC_TEST_DEMO_TEMPLATE`` the demo's rows are copied in from a file the demo was loaded
into once.
"""

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from django.db import connection

SCHEMA_TEMPLATE = "SIC_TEST_DB_TEMPLATE"
DEMO_TEMPLATE = "SIC_TEST_DEMO_TEMPLATE"


def schema_template():
    return os.environ.get(SCHEMA_TEMPLATE) or None


def demo_template():
    return os.environ.get(DEMO_TEMPLATE) or None


def copy_of(template):
    """A private copy of ``template`` (transactional tests empty the file they run on)."""
    if not Path(template).is_file():
        raise FileNotFoundError(f"{template}: expected a migrated SQLite file (make mutation builds it)")
    handle, copy = tempfile.mkstemp(prefix="sic-test-", suffix=".sqlite3")
    os.close(handle)
    shutil.copyfile(template, copy)
    return copy


def copy_rows_from(template):
    """Make the test database's rows those of ``template`` (same schema), in the current
    transaction: foreign keys are checked at its end."""
    if not Path(template).is_file():
        raise FileNotFoundError(f"{template}: expected a SQLite file with the demo loaded (make mutation builds it)")
    source = sqlite3.connect(template)
    try:
        rows = _sqlite_rows(source.execute)
    finally:
        source.close()
    RowSnapshot(rows).restore()


class RowSnapshot:
    """Every row of every table, read inside a transaction and written back in another.

    Foreign keys are deferred to the end of the transaction (Django creates them so on both
    engines), so the tables are emptied and filled in any order. PostgreSQL's sequences are
    not rolled back, so they stay past the ids the snapshot holds; SQLite moves its
    AUTOINCREMENT counters past the ids it is given.
    """

    def __init__(self, tables):
        self.tables = tables

    @classmethod
    def take(cls):
        if connection.vendor == "postgresql":
            return cls(_copy_out_postgresql())
        with connection.cursor() as cursor:
            return cls(_sqlite_rows(cursor.execute))

    def restore(self):
        write = _copy_in_postgresql if connection.vendor == "postgresql" else _insert_sqlite
        with connection.cursor() as cursor:
            for table, rows in self.tables.items():
                cursor.execute(f'DELETE FROM "{table}"')  # noqa: S608 - table names from the schema
                if rows:
                    write(cursor, table, rows)


def _insert_sqlite(cursor, table, rows):
    marks = ", ".join(["%s"] * len(rows[0]))
    cursor.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)  # noqa: S608 - table names from the schema


def _sqlite_rows(execute):
    """Every table's rows but SQLite's own tables and the full-text ones, which triggers
    keep in step with the tables they index."""
    tables = execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in tables if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    names = [
        name
        for name, _sql in tables
        if not name.startswith("sqlite_") and not any(name == v or name.startswith(f"{v}_") for v in virtual)
    ]
    return {name: execute(f'SELECT * FROM "{name}"').fetchall() for name in names}  # noqa: S608 - names from the schema


def _copy_out_postgresql():
    """COPY keeps every type exact (JSON, arrays, tsvector) where a Python round trip would not."""
    tables = {}
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor
        for table in connection.introspection.table_names(cursor):
            with cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
                tables[table] = b"".join(bytes(block) for block in copy)
    return tables


def _copy_in_postgresql(cursor, table, data):
    with cursor.cursor.copy(f'COPY "{table}" FROM STDIN') as copy:
        copy.write(data)
