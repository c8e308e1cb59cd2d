"""An editor puts several resources into a toolkit with one visit to the chooser, which
opens at the library."""

import re

import pytest
from wagtail.models import Page

from home.models import ToolkitPage

from ..factories import ResourcePageFactory, SectionPageFactory, ToolkitPageFactory, UserFactory, audience, topic

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True, scope="module")
def orm_beside_playwright():
    """Playwright's sync API keeps an event loop in this thread; the ORM calls here run
    between browser steps."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def test_an_editor_chooses_three_resources_at_once(transactional_db, live_server, page, home, library):
    UserFactory(username="editor", groups=["Editors"])
    resources = [
        ResourcePageFactory(parent=library, title=title, locale=library.locale)
        for title in ("Alfa", "Beta", "Gama", "Delta")
    ]
    section = SectionPageFactory(parent=home, locale=home.locale)
    toolkit = ToolkitPageFactory(
        audiences=[audience("teachers")],
        topics=[topic("cyberbullying")],
        parent=section,
        locale=home.locale,
        steps=[("resources", {"heading": "", "resources": [resources[3]]})],
    )
    toolkit.save_revision().publish()

    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/{toolkit.pk}/edit/")

    page.locator("[data-streamfield-list-add]").last.wait_for()
    # A new, empty item of the list, then its chooser.
    page.locator("[data-streamfield-list-add]").last.click()
    page.get_by_role("button", name=re.compile(r"^Zvolit stránku \(Materiál\)")).last.click()
    modal = page.locator(".modal-content")
    modal.wait_for()
    assert modal.get_by_text("Materiály").first.is_visible()  # it opened at the library
    for title in ("Alfa", "Beta", "Gama"):
        modal.locator("tr", has_text=title).locator("input[type=checkbox]").check()
    modal.get_by_role("button", name="Potvrdit výběr").click()
    modal.wait_for(state="detached")

    items = [text.strip() for text in page.locator(".chooser__title").all_inner_texts() if text.strip()]
    assert items == ["Delta", "Alfa", "Beta", "Gama"]  # in the order chosen, after the item pressed
    with page.expect_navigation():
        page.get_by_role("button", name="Uložit návrh").click()
    draft = ToolkitPage.objects.get(pk=toolkit.pk).get_latest_revision_as_object()
    chosen = [resource.title for resource in draft.steps[0].value["resources"]]
    assert chosen == ["Delta", "Alfa", "Beta", "Gama"]
    assert Page.objects.get(pk=toolkit.pk).specific.steps[0].value["resources"][0].title == "Delta"  # live unchanged
