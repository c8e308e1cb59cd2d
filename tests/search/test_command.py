"""The database engine's plumbing: ``search_index rebuild`` and SQL ordering by rank."""

import io

from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.kinds import searchable_kinds
from search.service import search


def test_rebuild_reindexes_every_page_and_refreshes_postgresql_statistics(demo):
    index_entries = apps.get_model("wagtailsearch", "IndexEntry")
    index_entries.objects.all().delete()
    models = [model for model, _label in searchable_kinds().values()]
    assert search("kybersikanou", ["cs"], models).ids == []

    with CaptureQueriesContext(connection) as queries:
        call_command("search_index", "rebuild", "--no-progress", stdout=io.StringIO())

    assert search("kybersikanou", ["cs"], models).ids
    analysed = [query["sql"] for query in queries if query["sql"].startswith("ANALYZE")]
    if connection.vendor == "postgresql":
        assert analysed == [f'ANALYZE "{index_entries._meta.db_table}"']
    else:
        assert analysed == []


def test_hits_keep_their_order_in_sql_whatever_the_ids(demo):
    from resources.models import ResourcePage
    from search.hit_order import in_hit_order

    ids = list(ResourcePage.objects.values_list("pk", flat=True))
    ids = sorted(ids, key=lambda pk: (str(pk)[::-1], pk))  # 5 before 15 before 25…: no substring mix-ups
    ordered = in_hit_order(ResourcePage.objects.filter(pk__in=ids), ids)
    assert list(ordered.values_list("pk", flat=True)) == ids
    assert not in_hit_order(ResourcePage.objects.all(), []).exists()


def test_pages_with_some_words_only_fill_in_when_pages_with_every_word_are_few(demo, monkeypatch):
    from resources.models import ResourcePage
    from search.engines import database
    from search.query_plan import plan

    def search():
        return database.search(plan("falešné zprávy", "cs"), [ResourcePage], 1000).ids

    broadened = search()
    monkeypatch.setattr(database, "WIDEN_BELOW", 0)  # never widen: pages with both words only
    every_word = search()
    assert every_word and len(every_word) < len(broadened) and broadened[: len(every_word)] == every_word
    monkeypatch.setattr(database, "WIDEN_BELOW", 50)
    monkeypatch.setattr(database, "BROADEN_BY", 1)  # at most one page with only some of the words
    assert search() == broadened[: len(every_word) + 1]
