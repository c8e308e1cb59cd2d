"""Publishing, unpublishing, moving or deleting a page updates its search document."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.core.api.caching import bump_content_version

from .models import SynonymSet
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
    # A synonym changes what searches answer: the API's cached answers are stale.
    post_save.connect(bump_content_version, sender=SynonymSet, dispatch_uid="search-synonyms-saved")
    post_delete.connect(bump_content_version, sender=SynonymSet, dispatch_uid="search-synonyms-deleted")
    page_published.connect(page_changed, dispatch_uid="search-published")
    page_unpublished.connect(page_changed, dispatch_uid="search-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search-moved")
    post_delete.connect(page_changed, sender=Page, dispatch_uid="search-deleted")
