"""Czech editors see Wagtail in Czech: the strings Wagtail's own Czech catalogues lack are
in the project's (cms/core/locale_wagtail), for the server and for the admin's scripts."""

import glob
import os
import re
from pathlib import Path

import polib
import pytest
import wagtail
from django.urls import reverse

from .factories import UserFactory

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
OURS = Path(__file__).resolve().parent.parent / "cms" / "core" / "locale_wagtail" / "cs" / "LC_MESSAGES"
PACKAGES = Path(wagtail.__file__).resolve().parent.parent
# Catalogues of what editors see; the style guide and table blocks are not installed.
EDITOR_FACING = ("wagtail/admin/", "wagtail/locale/", "wagtail/users/", "wagtail/images/", "wagtail/documents/",
                 "wagtail/snippets/", "wagtail_localize/")  # fmt: skip
# Plural sentences whose English forms do not match (one child page vs translations): left to Wagtail.
LEFT_IN_ENGLISH = {
    "Deleting this page will also delete %(translation_count)s translation of this page.",
    "This page has one subpage and its translations have a combined one translated child page. Unpublish these too",
    "This page has one child page and its translations have a combined %(translation_descendant_count)s translated "
    "child pages. Unpublish these too",
}


def lacking_czech(domain):
    """``{msgid}`` of the editor-facing catalogues that Wagtail's Czech does not translate."""
    missing = set()
    for english in glob.glob(
        str(PACKAGES / "wagtail*" / "**" / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"), recursive=True
    ):
        if not any(part in english.replace(os.sep, "/") for part in EDITOR_FACING):
            continue
        czech = english.replace(f"{os.sep}en{os.sep}", f"{os.sep}cs{os.sep}")
        translated = {e.msgid for e in polib.pofile(czech) if e.translated()} if os.path.exists(czech) else set()
        missing |= {e.msgid for e in polib.pofile(english) if e.msgid not in translated and not e.obsolete}
    return missing


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_wagtail_string_lacking_czech_has_the_project_s_czech(domain):
    ours = {e.msgid for e in polib.pofile(str(OURS / f"{domain}.po")) if e.translated()}
    assert lacking_czech(domain) - ours - LEFT_IN_ENGLISH == set()


def test_the_project_s_czech_keeps_wagtail_s_placeholders():
    for domain in ("django", "djangojs"):
        for entry in polib.pofile(str(OURS / f"{domain}.po")):
            allowed = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                assert set(PLACEHOLDER.findall(text)) <= allowed, entry.msgid


def test_a_czech_editor_sees_wagtail_s_own_screens_in_czech(client, db):
    editor = UserFactory(username="editor", groups=["Editors"])
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Zobrazit klávesové zkratky" in html
    assert "Show keyboard shortcuts" not in html
    scripts = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert "Automaticky ukl\\u00e1d\\u00e1m\\u2026" in scripts or "Automaticky ukládám…" in scripts
    localize = client.get("/admin/localize/jsi18n/").content.decode()
    assert '"Publish in ": "Publikovat: "' in localize
