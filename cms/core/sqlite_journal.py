"""SQLite in write-ahead-log mode: readers go on while one process writes, and a commit
needs no flush to disk of its own (with ``synchronous=NORMAL``, set on every connection in
the settings; a power cut may lose the last commits, never corrupt the file).

The mode is stored in the database file, so it is set once, after ``migrate`` (every
install and upgrade runs it), not on every connection: switching takes a lock that would
make each new connection wait for the writer of the moment."""

from django.db import connections
from django.db.models.signals import post_migrate


def use_write_ahead_log(using="default", **kwargs):
    connection = connections[using]
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")


def connect():
    post_migrate.connect(use_write_ahead_log, dispatch_uid="sqlite-write-ahead-log")
