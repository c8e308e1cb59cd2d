"""Fast test databases for ``make mutation``, which runs pytest once per mutant.

Migrating a fresh SQLite database takes ~25 s and loading the demo ~15 s; a mutant's tests
take a second or two. With ``SIC_TEST_DB_TEMPLATE`` each run copies a migrated file, and
with ``SIC_TEST_DEMO_TEMPLATE`` the demo's rows are copied in from a file the demo was
loaded into once, inside the module's transaction as ``load_demo`` would have written
them. The normal suite (and CI) migrates and loads the demo itself.
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


def _copied_tables(source):
    """Every table but SQLite's own and full-text ones, which triggers keep in step."""
    rows = source.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    return [
        name
        for name, _sql in rows
        if not name.startswith("sqlite_") and not any(name == v or name.startswith(f"{v}_") for v in virtual)
    ]


def copy_rows_from(template):
    """Make the test database's rows those of ``template`` (same schema), in the current
    transaction: foreign keys are checked at its end."""
    if not Path(template).is_file():
        raise FileNotFoundError(f"{template}: expected a SQLite file with the demo loaded (make mutation builds it)")
    source = sqlite3.connect(template)
    try:
        with connection.cursor() as cursor:
            for table in _copied_tables(source):
                cursor.execute(f'DELETE FROM "{table}"')  # noqa: S608 - table names from the schema
                rows = source.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608
                if rows:
                    marks = ", ".join(["%s"] * len(rows[0]))
                    cursor.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)  # noqa: S608
    finally:
        source.close()
