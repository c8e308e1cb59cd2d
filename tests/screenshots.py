"""``make screenshots``: pictures of the key pages at desktop and phone widths, in
docs/screenshots/, so reviewers can see the site without running it.

It sets up the demo as the browser tests do (production settings, a private SQLite file,
gunicorn) and drives Debian's Chromium with Playwright.
"""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.servers import drain_tasks, free_port, gunicorn, manage, production_environment

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PAGES = {
    "home-cs": "/cs/",
    "section-children-cs": "/cs/deti/",
    "toolkit-en": "/en/schools/cyberbullying-in-the-classroom/",
    "library-cs": "/cs/materialy/?topic=cyberbullying",
    "resource-cs": "/cs/materialy/kybersikana-co-to-je-a-jak-se-ji-branit/",
    "search-nothing-cs": "/cs/search/?q=kyberxyz",
    "event-en": "/en/events/safer-internet-day-2027/",
    "hotline-cs": "/cs/hotline/",
    "helpline-en": "/en/help/",
}
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def demo_environment(workdir):
    env = production_environment(workdir)
    port = free_port()
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(env, "load_demo", "--site-url", f"http://127.0.0.1:{port}")
    drain_tasks(env)
    return env, port


def main():
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        env, port = demo_environment(workdir)
        with gunicorn(env, port=port) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size, viewport in SIZES.items():
                page = browser.new_page(viewport=viewport, locale="cs-CZ")
                for name, path in PAGES.items():
                    page.goto(base + path)
                    target = OUTPUT / f"{name}-{size}.png"
                    page.screenshot(path=target, full_page=False)
                    sys.stdout.write(f"{target.relative_to(OUTPUT.parent.parent)}\n")
                page.close()
            browser.close()


if __name__ == "__main__":
    main()
