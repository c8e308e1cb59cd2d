"""An analyst takes an address assessed illegal through trace, forward, notice and checks
to "removed" in a real browser, with the admin in Czech."""

import pytest
from django.core import mail

from reports.models import ReportedUrl, Takedown

from ..reports.local_network import Site, http_server

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True, scope="module")
def orm_beside_playwright():
    """Playwright's sync API keeps an event loop in this thread, and Django then refuses ORM
    calls; this test's ORM calls all run in this thread between browser steps."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def submit(page, button):
    """Press a form's button and wait for the page the server answers with."""
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_an_analyst_follows_an_address_to_its_removal(transactional_db, live_server, page, hosting, analyst, assessed):
    site = Site({"/galerie/1.jpg": (200, {"Content-Type": "image/jpeg"}, b"...")})
    with http_server(site) as port:
        report = assessed(f"http://content.example:{port}/galerie/1.jpg")
        page.goto(f"{live_server.url}/admin/login/")
        page.locator("#id_username").fill("analyst")
        page.locator("#id_password").fill("pass")
        page.locator("button[type=submit]").click()
        page.wait_for_url(f"{live_server.url}/admin/")
        page.goto(f"{live_server.url}/admin/hotline/{report.pk}/")

        submit(page, "Vystopovat")
        assert page.locator(".hotline-country").inner_text() == "Česko"
        assert "oznamte to policii" in page.locator(".hotline-route").inner_text()

        submit(page, "Zaznamenat předání")
        assert "Předáno" in page.locator(".hotline-steps").inner_text()

        page.get_by_label("Kontakt pro zneužití (abuse)").fill("abuse@hosting.example")
        submit(page, "Nastavit kontakt pro zneužití")
        submit(page, "Poslat oznámení")
        assert mail.outbox[-1].to == ["abuse@hosting.example"]
        assert "Oznámení o nezákonném obsahu" in mail.outbox[-1].subject

        submit(page, "Zkontrolovat teď")
        assert "dostupné" in page.locator(".hotline-checks").inner_text()
        site.routes.clear()  # the host takes the picture down
        submit(page, "Zkontrolovat teď")
        assert "odstraněno" in page.locator(".hotline-steps").inner_text()
    assert ReportedUrl.objects.get(report_links__report=report).takedown == Takedown.REMOVED
