"""Update the search and reference indexes once per page at the end of a bulk write.

A single publish saves a page three times (create, revision, publish) and each save
refreshes the search index and the reference index. For an import of thousands of
rows that is most of the time spent, so during the import the per-save updates are
paused and every touched page is indexed once, just before the transaction commits.
"""

from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.core.bulk_pages import add_to_search
from cms.core.planner import analyse_tables
from resources.models import ResourcePage


@contextmanager
def deferred_index_updates():
    touched = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            touched[(sender, instance.pk)] = None

    page_models = [model for model in index.get_indexed_models() if issubclass(model, Page)]
    for model in page_models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(remember, sender=model, weak=False, dispatch_uid=f"deferred-index-{model._meta.label}")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in page_models:
            post_save.disconnect(sender=model, dispatch_uid=f"deferred-index-{model._meta.label}")
            post_save.connect(post_save_signal_handler, sender=model)

    _index(touched)


def _index(touched):
    """Index every touched page once: search in bulk, each page's references."""
    by_model = {}
    for model, pk in touched:
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        by_class = {}
        for instance in model.get_indexed_objects().filter(pk__in=pks):
            if (indexed := instance.get_indexed_instance()) is not None:  # a page: its specific object
                by_class.setdefault(type(indexed), []).append(indexed)
        for indexed_model, objects in by_class.items():
            add_to_search(indexed_model, objects)
        for instance in model.objects.filter(pk__in=pks):
            ReferenceIndex.create_or_update_for_object(instance)


def refresh_planner_statistics():
    """ANALYZE what an import writes (see ``cms.core.planner``)."""
    search_index = apps.get_model("wagtailsearch", "IndexEntry")
    audiences, topics = ResourcePage.audiences.through, ResourcePage.topics.through
    analyse_tables(Page, ResourcePage, audiences, topics, ReferenceIndex, search_index)
