"""An editor puts several resources into a toolkit with one visit to the chooser, which
opens at the library (on the demo site, with production settings)."""

import re

import pytest

from ..servers import manage

pytestmark = pytest.mark.browser

EDITOR, PASSWORD = "chooser-editor", "correct horse battery staple"
CREATE_EDITOR = f"""
from django.contrib.auth.models import Group, User
user, _ = User.objects.get_or_create(username="{EDITOR}")
user.set_password("{PASSWORD}")
user.save()
user.groups.add(Group.objects.get(name="Editors"))
from home.models import ToolkitPage
toolkit = ToolkitPage.objects.get(locale__language_code="cs", slug="kybersikana-ve-tride")
open({{output!r}}, "w").write(str(toolkit.pk))
"""


@pytest.fixture(scope="module")
def toolkit_id(demo_environment, tmp_path_factory):
    """An editor on the demo site, and the id of the toolkit they edit."""
    output = tmp_path_factory.mktemp("chooser") / "toolkit.txt"
    manage(demo_environment, "shell", "-c", CREATE_EDITOR.replace("{output!r}", repr(str(output))))
    return int(output.read_text())


def chosen_titles(page):
    return [text.strip() for text in page.locator(".chooser__title").all_inner_texts() if text.strip()]


def test_an_editor_chooses_three_resources_at_once(page, demo_server, toolkit_id):
    page.goto(f"{demo_server}/admin/login/")
    page.locator("#id_username").fill(EDITOR)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{demo_server}/admin/")
    page.goto(f"{demo_server}/admin/pages/{toolkit_id}/edit/")
    add_buttons = page.locator("[data-streamfield-list-add]")
    add_buttons.last.wait_for()
    before = chosen_titles(page)

    add_buttons.last.click()  # a new, empty item at the end of the last resource list
    page.get_by_role("button", name=re.compile(r"^Zvolit stránku \(Materiál\)")).last.click()
    modal = page.locator(".modal-content")
    modal.wait_for()
    assert modal.get_by_text("Materiály").first.is_visible()  # it opened at the library
    assert not modal.get_by_text("Pro rodiče", exact=True).count()  # not at the root with the sections
    rows = modal.locator("tbody tr").filter(has=page.locator("input[type=checkbox]:not([disabled])"))
    row_texts = [rows.nth(index).inner_text() for index in range(3)]
    for index in range(3):
        rows.nth(index).locator("input[type=checkbox]").check()
    modal.get_by_role("button", name="Potvrdit výběr").click()
    modal.wait_for(state="detached")
    after = chosen_titles(page)
    assert after[: len(before)] == before and len(after) == len(before) + 3
    picked = after[len(before) :]
    assert all(title in text for title, text in zip(picked, row_texts, strict=True))  # in the order chosen

    with page.expect_navigation():
        page.get_by_role("button", name="Uložit návrh").click()
    assert "Stránka" in page.locator(".messages").inner_text()  # saved, not refused
    assert chosen_titles(page) == [*before, *picked]  # as saved in the draft
