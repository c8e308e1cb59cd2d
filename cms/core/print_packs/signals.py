"""A publish or unpublish makes the page's pack stale: it is removed, and made again when
someone next asks for it (most pages' packs are never asked for)."""

from wagtail.signals import page_published, page_unpublished

from . import storage


def remove_packs(sender, instance, **kwargs):
    storage.remove_stale(instance.pk)


def connect():
    page_published.connect(remove_packs, dispatch_uid="print_packs.published")
    page_unpublished.connect(remove_packs, dispatch_uid="print_packs.unpublished")
