"""The finished site in Chromium: a teacher on a phone finds, previews and downloads a
worksheet; a parent finds help from any page; errors are announced and focused; the
language switcher keeps the filters; axe-core finds nothing on the key pages, in both
languages, on a desktop and a phone; and every link the demo and its API build answers."""

import json
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import axe_playwright_python
import pytest

from ..servers import drain_tasks

pytestmark = pytest.mark.browser

AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# The key pages of issue 17, in both languages.
KEY_PAGES = {
    "cs": [
        "/cs/",
        "/cs/deti/",
        "/cs/skoly/kybersikana-ve-tride/",
        "/cs/materialy/?topic=cyberbullying&age=10",
        "/cs/materialy/kybersikana-co-to-je-a-jak-se-ji-branit/",
        "/cs/search/?q=hesla",
        "/cs/search/?q=xyzxyz",
        "/cs/aktuality/den-bezpecnejsiho-internetu-2026/",
        "/cs/akce/den-bezpecnejsiho-internetu-2027/",
        "/cs/hotline/",
        "/cs/pomoc/",
    ],
    "en": [
        "/en/",
        "/en/children/",
        "/en/schools/cyberbullying-in-the-classroom/",
        "/en/resources/?topic=cyberbullying&age=10",
        "/en/resources/cyberbullying-what-it-is-and-how-to-stand-up-to-it/",
        "/en/search/?q=passwords",
        "/en/search/?q=xyzxyz",
        "/en/news/safer-internet-day-2026/",
        "/en/events/safer-internet-day-2027/",
        "/en/hotline/",
        "/en/help/",
    ],
}


def axe_violations(page):
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + "; ".join(
            node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
            for node in violation["nodes"][:3]
        )
        for violation in results["violations"]
    ]


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="cs-CZ", viewport=PHONE, is_mobile=True, has_touch=True, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("language", ["cs", "en"])
def test_axe_finds_nothing_on_the_key_pages(browser, demo_server, language, viewport):
    context = browser.new_context(locale=f"{language}", viewport=DESKTOP if viewport == "desktop" else PHONE)
    page = context.new_page()
    found = {}
    for path in KEY_PAGES[language]:
        response = page.goto(f"{demo_server}{path}")
        assert response.status == 200, path
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    context.close()
    assert found == {}


def test_a_teacher_on_a_phone_finds_previews_and_downloads_a_worksheet(phone, demo_server):
    phone.goto(f"{demo_server}/cs/")
    menu = phone.get_by_role("button", name="Menu")
    assert menu.is_visible()
    assert not phone.get_by_role("navigation", name="Hlavní nabídka").is_visible()
    header = phone.locator(".site-header").bounding_box()
    assert header["height"] <= 200  # the page starts near the top, not under the header
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    phone.get_by_role("navigation", name="Hlavní nabídka").get_by_role("link", name="Materiály").click()
    phone.wait_for_url("**/cs/materialy/")

    phone.get_by_label("Klíčová slova").fill("internet")
    phone.get_by_label("Typ").select_option("worksheet")
    phone.get_by_role("button", name="Filtrovat").click()
    phone.wait_for_url("**type=worksheet**")
    first = phone.locator(".card h3 a").first
    title = first.inner_text()
    first.click()
    assert phone.locator("h1").inner_text() == title
    assert phone.locator(".page-header img").evaluate("img => img.complete && img.naturalWidth > 0")

    download_link = phone.get_by_role("link", name=re.compile(r"^Stáhnout"))
    assert download_link.bounding_box()["height"] >= 44
    with phone.expect_download() as download:
        download_link.click()
    path = download.value.path()
    assert Path(path).read_bytes().startswith(b"%PDF-")
    assert download.value.suggested_filename.endswith("-cs.pdf")

    small = phone.evaluate(
        """() => [...document.querySelectorAll('main a.button, main button, header a, header button, .pagination a')]
               .filter(el => el.offsetParent && el.getBoundingClientRect().height < 44)
               .map(el => el.outerHTML.slice(0, 80))"""
    )
    assert small == []


def test_a_parent_finds_help_from_any_page(phone, demo_server):
    for path in ("/cs/rodice/", "/cs/materialy/", "/cs/akce/"):
        phone.goto(f"{demo_server}{path}")
        help_link = phone.get_by_role("banner").get_by_role("link", name="Potřebuji pomoc")
        assert help_link.is_visible()
        footer = phone.get_by_role("contentinfo")
        assert footer.get_by_role("link", name="116 111").get_attribute("href") == "tel:116111"
        assert footer.get_by_role("link", name="158").get_attribute("href") == "tel:158"
    help_link.click()
    phone.wait_for_url("**/cs/pomoc/")
    assert phone.locator("h1").is_visible()


def test_the_mobile_menu_closes_with_escape_and_gives_focus_back(phone, demo_server):
    phone.goto(f"{demo_server}/en/")
    menu = phone.get_by_role("button", name="Menu")
    menu.click()
    assert phone.get_by_role("navigation", name="Main menu").is_visible()
    phone.keyboard.press("Escape")
    assert not phone.get_by_role("navigation", name="Main menu").is_visible()
    assert phone.evaluate("document.activeElement.getAttribute('aria-controls')") == "site-nav"


