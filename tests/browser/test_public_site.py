"""What a visitor does in a real browser: switch language, filter the library."""

import pytest

pytestmark = pytest.mark.browser


def test_visitor_switches_from_czech_to_english_and_back(page, demo_server):
    page.goto(f"{demo_server}/")
    assert page.url.endswith("/cs/")
    assert page.get_attribute("html", "lang") == "cs"
    assert page.locator("h1").inner_text() == "Bezpečnější internet"

    page.get_by_role("navigation", name="Jazyk").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == "Safer Internet"

    page.get_by_role("link", name="For parents").first.click()
    page.wait_for_url("**/en/parents/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="česky").click()
    page.wait_for_url("**/cs/rodice/")
    assert page.locator("h1").inner_text() == "Pro rodiče"


def test_teacher_filters_the_resource_library(page, demo_server):
    page.goto(f"{demo_server}/cs/materialy/")
    page.get_by_label("Téma").select_option("sextortion")
    page.get_by_label("Typ").select_option("poster")
    page.get_by_role("button", name="Filtrovat").click()
    page.wait_for_url("**topic=sextortion**")
    titles = page.locator(".card h3").all_inner_texts()
    assert titles == ["Vydírají tě? Neplať a ozvi se"]
    assert page.get_by_label("Téma").input_value() == "sextortion"


def test_visitor_searches_without_diacritics_from_any_page(page, demo_server):
    page.goto(f"{demo_server}/cs/rodice/")
    header_search = page.get_by_role("banner").get_by_role("search")
    header_search.get_by_label("Hledat na webu").fill("kybersikanou")
    header_search.get_by_label("Hledat na webu").press("Enter")
    page.wait_for_url("**/cs/search/?q=kybersikanou")
    results = page.locator(".search-results h2").all_inner_texts()
    assert "Kyberšikana: co to je a jak se jí bránit" in results[:3]
    assert page.locator(".search-results mark").count() > 0
    assert page.get_by_role("status").inner_text().endswith("pro „kybersikanou“")
