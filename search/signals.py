"""Publishing, unpublishing, moving or deleting a page updates its search document."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .tasks import update_search_document


def _enqueue(page_id):
    if not getattr(settings, "ELASTICSEARCH_URL", ""):
        return
    # After the commit: the task must see what was published.
    transaction.on_commit(lambda: update_search_document.enqueue(page_id))


def page_changed(sender, instance, **kwargs):
    _enqueue(instance.pk)


def page_moved(sender, instance, **kwargs):
    _enqueue(instance.pk)


def connect():
    page_published.connect(page_changed, dispatch_uid="search-published")
    page_unpublished.connect(page_changed, dispatch_uid="search-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search-moved")
    post_delete.connect(page_changed, sender=Page, dispatch_uid="search-deleted")
