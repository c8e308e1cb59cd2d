"""A young person sends a contribution to the youth panel from a phone-sized screen, in
Czech: the form fits the screen, names a missing field, and thanks them with a reference;
the contribution is not shown until a moderator approves it."""

import re

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}


def test_a_young_person_sends_a_contribution_on_a_phone(demo_server, browser):
    context = browser.new_context(locale="cs-CZ", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{demo_server}/cs/mladez/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mládežnický panel"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # nothing wider than the phone
    assert "Waiting for a moderator" not in page.content() and "Čeká na moderátora" not in page.content()
    form = page.locator("form.youth-form")
    form.get_by_label("Nápad").check()
    form.get_by_label("Tvůj příspěvek").fill("Chtěla bych, aby se o bezpečnosti na internetu mluvilo i v hodinách IT.")
    with page.expect_navigation():
        form.get_by_role("button", name="Poslat panelu").click()
    assert page.get_by_role("alert").inner_text().count("Tvůj věk") == 1  # the missing age band, named
    page.get_by_label("13–14").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Poslat panelu").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Díky za tvůj příspěvek"
    assert re.search(r"ML-\d{4}-\d{6}", page.locator("dl").inner_text())
    page.goto(f"{demo_server}/cs/mladez/")
    assert "hodinách IT" not in page.content()  # waits for a moderator
    assert context.cookies() == []
    context.close()
