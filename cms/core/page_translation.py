"""Create a page's translation with its translated fields already set.

Like ``Page.copy_for_translation``, but the slug and the translated fields go into the
copy itself: changing them afterwards would look like a slug change and leave behind
redirects from an address that was never published.
"""

from wagtail.coreutils import find_available_slug


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
