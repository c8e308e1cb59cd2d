"""The live chat end to end in Chromium, against real ASGI servers (uvicorn, production
settings, the demo's database): a child on a phone-sized page and counsellors in the admin
talk in Czech, the child's network drops mid-conversation, the chat is transferred, closed
with categories and rated; then the same conversation across two server processes that
share only PostgreSQL-or-SQLite and Redis (channels-redis)."""

import contextlib
import json
import re
import uuid

import pytest
from django_otp.oath import totp

from ..servers import manage, uvicorn

pytestmark = pytest.mark.browser

KEY = "3132333435363738393031323334353637383930"
PHONE = {"width": 390, "height": 844}
ALWAYS_OPEN = {"HELPLINE_CHAT_HOURS": "mon-sun 00:00-24:00", "QUICK_EXIT_URL": "https://neutral.test/"}


def new_counsellor(name):
    return (
        "from django.contrib.auth.models import Group, User; "
        "from django_otp.plugins.otp_totp.models import TOTPDevice; "
        f"user = User.objects.create_user('{name}', '{name}@centre.example', 'heslo-pro-test-2026', "
        f"first_name='{name.capitalize()}'); "
        "user.groups.add(Group.objects.get(name='Helpline counsellors')); "
        f"TOTPDevice.objects.create(user=user, name='app', confirmed=True, key='{KEY}')"
    )


@pytest.fixture(scope="module")
def counsellors(demo_environment):
    names = ["jana", "petr", "alena"]
    for name in names:
        manage(demo_environment, "shell", "-c", new_counsellor(name))
    return names


@pytest.fixture(scope="module")
def chat_server(demo_environment):
    with uvicorn({**demo_environment, **ALWAYS_OPEN}) as url:
        yield url


