"""The Content-Security-Policy blocks nothing the site, the admin or an embed needs (Chromium)."""

import pytest
from django_otp.oath import totp

from ..servers import manage

pytestmark = pytest.mark.browser
KEY = "3132333435363738393031323334353637383930"  # the administrator's TOTP key (RFC 6238's test key)

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


@pytest.fixture
def watched(browser):
    context = browser.new_context(locale="cs-CZ")
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    yield page, console
    context.close()


def violations(page, console):
    reported = page.evaluate("window.__cspViolations")
    logged = [line for line in console if "Content Security Policy" in line]
    return reported + logged


@pytest.mark.parametrize(
    "path", ["/cs/", "/cs/materialy/", "/en/hotline/", "/cs/search/?q=sikana", "/admin/login/", "/api/v1/docs/"]
)
def test_public_pages_and_the_admin_login_load_without_violations(watched, demo_server, path):
    page, console = watched
    page.goto(f"{demo_server}{path}")
    page.wait_for_load_state("networkidle")
    assert violations(page, console) == [], violations(page, console)


def test_an_administrator_works_in_the_admin_without_violations(watched, demo_server, demo_environment):
    page, console = watched
    manage(
        demo_environment,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; from django_otp.plugins.otp_totp.models import TOTPDevice;"
        "u = User.objects.filter(username='csp-admin').first() or User.objects.create_superuser("
        "'csp-admin', 'csp@centre.example', 'csp-admin-password-2026');"
        "TOTPDevice.objects.filter(user=u).delete();"
        f"TOTPDevice.objects.create(user=u, name='app', confirmed=True, key='{KEY}')",
    )
    page.goto(f"{demo_server}/admin/login/")
    page.fill("#id_username", "csp-admin")
    page.fill("#id_password", "csp-admin-password-2026")
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.wait_for_url("**/admin/two-factor/verify/**")
    code = f"{totp(bytes.fromhex(KEY)):06d}"
    page.fill("#id_code", code)
    with page.expect_navigation():
        page.click("form button[type=submit]")
    page.wait_for_url(f"{demo_server}/admin/")
    for path in (
        "/admin/",
        "/admin/pages/",
        "/admin/hotline/",
        "/admin/hotline/statistics/",
        "/admin/two-factor/setup/",
    ):
        page.goto(f"{demo_server}{path}")
        page.wait_for_load_state("networkidle")
        assert page.url.startswith(f"{demo_server}{path}"), (path, page.url)
        assert violations(page, console) == [], (path, violations(page, console))
    assert violations(page, console) == [], violations(page, console)
