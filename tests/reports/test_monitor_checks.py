"""What one takedown check concludes, against real servers on 127.0.0.1: statuses, DNS
answers and failures, redirects, HTTPS through the pinned connection, and the address
guard with loopback refused as in production."""

import ssl

import pytest
import trustme

from cms.core import safe_http
from reports.hotline import monitor
from reports.models import TakedownCheck

from .conftest import NAMES
from .local_network import SERVFAIL, Site, dns_server, http_server

Outcome = TakedownCheck.Outcome


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        (200, Outcome.ONLINE),
        (204, Outcome.ONLINE),
        (299, Outcome.ONLINE),
        (404, Outcome.REMOVED),
        (410, Outcome.REMOVED),
        (451, Outcome.REMOVED),  # Unavailable For Legal Reasons: taken down
        (300, Outcome.UNREACHABLE),
        (403, Outcome.UNREACHABLE),
        (500, Outcome.UNREACHABLE),
        (503, Outcome.UNREACHABLE),
    ],
)
def test_each_status_means_what_the_monitor_records(hosting, status, outcome):
    site = Site({"/a.jpg": (status, {}, b"")})
    with http_server(site) as port:
        result = monitor.look(f"http://content.example:{port}/a.jpg")
    detail = "" if outcome != Outcome.UNREACHABLE else f"HTTP {status}"
    assert result == (outcome, status, detail)


def test_a_redirect_without_a_location_is_an_answer_not_a_hop(hosting):
    site = Site({"/a": (302, {}, b"")})
    with http_server(site) as port:
        assert monitor.look(f"http://content.example:{port}/a") == (Outcome.UNREACHABLE, 302, "HTTP 302")


def _chain(hops, last=(410, {}, b"")):
    """``/0`` redirects to ``/1`` … to ``/hops``, which answers ``last``."""
    routes = {f"/{step}": (302, {"Location": f"/{step + 1}"}, b"") for step in range(hops)}
    routes[f"/{hops}"] = last
    return Site(routes)


def test_five_redirects_are_followed_and_the_sixth_is_refused(hosting):
    followed, refused = _chain(5), _chain(6)
    with http_server(followed) as port:
        assert monitor.look(f"http://content.example:{port}/0") == (Outcome.REMOVED, 410, "")
    with http_server(refused) as port:
        outcome, status, detail = monitor.look(f"http://content.example:{port}/0")
    assert (outcome, status, detail) == (Outcome.UNREACHABLE, None, "refused: more than 5 redirects")
    assert len(followed.requests) == 6 and len(refused.requests) == 6  # the seventh address is never asked


@pytest.mark.parametrize(
    "location", ["ftp://content.example/a", "file:///etc/passwd", "javascript:alert(1)", "gopher://content.example/"]
)
def test_a_redirect_to_another_scheme_is_not_followed(hosting, location):
    site = Site({"/a": (301, {"Location": location}, b"")})
    with http_server(site) as port:
        outcome, status, detail = monitor.look(f"http://content.example:{port}/a")
    assert (outcome, status) == (Outcome.UNREACHABLE, None)
    assert detail.startswith("refused: only http and https addresses are checked")
    assert len(site.requests) == 1


def test_a_name_without_addresses_counts_as_removed(settings, location_databases):
    with dns_server({**NAMES, "parked.example": []}) as nameserver:
        settings.HOTLINE_DNS_RESOLVERS = [nameserver]
        assert monitor.look("http://parked.example/a") == (Outcome.REMOVED, None, "the host name no longer exists")


def test_a_failing_name_server_is_unreachable_not_removed(settings):
    with dns_server({"broken.example": SERVFAIL}) as nameserver:
        settings.HOTLINE_DNS_RESOLVERS = [nameserver]
        settings.HOTLINE_DNS_TIMEOUT = 2
        outcome, status, detail = monitor.look("http://broken.example/a")
    assert (outcome, status) == (Outcome.UNREACHABLE, None) and detail.startswith("DNS: A:")


def test_a_name_server_that_does_not_answer_is_unreachable(settings):
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:  # takes queries, never answers
        silent.bind(("127.0.0.1", 0))
        settings.HOTLINE_DNS_RESOLVERS = [f"127.0.0.1:{silent.getsockname()[1]}"]
        settings.HOTLINE_DNS_TIMEOUT = 0.5
        assert monitor.look("http://slow-dns.example/a") == (Outcome.UNREACHABLE, None, "DNS: A: LifetimeTimeout")


@pytest.fixture(scope="module")
def certificate_authority():
    return trustme.CA()


def _tls_server_context(authority, *names):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert(*names).configure_cert(context)
    return context


