"""The Elasticsearch index: an alias over a dated index, rebuilt atomically, kept current.

``rebuild`` creates a new index, bulk-loads every visible page into it and moves the
alias in one ``update_aliases`` call, so searches never see a half-built index; the
old index is then deleted. Publishing, unpublishing, moving and deleting a page update
its document through background tasks (``search.tasks``).
"""

import contextlib
from datetime import UTC, datetime
from functools import cache

from django.conf import settings
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.dsl import Index
from elasticsearch.helpers import streaming_bulk

from cms.core.api.pages import live_pages

from .elastic_documents import PageDocument, page_document
from .kinds import kind_of, searchable_kinds


@cache
def client():
    return Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=getattr(settings, "ELASTICSEARCH_TIMEOUT", 5),
        retry_on_timeout=False,
        max_retries=1,
    )


def new_index(name):
    index = Index(name)
    index.settings(**PageDocument.Index.settings)
    index.document(PageDocument)
    return index


def visible_pages():
    """Every live, public page of a searchable kind that is not a placeholder (specific)."""
    for model, _label in searchable_kinds().values():
        pages = live_pages(model).select_related("locale")
        if kind_of(model) == "resource":
            pages = pages.select_related("resource_type").prefetch_related("audiences", "topics")
        yield from pages.iterator(chunk_size=500)


def count_visible_pages():
    return sum(live_pages(model).count() for model, _label in searchable_kinds().values())


def rebuild(progress=lambda done: None):
    """Build a new index from the database and point the alias at it; returns its name."""
    es = client()
    alias = PageDocument.alias()
    name = f"{alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
    new_index(name).create(using=es)
    actions = (
        {"_index": name, "_id": page.pk, "_source": page_document(page).to_dict(skip_empty=False)}
        for page in visible_pages()
    )
    for _ok, _item in streaming_bulk(es, actions, chunk_size=500, raise_on_error=True):
        progress(1)
    es.indices.refresh(index=name)
    old = list(es.indices.get_alias(name=alias).keys()) if es.indices.exists_alias(name=alias) else []
    if es.indices.exists(index=alias) and not old:
        es.indices.delete(index=alias)  # a plain index squatting the alias's name
    es.indices.update_aliases(
        actions=[{"remove": {"index": index, "alias": alias}} for index in old]
        + [{"add": {"index": name, "alias": alias}}]
    )
    for index in old:
        es.indices.delete(index=index)
    return name


def update_page(page_id):
    """Index the page's current state, or remove it when it is no longer visible."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    model = page.specific_class if page else None
    if model is None or kind_of(model) is None or not live_pages(model).filter(pk=page_id).exists():
        delete_page(page_id)
        return
    page_document(live_pages(model).get(pk=page_id)).save(using=client(), index=PageDocument.alias())


def delete_page(page_id):
    with contextlib.suppress(NotFoundError):
        client().delete(index=PageDocument.alias(), id=str(page_id))
