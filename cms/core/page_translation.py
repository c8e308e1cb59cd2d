"""Translations of pages: creating one with its fields set, and keeping one unpublished
until its editor publishes it.

``create_translation`` creates a page's translation with its translated fields already set.

Like ``Page.copy_for_translation``, but the slug and the translated fields go into the
copy itself: changing them afterwards would look like a slug change and leave behind
redirects from an address that was never published.
"""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, PageLogEntry


def create_translation(source, locale, *, slug, **fields):
    """A draft copy of ``source`` in ``locale`` with the same ``translation_key``."""
    parent = source.get_parent().specific
    if parent.is_root():
        target_parent = parent
    else:
        target_parent = parent.get_translation_or_none(locale)
        if target_parent is None:
            target_parent = parent.copy_for_translation(locale, copy_parents=True, alias=True)
    return source.copy(
        to=target_parent,
        update_attrs={"locale": locale, "slug": find_available_slug(target_parent, slug), **fields},
        copy_revisions=False,
        keep_live=False,
        reset_translation_key=False,
        log_action="wagtail.copy_for_translation",
    ).specific


# A translation goes live only when its editor publishes it ----------------------------------
#
# In the synchronised tree an untranslated page is a live alias of its source (marked on the
# site as the other language's text, left out of lists, the API and search). Opening it for
# translation converts the alias into a page of its own, which wagtail-localize leaves live,
# with the source's text under this language's address. Such a page is made a draft when the
# conversion commits, unless it has been published as itself by then.


def _unpublish_unless_published(page_id):
    page = Page.objects.filter(pk=page_id, alias_of__isnull=True, live=True).select_related("live_revision").first()
    if page is None:
        return
    revision = page.live_revision
    if revision is None or revision.object_id != str(page.pk):  # an alias keeps its source's revision
        Page.objects.filter(pk=page_id).update(live=False, has_unpublished_changes=True)


def keep_converted_alias_unpublished(sender, instance, created, **kwargs):
    if created and instance.action == "wagtail.convert_alias":
        page_id = instance.page_id
        transaction.on_commit(lambda: _unpublish_unless_published(page_id))


def connect():
    post_save.connect(keep_converted_alias_unpublished, sender=PageLogEntry, dispatch_uid="convert_alias_unpublished")
