"""A partner school's page, served from a second local origin, embeds the centre's
resources with the widget and with the iframe; the visitor sees the titles in Czech."""

import json
import urllib.request

import pytest

from ..reports.local_network import Site, http_server
from ..servers import manage

pytestmark = pytest.mark.browser

QUERY = "topic=cyberbullying&locale=cs"


def html_site(html=""):
    return Site({"/": (200, {"Content-Type": "text/html; charset=utf-8"}, html.encode())})


@pytest.fixture(scope="module")
def partner_page(demo_environment, demo_server):
    site = html_site()
    with http_server(site) as port:
        manage(
            demo_environment,
            "partner",
            "add",
            "ZŠ Příkladná",
            "--kind",
            "school",
            "--origin",
            f"http://127.0.0.1:{port}",
        )
        html = f"""<!DOCTYPE html>
<html lang="cs"><head><meta charset="utf-8"><title>ZŠ Příkladná</title></head>
<body>
  <h1>Bezpečně na internetu</h1>
  <div data-sic-resources data-topic="cyberbullying" data-locale="cs" data-limit="3"></div>
  <script src="{demo_server}/static/embed/widget.js" async></script>
  <iframe src="{demo_server}/embed/resources/?{QUERY}&limit=3" title="Materiály" width="640" height="420"></iframe>
</body></html>"""
        site.routes = html_site(html).routes
        yield f"http://127.0.0.1:{port}/"


def expected_titles(base):
    with urllib.request.urlopen(f"{base}/api/v1/resources/?{QUERY}&page_size=3") as response:  # noqa: S310 (127.0.0.1)
        return [item["title"] for item in json.load(response)["results"]]


def test_the_widget_and_the_iframe_show_the_resources_in_czech(page, demo_server, partner_page):
    titles = expected_titles(demo_server)
    assert titles and any(set(title) & set("áčďéěíňóřšťúůýž") for title in titles)  # Czech titles
    page.goto(partner_page)

    widget_links = page.locator("[data-sic-resources] li h3 a")  # inside the widget's shadow root
    widget_links.first.wait_for()
    assert widget_links.all_inner_texts() == titles
    assert page.locator("[data-sic-resources] ul").get_attribute("lang") == "cs"

    frame_links = page.frame_locator("iframe").locator(".sic-card h2 a")
    frame_links.first.wait_for()
    assert frame_links.all_inner_texts() == titles


def test_the_widget_is_refused_on_a_site_that_is_not_a_partner(page, demo_server):
    html = f"""<!DOCTYPE html><html lang="cs"><body>
  <div data-sic-resources data-locale="cs"></div><script src="{demo_server}/static/embed/widget.js"></script>
</body></html>"""
    with http_server(html_site(html)) as port:
        page.goto(f"http://127.0.0.1:{port}/")
        status = page.locator("[data-sic-resources] p[role=status]")
        status.filter(has_text="nepodařilo").wait_for()
        assert status.inner_text() == "Materiály se nepodařilo načíst."
        assert page.locator("[data-sic-resources] li").count() == 0  # nothing of the library shown
