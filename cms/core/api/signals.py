"""What invalidates cached API responses: any change to published content (apps connect
their other models, such as the taxonomy, with ``invalidate_on_change``)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .caching import bump_content_version


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()


def invalidate_on_change(model):
    """Cached answers go stale whenever a row of ``model`` is saved or deleted."""
    post_save.connect(bump_content_version, sender=model, dispatch_uid=f"api-cache-{model.__name__}-saved")
    post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"api-cache-{model.__name__}-deleted")


def connect():
    page_published.connect(bump_content_version, dispatch_uid="api-cache-published")
    page_unpublished.connect(bump_content_version, dispatch_uid="api-cache-unpublished")
    post_delete.connect(_page_deleted, dispatch_uid="api-cache-deleted")
