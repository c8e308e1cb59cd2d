"""The batched PostgreSQL index (``search.postgres_index``) writes exactly the rows that
modelsearch's own index writes, for every page kind of the demo in both languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch import index
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresIndex
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from resources.models import ResourcePage
from search.postgres_index import BatchedPostgresIndex

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index")

COLUMNS = ("content_type_id", "object_id", "title", "autocomplete", "body", "title_norm", "title_text", "body_text")


def indexed_pages():
    """Every indexed page of the site, as its specific object, by class."""
    by_class = {}
    for page in Page.objects.specific():
        by_class.setdefault(type(page), []).append(page)
    return {model: pages for model, pages in by_class.items() if issubclass(model, index.Indexed)}


def rows_written_by(index_class, pages_by_class, backend=None):
    IndexEntry.objects.all().delete()
    search_index = index_class(backend or get_search_backend())
    for model, pages in pages_by_class.items():
        search_index.add_items(model, pages)
    return {row[:2]: row for row in IndexEntry.objects.values_list(*COLUMNS)}


def test_the_backend_on_postgresql_writes_a_batch_in_one_statement(demo):
    search_index = get_search_backend().get_index_for_model(ResourcePage)
    assert isinstance(search_index, BatchedPostgresIndex)
    pages = list(ResourcePage.objects.all()[:40])

    def statements(batch):
        with CaptureQueriesContext(connection) as captured:
            search_index.add_items(ResourcePage, batch)
        return [query["sql"] for query in captured]

    few, many = statements(pages[:2]), statements(pages)
    assert len(few) == len(many)  # whatever the batch's size
    assert sum("INSERT INTO" in sql for sql in many) == 1


@pytest.mark.parametrize("config", ["simple", None])
def test_every_page_kind_gets_the_rows_modelsearch_writes(demo, config):
    backend = get_search_backend()
    backend.config = config
    try:
        pages = indexed_pages()
        assert len(pages) >= 10 and sum(map(len, pages.values())) > 100
        theirs = rows_written_by(PostgresIndex, pages, backend)
        ours = rows_written_by(BatchedPostgresIndex, pages, backend)
    finally:
        backend.config = "simple"
    assert ours == theirs
    assert any(row[4] == "" for row in ours.values())  # a page with an empty body was compared too


def test_empty_fields_add_nothing_to_a_vector(demo):
    page = ResourcePage.objects.filter(locale__language_code="cs").first()
    page.summary, page.body = "", ""
    pages = {ResourcePage: [page]}
    assert rows_written_by(BatchedPostgresIndex, pages) == rows_written_by(PostgresIndex, pages)


def test_a_model_with_related_fields_is_written_as_modelsearch_writes_it(demo, monkeypatch):
    related = index.RelatedFields("resource_type", [index.SearchField("name_cs")])
    monkeypatch.setattr(ResourcePage, "search_fields", [*ResourcePage.search_fields, related])
    pages = {ResourcePage: list(ResourcePage.objects.all()[:20])}
    ours = rows_written_by(BatchedPostgresIndex, pages)
    assert ours == rows_written_by(PostgresIndex, pages)
    assert any("průvodce" in row[4] or "pracovní" in row[4] for row in ours.values())


def test_a_page_twice_in_a_batch_is_written_once_and_a_new_title_replaces_the_old(demo):
    page = ResourcePage.objects.filter(locale__language_code="cs").first()
    search_index = BatchedPostgresIndex(get_search_backend())
    search_index.add_items(ResourcePage, [page, page])
    page.title = "Zcela nový název"
    search_index.add_items(ResourcePage, [page])
    (entry,) = IndexEntry.objects.filter(object_id=str(page.pk), content_type__model="resourcepage")
    assert "'nový':" in entry.title and entry.title_text.startswith("Zcela nový název")
    assert entry.title_norm != 1.0  # refreshed against the average title, as modelsearch does


def test_no_pages_or_a_model_without_search_fields_write_nothing(demo, monkeypatch):
    IndexEntry.objects.all().delete()
    search_index = BatchedPostgresIndex(get_search_backend())
    search_index.add_items(ResourcePage, [])
    monkeypatch.setattr(ResourcePage, "search_fields", [])
    search_index.add_items(ResourcePage, list(ResourcePage.objects.all()[:3]))
    assert not IndexEntry.objects.exists()
