"""A child asks the helpline for help in Czech, a counsellor answers in the admin, the child
reads the answer and writes back on the status page; the quick exit leaves no way back.

Against the production-like demo server (gunicorn, DEBUG off, its own database), so the
browser sees what a visitor and a counsellor of a real install see.
"""

import re

import pytest
from django.conf import settings
from django_otp.oath import totp

from ..servers import manage

pytestmark = pytest.mark.browser

KEY = "3132333435363738393031323334353637383930"  # the counsellor's TOTP key (RFC 6238's test key)
# Case data needs the second step of signing in: the counsellor has an authenticator app.
NEW_COUNSELLOR = (
    "from django.contrib.auth.models import Group, User; "
    "from django_otp.plugins.otp_totp.models import TOTPDevice; "
    "user = User.objects.create_user('poradkyne', 'poradkyne@centre.example', 'heslo-pro-test-2026'); "
    "user.groups.add(Group.objects.get(name='Helpline counsellors')); "
    f"TOTPDevice.objects.create(user=user, name='app', confirmed=True, key='{KEY}')"
)


@pytest.fixture(scope="module")
def counsellor_login(demo_environment):
    manage(demo_environment, "shell", "-c", NEW_COUNSELLOR)
    return "poradkyne", "heslo-pro-test-2026"


def submit(page, button):
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def test_a_child_gets_an_answer_without_an_account(demo_server, browser, counsellor_login):
    child = browser.new_context(locale="cs-CZ").new_page()
    child.goto(f"{demo_server}/cs/")
    child.get_by_role("banner").get_by_role("link", name="Potřebuji pomoc").click()
    child.wait_for_url("**/cs/pomoc/")
    assert child.get_by_role("heading", level=1).inner_text() == "Požádejte linku pomoci o pomoc"
    child.get_by_label("Co se stalo? Jak ti můžeme pomoct?").fill("Spolužáci o mně ve skupině píšou ošklivé věci.")
    child.get_by_label("Kyberšikana").check()
    child.get_by_label("12–15 let").check()
    child.get_by_label("Souhlasím, aby linka pomoci").check()
    submit(child, "Poslat lince pomoci")
    assert child.get_by_role("heading", level=1).inner_text() == "Tvoje zpráva dorazila na linku pomoci"
    reference = re.search(r"PO-\d{4}-\d{6}", child.locator("dl").inner_text()).group(0)
    assert child.context.cookies() == []  # no cookie for an anonymous visitor

    username, password = counsellor_login
    admin = browser.new_context(locale="cs-CZ").new_page()
    admin.goto(f"{demo_server}/admin/login/")
    admin.locator("#id_username").fill(username)
    admin.locator("#id_password").fill(password)
    with admin.expect_navigation():
        admin.locator("button[type=submit]").click()
    admin.wait_for_url("**/admin/two-factor/verify/**")
    admin.fill("#id_code", f"{totp(bytes.fromhex(KEY)):06d}")
    with admin.expect_navigation():
        admin.click("form button[type=submit]")
    admin.wait_for_url(f"{demo_server}/admin/")
    admin.goto(f"{demo_server}/admin/helpline/")
    admin.get_by_role("link", name=reference).click()
    admin.wait_for_load_state()
    assert "Spolužáci o mně" in admin.locator(".helpline-conversation").inner_text()
    admin.get_by_label("Odpověď:", exact=True).fill("Ahoj, to, co se děje, není tvoje vina. Řekla jsi to někomu?")
    submit(admin, "Odeslat odpověď")
    assert "čeká na odpověď člověka" in admin.locator("header").inner_text()

    submit(child, "Otevřít rozhovor")
    assert "není tvoje vina" in child.locator(".conversation").inner_text()
    child.get_by_label("Odpovědět").fill("Zatím ne, bojím se.")
    submit(child, "Odeslat")
    assert "Zatím ne, bojím se." in child.locator(".conversation").inner_text()
    assert child.context.cookies() == []

    admin.reload()
    assert "Zatím ne, bojím se." in admin.locator(".helpline-conversation").inner_text()
    assert "řeší se" in admin.locator("header").inner_text()


def test_the_quick_exit_leaves_no_history_entry(demo_server, page):
    # The neutral site is answered by the browser itself: nothing leaves this machine.
    page.route(f"{settings.QUICK_EXIT_URL}**", lambda route: route.fulfill(status=200, body="neutral"))
    page.goto(f"{demo_server}/cs/search/")
    page.goto(f"{demo_server}/cs/pomoc/")
    before = page.evaluate("history.length")
    page.keyboard.press("Escape")
    page.wait_for_url(f"{settings.QUICK_EXIT_URL}**")
    assert page.evaluate("history.length") == before  # replaced, not added
    page.go_back()
    page.wait_for_load_state()
    assert page.url == f"{demo_server}/cs/search/"  # "back" does not return to the helpline

    page.goto(f"{demo_server}/cs/hotline/")
    button = page.get_by_role("link", name=re.compile("Rychle odejít"))
    assert button.is_visible() and button.bounding_box()["height"] >= 44
    button.click()
    page.wait_for_url(f"{settings.QUICK_EXIT_URL}**")
    page.go_back()
    page.wait_for_load_state()
    assert page.url == f"{demo_server}/cs/search/"
