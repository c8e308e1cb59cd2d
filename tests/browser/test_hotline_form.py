"""A frightened visitor reports in Czech from a real browser and sees the reference."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_visitor_reports_illegal_content_in_czech_and_sees_the_reference(page, demo_server):
    page.goto(f"{demo_server}/cs/")
    page.get_by_role("link", name="Nahlaste ho horké lince").click()
    page.wait_for_url("**/cs/hotline/")
    assert page.get_by_role("heading", level=1).inner_text() == "Nahlásit nezákonný obsah"

    page.get_by_label("Adresy (každou na samostatný řádek)").fill("https://priklad.example/galerie/123")
    page.get_by_label("Materiál zachycující sexuální zneužívání dětí").check()
    page.get_by_label("Kde to bylo?").select_option("webpage")
    page.get_by_role("button", name="Odeslat hlášení").click()

    status = page.get_by_role("status")
    assert re.fullmatch(r"Číslo vašeho hlášení je HL-\d{4}-\d{6}", status.inner_text().strip())
    assert len(page.locator(".status-token").inner_text()) >= 32


def test_a_mistake_is_explained_and_what_was_typed_stays(page, demo_server):
    page.goto(f"{demo_server}/cs/hotline/")
    page.get_by_label("Adresy (každou na samostatný řádek)").fill("ftp://priklad.example/soubor")
    page.get_by_label("Rasismus a xenofobie").check()
    page.get_by_label("Kde to bylo?").select_option("social-network")
    page.get_by_role("button", name="Odeslat hlášení").click()
    alert = page.get_by_role("alert")
    assert "Nahlásit lze jen adresy začínající http:// nebo https://." in alert.inner_text()
    assert page.get_by_label("Adresy (každou na samostatný řádek)").input_value() == "ftp://priklad.example/soubor"
