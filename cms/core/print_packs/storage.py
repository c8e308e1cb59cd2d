"""Where packs are kept: ``print-packs/<page id>/<live revision id>-<language>.pdf``.

The revision in the name is the cache key: a publish changes it, so an old pack is never
served for a new text.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

FOLDER = "print-packs"


def pack_name(page):
    return f"{FOLDER}/{page.pk}/{page.live_revision_id}-{page.locale.language_code}.pdf"


def stored(page):
    """The storage name of the page's current pack, or None when it has not been made yet."""
    name = pack_name(page)
    return name if default_storage.exists(name) else None


def store(page, pdf):
    """Keep ``pdf`` as the page's current pack, replacing any earlier one."""
    name = pack_name(page)
    if default_storage.exists(name):
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(pdf))
    remove_stale(page.pk, keep=saved)
    return saved


def remove_stale(page_id, keep=None):
    """Delete the page's packs except ``keep`` (all of them when it is None)."""
    folder = f"{FOLDER}/{page_id}"
    if not default_storage.exists(folder):
        return
    _dirs, files = default_storage.listdir(folder)
    for file_name in files:
        name = f"{folder}/{file_name}"
        if name != keep:
            default_storage.delete(name)
