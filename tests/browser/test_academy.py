"""A teacher finds a workshop in the Academy's catalogue and asks for it in Czech: a wrong
IČO is pointed out beside its field and in the summary, with everything typed kept; the
corrected inquiry gets its reference. Against the production-like demo server."""

import re

import pytest

pytestmark = pytest.mark.browser


def submit(page, button):
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def test_a_teacher_asks_for_a_workshop_in_czech(demo_server, page):
    page.goto(f"{demo_server}/cs/akademie/")
    page.get_by_role("link", name="Workshop: kyberšikana mezi spolužáky").click()
    page.wait_for_url("**/cs/akademie/kybersikana-ve-tride/")
    form = page.locator("form.academy-form")
    form.get_by_label("Škola nebo organizace").fill("ZŠ Kuncova, Praha 5")
    form.get_by_label("IČO (nepovinné)").fill("12345678")
    form.get_by_label("Kraj").select_option(label="Hlavní město Praha")
    form.get_by_label("Kontaktní osoba").fill("Jana Nováková")
    form.get_by_label("E-mail").fill("jana.novakova@zs-kuncova.cz")
    form.get_by_label("Děti").check()
    form.get_by_label("Kolik bude účastníků?").fill("26")
    form.get_by_label("Kyberšikana", exact=True).check()
    form.get_by_label("Souhlasím, aby Akademie").check()
    submit(page, "Odeslat poptávku")

    summary = page.get_by_role("alert")
    assert "IČO (nepovinné) – Kontrolní číslice IČO nesouhlasí" in summary.inner_text()
    assert page.get_by_label("Škola nebo organizace").input_value() == "ZŠ Kuncova, Praha 5"  # kept
    assert page.get_by_label("IČO (nepovinné)").get_attribute("aria-invalid") == "true"
    page.get_by_label("IČO (nepovinné)").fill("00007064")
    page.get_by_label("Souhlasím, aby Akademie").check()
    submit(page, "Odeslat poptávku")

    assert page.get_by_role("heading", level=1).inner_text() == "Vaše poptávka dorazila do Akademie"
    assert "Poslali jsme vám potvrzovací e-mail" in page.get_by_role("status").inner_text()
    assert re.search(r"AK-\d{4}-\d{6}", page.locator("dl").inner_text())
    assert page.context.cookies() == []
