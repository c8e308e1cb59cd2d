"""Czech editors see Wagtail in Czech: the strings Wagtail's own Czech catalogues lack are
in the project's (cms/core/locale_wagtail), for the server and for the admin's scripts."""

import io
import re

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse

from cms.core.wagtail_catalogue import PROJECT_CATALOGUE, gaps, lacking_czech

from .factories import UserFactory

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_wagtail_string_lacking_czech_has_the_project_s_czech(domain):
    assert len(lacking_czech(domain)) > 30  # Wagtail's Czech really lacks them: the check checks something
    assert gaps(domain) == {}


def test_the_gaps_command_lists_nothing_to_translate():
    out, err = io.StringIO(), io.StringIO()
    call_command("wagtail_catalogue_gaps", stdout=out, stderr=err)
    assert "django.po: 0 without Czech" in out.getvalue()
    assert "djangojs.po: 0 without Czech" in out.getvalue()
    assert err.getvalue() == ""


def test_the_project_s_czech_keeps_wagtail_s_placeholders():
    for domain in ("django", "djangojs"):
        for entry in polib.pofile(str(PROJECT_CATALOGUE / f"{domain}.po")):
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