def test_a_report_with_mistakes_is_explained_and_focus_moves_to_the_summary(page, demo_server):
    page.goto(f"{demo_server}/cs/hotline/")
    page.get_by_label("Adresy (každou na samostatný řádek)").fill("www.priklad.cz/stranka")
    page.locator("form.report-form button[type=submit]").click()
    summary = page.locator("#error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    items = summary.locator("li").all_inner_texts()
    assert items == [
        "Adresy (každou na samostatný řádek) – Řádek 1: Adresa musí začínat http:// nebo https://.",
        "Co jste viděli? – Vyberte, co jste viděli.",
        "Kde to bylo? – Vyberte, kde to bylo.",
    ]
    assert not any('""' in item or "0: " in item for item in items)
    summary.get_by_role("link", name=re.compile("^Adresy")).click()
    assert page.evaluate("document.activeElement.id") == "field-urls"


def test_the_switcher_goes_to_the_translated_library_with_the_filters(page, demo_server):
    page.goto(f"{demo_server}/cs/materialy/?topic=grooming&age=12")
    page.get_by_role("navigation", name="Jazyk").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/resources/?topic=grooming&age=12")
    assert page.get_by_label("Topic").input_value() == "grooming"
    assert page.get_by_label("Age of the child").input_value() == "12"
    page.goto(f"{demo_server}/cs/hotline/")
    page.get_by_role("navigation", name="Jazyk").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/hotline/")


def test_a_search_that_finds_nothing_helps(page, demo_server):
    page.goto(f"{demo_server}/cs/search/?q=kyberxyzq")
    assert page.get_by_role("searchbox", name="Hledat na webu").first.input_value() in {"", "kyberxyzq"}
    assert page.locator("#search-q").input_value() == "kyberxyzq"
    assert page.get_by_role("heading", name="Nic jsme nenašli pro „kyberxyzq“").is_visible()
    page.locator(".suggestions a").first.click()
    # A suggestion completes a word of a title: the page it opens has a word starting "kyber".
    assert any(word.startswith("kyber") for word in page.locator("h1").inner_text().lower().split())


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src"):
            if tag in {"a", "link", "img", "script", "iframe"} and attributes.get(name):
                self.links.append(attributes[name])


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept-Language": "cs"})  # noqa: S310 - the local demo server
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - the local demo server
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), b""


def absolute_links_in(data, base):
    """Every string in the API's JSON that is an address on the site."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.startswith(base):
            found.append(value)

    walk(data)
    return found


API_LISTS = [
    "/api/v1/resources/?page_size=100&locale=cs",
    "/api/v1/resources/?page_size=100&locale=en",
    "/api/v1/toolkits/?locale=cs",
    "/api/v1/toolkits/?locale=en",
    "/api/v1/news/?locale=en",
    "/api/v1/events/?locale=cs",
    "/api/v1/search/suggest/?q=kyber",
    "/api/v1/search/?q=hesla",
    "/api/v2/pages/?type=home.ToolkitPage&fields=*",
]


def links_of(base, path, content_type, body):
    """The site's own addresses (as paths) and other sites' addresses a page or feed names."""
    if "html" in content_type:
        collector = LinkCollector()
        collector.feed(body.decode())
        found = [urljoin(base + path, href) for href in collector.links]
    elif "xml" in content_type:
        found = re.findall(rf"{re.escape(base)}[^<\"\s]*", body.decode())
    else:
        return []
    return [link.removeprefix(base) if link.startswith(base) else link for link in found]


def crawl(base, start):
    """Visit every address of the site reachable from ``start``; returns the addresses seen,
    the broken ones (path → status), other sites' addresses, and the print packs named."""
    to_visit, seen, broken, outside, packs = list(start), set(), {}, set(), []
    while to_visit:
        parts = urlsplit(to_visit.pop())
        if parts.scheme in {"tel", "mailto"}:
            continue
        if parts.netloc and f"{parts.scheme}://{parts.netloc}" != base:
            outside.add(parts.geturl())
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path in seen or path.startswith("/admin/"):
            continue
        seen.add(path)
        if path.startswith("/print/"):
            packs.append(path)  # made by the worker when first asked for: checked after
            continue
        status, content_type, body = fetch(base + path)
        if status != 200:
            broken[path] = status
        else:
            to_visit += links_of(base, path, content_type, body)
    return seen, broken, outside, packs


def test_every_link_of_the_demo_and_its_api_answers(demo_server, demo_environment):
    base = demo_server
    start = ["/", "/cs/", "/en/", "/sitemap.xml", "/robots.txt", "/feeds/cs/news.xml", "/feeds/en/resources.xml"]
    for path in API_LISTS:
        status, _type, body = fetch(base + path)
        assert status == 200, path
        start += [url.removeprefix(base) for url in absolute_links_in(json.loads(body), base)]
    seen, broken, outside, packs = crawl(base, start)
    for path in packs:
        fetch(base + path)
    drain_tasks(demo_environment)
    for path in packs:
        status, _type, body = fetch(base + path)
        if status != 200 or not body.startswith(b"%PDF-"):
            broken[path] = status
    assert broken == {}
    assert len(seen) > 300
    assert len(packs) > 80  # every resource and toolkit in both languages
    assert not [link for link in outside if "example.org" in link]
    # Every absolute address of the site reaches the server it is served from.
    assert not [link for link in outside if urlsplit(link).hostname in {"localhost", "127.0.0.1"}]
