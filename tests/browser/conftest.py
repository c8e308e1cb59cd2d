"""A real Chromium (Debian's package) driven by Playwright against the demo site.

The site runs in its own gunicorn process on a private SQLite database, with DEBUG
off, so the browser sees what a visitor of a production install sees.
"""

import os
import shutil

import pytest

from ..reports.conftest import analyst, assessed, hosting, location_databases, make_report  # noqa: F401 (hotline fixtures)
from ..servers import drain_tasks, free_port, gunicorn, manage, production_environment

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


DEMO_PORT = "SIC_TEST_DEMO_PORT"


@pytest.fixture(scope="session")
def demo_environment(tmp_path_factory):
    """The environment of a production-like demo install (its database is ready), whose
    absolute links point at the port its server will listen on, as ``make demo`` does."""
    # The link crawl asks the API for every item it links to: more than a visitor would.
    env = production_environment(tmp_path_factory.mktemp("demo-site"), API_RATE_LIMIT_ANONYMOUS="100000/minute")
    env[DEMO_PORT] = str(free_port())
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(env, "load_demo", "--site-url", f"http://127.0.0.1:{env[DEMO_PORT]}")
    drain_tasks(env)
    return env


@pytest.fixture(scope="session")
def demo_server(demo_environment):
    with gunicorn(demo_environment, port=int(demo_environment[DEMO_PORT])) as url:
        yield url


# Package scope: Playwright's synchronous API keeps an event loop on the main thread while
# it is open, and Django refuses database work in a thread with a running loop; the tests
# after this package must not inherit it.
@pytest.fixture(scope="package")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}; .ci/run installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="cs-CZ")
    page = context.new_page()
    yield page
    context.close()
