"""The Wagtail strings that Wagtail's own Czech catalogues do not translate, and the project's
Czech for them (cms/core/locale_wagtail, read after the apps' catalogues, so it wins).

Wagtail's Czech catalogues are older than its code: about 700 strings of the admin, users,
images, documents, snippets and wagtail-localize screens had no Czech. After upgrading
Wagtail, ``manage.py wagtail_catalogue_gaps`` lists the new ones (docs/translations.md).
"""

import glob
import os
from pathlib import Path

import polib
import wagtail

PROJECT_CATALOGUE = Path(__file__).resolve().parent / "locale_wagtail" / "cs" / "LC_MESSAGES"
PACKAGES = Path(wagtail.__file__).resolve().parent.parent
# Catalogues of what editors see (the style guide and the table blocks are not installed).
EDITOR_FACING = ("wagtail/admin/", "wagtail/locale/", "wagtail/users/", "wagtail/images/", "wagtail/documents/",
                 "wagtail/snippets/", "wagtail/contrib/search_promotions/", "wagtail/contrib/redirects/",
                 "wagtail/contrib/forms/", "wagtail/locales/", "wagtail_localize/")  # fmt: skip
# Plural sentences whose English forms disagree (one child page against several translations):
# left to Wagtail's English rather than translated wrongly.
LEFT_IN_ENGLISH = {
    "Deleting this page will also delete %(translation_count)s translation of this page.",
    "This page has one subpage and its translations have a combined one translated child page. Unpublish these too",
    "This page has one child page and its translations have a combined %(translation_descendant_count)s translated "
    "child pages. Unpublish these too",
}


def _catalogues(domain):
    pattern = str(PACKAGES / "wagtail*" / "**" / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po")
    for english in sorted(glob.glob(pattern, recursive=True)):
        if any(part in english.replace(os.sep, "/") for part in EDITOR_FACING):
            yield english, english.replace(f"{os.sep}en{os.sep}", f"{os.sep}cs{os.sep}")


def lacking_czech(domain):
    """``{msgid: entry}`` of the editor-facing strings Wagtail's own Czech does not translate."""
    missing = {}
    for english, czech in _catalogues(domain):
        translated = {e.msgid for e in polib.pofile(czech) if e.translated()} if os.path.exists(czech) else set()
        for entry in polib.pofile(english):
            if entry.msgid not in translated and not entry.obsolete and entry.msgid not in LEFT_IN_ENGLISH:
                missing.setdefault(entry.msgid, entry)
    return missing


def gaps(domain):
    """The strings lacking Czech in Wagtail's catalogues and in the project's own too."""
    ours = {entry.msgid for entry in polib.pofile(str(PROJECT_CATALOGUE / f"{domain}.po")) if entry.translated()}
    return {msgid: entry for msgid, entry in lacking_czech(domain).items() if msgid not in ours}
