"""The database engine narrows PostgreSQL searches through the GIN indexes first
(``search.engines.narrowing``): the backend must find and rank exactly what it would have
found without it, and SQLite's searches are left alone."""

import pytest
from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from resources.models import ResourcePage
from search import synonyms
from search.engines import narrowing
from search.engines.database import as_query
from search.query_plan import plan

QUERIES = [
    "šikana",  # compounds: kyberšikana
    "kyber šikana",  # a prefix written apart
    "hoax",  # a synonym set of the demo
    "podvody na internetu",
    "bezpečná hesla",
    "sociální sítě děti",
    "nic takového neexistuje",
]


def expressions(text):
    query_plan = plan(text, "cs", synonyms.sets_for("cs"))
    found = [query_plan.literal(), query_plan.any_unit(), query_plan.widened()]
    return [expression for expression in found if expression is not None]


def czech_resources():
    return ResourcePage.objects.live().filter(locale=Locale.objects.get(language_code="cs"))


def found(expression, pages):
    return [page.pk for page in get_search_backend().search(as_query(expression), pages)]


@pytest.mark.parametrize("text", QUERIES)
def test_narrowing_finds_and_ranks_as_the_backend_alone(demo, text):
    backend, pages = get_search_backend(), czech_resources()
    for expression in expressions(text):
        assert found(expression, narrowing.narrowed(pages, expression, backend)) == found(expression, pages)


def test_words_split_between_title_and_body_still_match(demo):
    """``title || body`` matches a page with one word in each field: so must the narrowing."""
    page = czech_resources().get(external_id="demo-011")
    page.title = "Zebrovitý pásek"
    page.summary = "Tajemná pomeranči kořeněná hláška."
    page.save_revision().publish()
    expression = plan("zebrovitý pomeranči", "cs").literal()
    narrowed = narrowing.narrowed(czech_resources(), expression, get_search_backend())
    assert found(expression, narrowed) == [page.pk]


def test_a_query_too_common_to_narrow_leaves_the_pages_as_they_are(demo, monkeypatch):
    monkeypatch.setattr(narrowing, "NARROW_AT_MOST", 1)
    pages = czech_resources()
    expression = plan("internet", "cs").literal()
    assert narrowing.narrowed(pages, expression, get_search_backend()) is pages


@pytest.mark.skipif(connection.vendor != "postgresql", reason="narrowing is PostgreSQL's")
def test_a_query_exactly_at_the_bound_is_still_narrowed(demo, monkeypatch):
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.search.models import IndexEntry

    pages, backend = czech_resources(), get_search_backend()
    expression = plan("internet", "cs").literal()
    entries = IndexEntry.objects.filter(
        narrowing.condition(expression, backend.config),
        content_type_id__in=get_descendants_content_types_pks(ResourcePage),
    )
    count = entries.count()  # resources of both languages that can match
    assert count > 1
    monkeypatch.setattr(narrowing, "NARROW_AT_MOST", count)
    assert narrowing.narrowed(pages, expression, get_search_backend()) is not pages
    monkeypatch.setattr(narrowing, "NARROW_AT_MOST", count - 1)
    assert narrowing.narrowed(pages, expression, get_search_backend()) is pages


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite only")
def test_sqlite_searches_are_not_narrowed(demo):
    pages = czech_resources()
    assert narrowing.narrowed(pages, plan("šikana", "cs").literal(), get_search_backend()) is pages