def test_https_goes_to_the_checked_address_with_the_name_for_sni(hosting, certificate_authority):
    site = Site({"/a.jpg": (200, {"Content-Type": "image/jpeg"}, b"...")})
    with http_server(site, tls=_tls_server_context(certificate_authority, "content.example")) as port:
        result = monitor.look(f"https://content.example:{port}/a.jpg")
    assert result == (Outcome.ONLINE, 200, "")
    assert site.server_names == ["content.example"]
    assert site.requests == [("HEAD", "/a.jpg", f"content.example:{port}")]


def test_https_with_a_certificate_for_another_name_still_counts(hosting, certificate_authority):
    """The monitor reads only a status: a host serving the content under a wrong or
    self-signed certificate still serves it."""
    site = Site({"/a.jpg": (451, {}, b"")})
    with http_server(site, tls=_tls_server_context(certificate_authority, "elsewhere.example")) as port:
        assert monitor.look(f"https://content.example:{port}/a.jpg") == (Outcome.REMOVED, 451, "")
    assert site.server_names == ["content.example"]


def test_a_plain_http_server_behind_an_https_address_is_unreachable(hosting):
    site = Site({"/a.jpg": (200, {}, b"")})
    with http_server(site) as port:
        outcome, status, detail = monitor.look(f"https://content.example:{port}/a.jpg")
    assert (outcome, status) == (Outcome.UNREACHABLE, None) and detail.startswith("SSL")


class TestWithLoopbackRefused:
    """As in production: nothing on this machine may be reached, whatever a name says."""

    @pytest.fixture(autouse=True)
    def production_guard(self, settings, hosting):
        settings.OUTBOUND_ALLOW_LOOPBACK = False

    def test_the_monitor_does_not_reach_a_name_resolving_to_loopback(self):
        site = Site({"/a.jpg": (200, {}, b"")})
        with http_server(site) as port:
            result = monitor.look(f"http://content.example:{port}/a.jpg")
        assert result == (Outcome.UNREACHABLE, None, "refused: content.example resolves to a loopback address")
        assert site.requests == []

    @pytest.mark.parametrize(
        ("url", "reason"),
        [
            ("http://private.example/a", "private.example resolves to a private address"),
            ("http://mixed.example/a", "mixed.example resolves to a loopback address"),
            ("http://[::1]/a", "::1 resolves to a loopback address"),
        ],
    )
    def test_the_monitor_refuses_private_and_loopback_names(self, url, reason):
        with pytest.raises(safe_http.Refused) as refusal:
            safe_http.header_status(url)
        assert str(refusal.value) == reason

    def test_a_webhook_to_a_name_resolving_to_loopback_is_not_sent(self):
        site = Site()
        with http_server(site) as port, pytest.raises(safe_http.Refused) as refusal:
            safe_http.post(f"http://content.example:{port}/hook", b"{}", {})
        assert str(refusal.value) == "content.example resolves to a loopback address"
        assert site.requests == []


def test_a_check_sends_only_what_it_must(hosting):
    site = Site({"/a.jpg": (200, {}, b"")})
    with http_server(site) as port:
        monitor.look(f"http://user:secret@content.example:{port}/a.jpg?size=big&x=1")
        monitor.look(f"http://content.example:{port}")
    first, _bare = site.headers
    assert site.requests[0] == ("HEAD", "/a.jpg?size=big&x=1", f"content.example:{port}")
    assert site.requests[1] == ("HEAD", "/", f"content.example:{port}")
    assert {name.lower(): value for name, value in first.items()} == {
        "host": f"content.example:{port}",  # never the user name and password
        "user-agent": "SaferInternetCMS-takedown-monitor/1.0",
        "accept": "*/*",
        "connection": "close",
        "accept-encoding": "identity",  # added by http.client: nothing compressed to unpack
    }


def test_a_server_that_refuses_head_with_501_is_asked_with_get(hosting):
    site = Site({"/a.jpg": (410, {}, b"gone")})
    site.head_allowed, site.head_refusal = False, 501
    with http_server(site) as port:
        assert monitor.look(f"http://content.example:{port}/a.jpg") == (Outcome.REMOVED, 410, "")
    assert [method for method, _path, _host in site.requests] == ["HEAD", "GET"]


def test_a_location_on_an_answer_that_is_not_a_redirect_is_not_followed(hosting):
    site = Site({"/a": (200, {"Location": "/elsewhere"}, b"")})
    with http_server(site) as port:
        assert monitor.look(f"http://content.example:{port}/a") == (Outcome.ONLINE, 200, "")
    assert len(site.requests) == 1