def sign_in(browser, server, username):
    page = browser.new_context(locale="cs-CZ").new_page()
    page.goto(f"{server}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("heslo-pro-test-2026")
    with page.expect_navigation():
        page.locator("button[type=submit]").click()
    page.fill("#id_code", f"{totp(bytes.fromhex(KEY)):06d}")
    with page.expect_navigation():
        page.click("form button[type=submit]")
    return page


def open_console(page, server):
    page.goto(f"{server}/admin/helpline/chat/")
    page.get_by_text("Připojeno.").wait_for()
    page.get_by_label("Dostupný").check()
    page.get_by_role("button", name="Uložit").click()
    page.locator("[data-figure=available]").filter(has_text=re.compile(r"[1-9]")).wait_for()


class FlakyNetwork:
    """The page's chat connections pass through Playwright, which can cut them (as a phone
    losing its signal does) and refuse new ones until the network is back."""

    def __init__(self, page):
        self.offline, self.routes = False, []
        page.route_web_socket(re.compile(r".*/ws/helpline/chat/$"), self.connect)

    def connect(self, route):
        if self.offline:
            route.close(code=1011, reason="offline")
            return
        self.routes.append((route, route.connect_to_server()))

    def drop(self):
        self.offline = True
        for route, server in self.routes:
            server.close()
            route.close(code=1011, reason="offline")
        self.routes = []

    def restore(self):
        self.offline = False


def start_chat(browser, server, nickname, network=None):
    context = browser.new_context(locale="cs-CZ", viewport=PHONE, is_mobile=True, has_touch=True)
    child = context.new_page()
    if network is not None:
        network.append(FlakyNetwork(child))
    child.route("https://neutral.test/**", lambda route: route.fulfill(body="<h1>Počasí</h1>"))
    child.goto(f"{server}/cs/pomoc/chat/")
    assert child.get_by_role("heading", level=1).inner_text() == "Chat s linkou pomoci"
    child.get_by_label("Přezdívka").fill(nickname)
    child.get_by_label("12–15 let").check()
    child.get_by_label("dítě nebo dospívající").check()
    child.get_by_label("Souhlasím, že linka pomoci").check()
    child.get_by_role("button", name="Zahájit chat").click()
    child.locator("#chat-status").filter(has_text="ve frontě").wait_for()
    return child


def say(page, scope, text):
    scope.locator("textarea").first.fill(text)
    scope.locator("textarea").first.press("Enter")


def test_a_child_chats_with_counsellors_on_a_phone_and_leaves_without_a_trace(
    browser, chat_server, counsellors, demo_environment
):
    jana = sign_in(browser, chat_server, "jana")
    petr = sign_in(browser, chat_server, "petr")
    open_console(jana, chat_server)
    open_console(petr, chat_server)
    network = []
    child = start_chat(browser, chat_server, "Kuba", network)
    assert "Jste 1. ve frontě" in child.locator("#chat-status").inner_text()

    jana.get_by_role("button", name="Převzít dalšího návštěvníka").click()
    panel = jana.locator(".chat-panel").filter(has_text="Kuba")
    panel.wait_for()
    child.locator("#chat-status").filter(has_text="Jana").wait_for()

    say(child, child.locator("#chat-compose"), "Ahoj, ve skupině o mně píšou ošklivé věci, viz www.zly-web.cz/skupina")
    panel.locator(".from-visitor").filter(has_text="ošklivé věci").wait_for()
    assert "www[.]zly-web[.]cz/skupina" in panel.locator(".chat-messages").inner_text()  # defanged, no link
    assert panel.locator(".chat-messages a").count() == 0
    child.locator("#chat-text").press_sequentially("Ješ", delay=50)
    panel.locator(".chat-typing").filter(has_text="píše").wait_for()
    child.locator("#chat-text").fill("")
    say(jana, panel, "Ahoj Kubo, to mě mrzí. Není to tvoje vina. Kdo to píše?")
    child.locator(".from-counsellor").filter(has_text="Není to tvoje vina").wait_for()

    # The network drops: what the child writes waits in the page, what Jana writes waits on
    # the server; both arrive once when the connection is back.
    network[0].drop()
    child.locator("#chat-status").filter(has_text="Spojení se přerušilo").wait_for(timeout=15000)
    say(child, child.locator("#chat-compose"), "Spolužáci ze třídy.")
    say(jana, panel, "Jsi tam ještě?")
    child.locator(".pending").filter(has_text="Spolužáci ze třídy.").wait_for()
    network[0].restore()
    panel.locator(".from-visitor").filter(has_text="Spolužáci ze třídy.").wait_for(timeout=20000)
    child.locator(".from-counsellor").filter(has_text="Jsi tam ještě?").wait_for(timeout=20000)
    child.locator(".pending").wait_for(state="detached")
    texts = child.locator("#chat-messages li").all_inner_texts()
    assert sum("Spolužáci ze třídy." in text for text in texts) == 1 and len(texts) == 4
    assert sum("Spolužáci ze třídy." in text for text in panel.locator(".chat-messages li").all_inner_texts()) == 1

    # Jana hands the chat to Petr, with its history.
    petr_id = panel.locator(".chat-counsellors option", has_text="Petr").get_attribute("value")
    panel.locator(".chat-counsellors").select_option(petr_id)
    panel.get_by_role("button", name="Předat", exact=True).click()
    taken = petr.locator(".chat-panel").filter(has_text="Kuba")
    taken.locator(".from-visitor").filter(has_text="Spolužáci ze třídy.").wait_for()
    child.locator("#chat-status").filter(has_text="Petr").wait_for()
    say(petr, taken, "Dobrý den, tady Petr. Pomůžu ti to nahlásit.")
    child.locator(".from-counsellor").filter(has_text="tady Petr").wait_for()

    taken.get_by_label("Kyberšikana").check()
    taken.get_by_role("button", name="Ukončit a uzavřít chat").click()
    child.locator("#chat-status").filter(has_text="Poradce chat ukončil.").wait_for()
    child.locator("#chat-survey").get_by_label("5", exact=True).check()
    child.get_by_label("Chcete nám ještě něco říct?").fill("Pomohlo mi to.")
    child.get_by_role("button", name="Odeslat hodnocení").click()
    child.locator("#chat-status").filter(has_text="Děkujeme").wait_for()

    with child.expect_download() as download:
        child.get_by_role("button", name="Uložit si kopii chatu").click()
    copy = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    assert "Spolužáci ze třídy." in copy and "tady Petr" in copy

    # Nothing stays in the browser: no cookie, no storage; the quick exit replaces the page.
    assert child.context.cookies() == []
    assert child.evaluate("localStorage.length + sessionStorage.length") == 0
    child.get_by_role("link", name=re.compile("Rychle odejít")).click()
    child.wait_for_url("https://neutral.test/")
    assert not child.evaluate("history.length > 1 && document.referrer.includes('/pomoc/')")

    figures = contact_figures(demo_environment, "Kuba")
    assert figures == {
        "channel": "chat",
        "status": "closed",
        "categories": ["cyberbullying"],
        "counsellor": "petr",
        "rating": 5,
        "messages": 5,
    }
    for page in (jana, petr, child):
        page.context.close()


def contact_figures(environment, nickname):
    """What the database holds about the chat, read by a separate process."""
    code = (
        "import json; from reports.models import ChatConversation; "
        f"chat = [c for c in ChatConversation.objects.all() if c.nickname == '{nickname}'][-1]; "
        "contact = chat.contact; "
        "print(json.dumps({'channel': contact.channel, 'status': contact.status, "
        "'categories': sorted(contact.categories.values_list('category', flat=True)), "
        "'counsellor': chat.counsellor.username, 'rating': chat.survey_rating, 'messages': chat.messages.count()}))"
    )
    import subprocess
    import sys

    from ..servers import PROJECT

    output = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=PROJECT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


@contextlib.contextmanager
def two_servers_on_redis(environment):
    """Two app server processes that share the database and Redis (channels-redis)."""
    shared = {
        **environment,
        **ALWAYS_OPEN,
        "REDIS_URL": "redis://127.0.0.1:6379/5",
        "CACHE_KEY_PREFIX": f"chat-test-{uuid.uuid4().hex[:8]}",
    }
    with uvicorn(shared) as first, uvicorn(shared) as second:
        yield first, second


def redis_answers():
    import redis

    try:
        return redis.Redis.from_url("redis://127.0.0.1:6379/5", socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def test_a_visitor_on_one_server_and_a_counsellor_on_another_talk_through_redis(browser, counsellors, demo_environment):
    if not redis_answers():
        pytest.skip("needs Redis on 127.0.0.1:6379 (.ci/run starts it)")
    with two_servers_on_redis(demo_environment) as (first, second):
        alena = sign_in(browser, second, "alena")
        open_console(alena, second)
        child = start_chat(browser, first, "Bára")
        alena.get_by_role("button", name="Převzít dalšího návštěvníka").click()
        panel = alena.locator(".chat-panel").filter(has_text="Bára")
        panel.wait_for()
        child.locator("#chat-status").filter(has_text="Alena").wait_for()
        say(child, child.locator("#chat-compose"), "Ahoj z prvního serveru")
        panel.locator(".from-visitor").filter(has_text="Ahoj z prvního serveru").wait_for()
        say(alena, panel, "Ahoj z druhého serveru")
        child.locator(".from-counsellor").filter(has_text="Ahoj z druhého serveru").wait_for()
        child.once("dialog", lambda dialog: dialog.accept())
        child.get_by_role("button", name="Ukončit chat").click()
        panel.locator(".chat-state").filter(has_text="Návštěvník chat ukončil").wait_for()
        panel.get_by_label("Kyberšikana").check()
        panel.get_by_role("button", name="Ukončit a uzavřít chat").click()
        alena.locator(".chat-panel").filter(has_text="Bára").wait_for(state="detached", timeout=10000)
        for page in (alena, child):
            page.context.close()
    assert contact_figures(demo_environment, "Bára")["status"] == "closed"