@pytest.mark.parametrize(
    ("location", "detail"),
    [
        ("https:///no-host", "refused: the address has no host"),
        ("http://content.example:99999/", "refused: the address has an invalid port"),
    ],
)
def test_a_redirect_to_a_broken_address_is_refused_not_a_crash(hosting, location, detail):
    site = Site({"/a": (302, {"Location": location}, b"")})
    with http_server(site) as port:
        assert monitor.look(f"http://content.example:{port}/a") == (Outcome.UNREACHABLE, None, detail)


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_server_that_never_answers_is_given_up_after_the_timeout(hosting, settings, scheme):
    import socket
    import time

    settings.HOTLINE_MONITOR_TIMEOUT = 0.5
    with socket.socket() as silent:  # accepts the connection, then says nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        started = time.monotonic()
        result = monitor.look(f"{scheme}://content.example:{silent.getsockname()[1]}/a")
    assert result[:2] == (Outcome.UNREACHABLE, None) and result[2] in {"TimeoutError", "timeout"}
    assert time.monotonic() - started < 5


def test_webhooks_go_only_to_http_addresses_with_a_host(hosting):
    for url, reason in [
        ("ftp://content.example/hook", "only http and https addresses are called, not ftp"),
        ("https:///hook", "the address has no host"),
        ("//content.example/hook", "only http and https addresses are called, not this"),
    ]:
        with pytest.raises(safe_http.Refused) as refusal:
            safe_http.post(url, b"{}", {})
        assert str(refusal.value) == reason


def test_a_check_is_stored_with_its_status_and_the_removal_recorded(hosting, assessed, analyst):
    from reports.models import CaseEvent, ReportedUrl, Takedown

    report = assessed("https://hosted-in-germany.example/a.jpg")
    record = ReportedUrl.objects.get(report_links__report=report)
    ReportedUrl.objects.filter(pk=record.pk).update(url="", takedown=Takedown.MONITORING)
    assert not monitor.due().filter(pk=record.pk).exists()  # anonymised: nothing to check

    site = Site({"/a.jpg": (451, {}, b"")})
    with http_server(site) as port:
        url = f"http://content.example:{port}/a.jpg"
        ReportedUrl.objects.filter(pk=record.pk).update(url=url)
        record.refresh_from_db()
        result = monitor.check(record)
    assert (result.outcome, result.http_status, result.detail) == (Outcome.REMOVED, 451, "")
    assert (record.takedown, record.removed_at, record.last_checked_at) == (
        Takedown.REMOVED,
        result.checked_at,
        result.checked_at,
    )
    event = CaseEvent.objects.get(report=report, kind="removed")
    assert event.details == {"removed_at": result.checked_at.isoformat()}
    stored = ReportedUrl.objects.get(pk=record.pk)
    assert (stored.takedown, stored.removed_at) == (Takedown.REMOVED, result.checked_at)


def _monitored(report, url, checked_hours_ago=None):
    from django.utils import timezone

    from reports.models import ReportedUrl, Takedown

    record = ReportedUrl.objects.get(report_links__report=report)
    checked = timezone.now() - timezone.timedelta(hours=checked_hours_ago) if checked_hours_ago is not None else None
    ReportedUrl.objects.filter(pk=record.pk).update(
        url=url, takedown=Takedown.MONITORING, last_checked_at=checked, last_notice_at=timezone.now()
    )
    return record.pk


def test_the_addresses_due_longest_unchecked_first(make_report, settings):
    settings.HOTLINE_MONITOR_INTERVAL_MINUTES = 60
    older = _monitored(make_report("https://a.example/1"), "https://a.example/1", checked_hours_ago=2)
    never = _monitored(make_report("https://b.example/2"), "https://b.example/2")
    oldest = _monitored(make_report("https://c.example/3"), "https://c.example/3", checked_hours_ago=3)
    _monitored(make_report("https://d.example/4"), "https://d.example/4", checked_hours_ago=0)  # not due yet
    _monitored(make_report("https://e.example/5"), "")  # anonymised: never checked again
    assert list(monitor.due().values_list("pk", flat=True)) == [never, oldest, older]


def test_a_run_counts_every_outcome_and_checks_everything_when_asked(hosting, make_report, analyst):
    from reports.models import AuditEntry

    site = Site({"/on1": (200, {}, b""), "/on2": (204, {}, b""), "/gone": (451, {}, b""), "/err": (500, {}, b"")})
    with http_server(site) as port:
        base = f"http://content.example:{port}"
        for path in ("on1", "on2", "gone", "err"):
            _monitored(make_report(f"https://x.example/{path}"), f"{base}/{path}")
        _monitored(make_report("https://x.example/anonymised"), "")
        summary = monitor.run_monitor(everything=True)
    assert summary.checked == {"online": 2, "removed": 1, "unreachable": 1}
    assert (summary.reminders, summary.retried) == (0, 0)
    assert sorted(path for _method, path, _host in site.requests) == ["/err", "/gone", "/on1", "/on2"]
    assert list(TakedownCheck.objects.filter(outcome="unreachable").values_list("http_status", "detail")) == [
        (500, "HTTP 500")
    ]
    assert AuditEntry.objects.filter(summary="content removed").count() == 1
