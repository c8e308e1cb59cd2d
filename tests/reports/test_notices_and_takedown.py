"""Notices to hosts (contents, language, batching), the takedown monitor against HTTP
servers on 127.0.0.1 whose content disappears, and the guard that keeps the monitor away
from private addresses."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cms.core import safe_http
from reports.figures import parse_period
from reports.hotline import monitor, notices, tracing
from reports.hotline.statistics import compute
from reports.models import CaseEvent, Notice, ReportedUrl, Takedown, TakedownCheck

from .local_network import Site, http_server


def addresses(report):
    return list(ReportedUrl.objects.filter(report_links__report=report).order_by("pk"))


def contact(record, email, country="DE"):
    ReportedUrl.objects.filter(pk=record.pk).update(abuse_contact=email, hosting_country=country)
    record.refresh_from_db()
    return record


def send(records, **kwargs):
    with_commit = notices.queue_notices(records, **kwargs)
    for notice in with_commit:
        notices.send_notice.call(notice.pk)
    return with_commit


def test_a_notice_says_what_the_digital_services_act_asks(assessed, settings):
    settings.HOTLINE_ORGANISATION = "Národní centrum bezpečnějšího internetu"
    settings.HOTLINE_FROM_EMAIL = "hotline@centre.example"
    report = assessed("https://hosted-in-germany.example/a.jpg?id=7")
    (notice,) = send([contact(addresses(report)[0], "abuse@host.example")])
    (message,) = mail.outbox
    assert message.to == ["abuse@host.example"]
    assert notice.reference in message.subject
    body = message.body
    assert "https://hosted-in-germany.example/a.jpg?id=7" in body  # the exact address, as reported
    assert "Section 192" in body and "Directive 2011/93/EU" in body  # why, with the provision
    assert "Národní centrum bezpečnějšího internetu, hotline@centre.example" in body  # who sends it
    assert "bona fide belief" in body  # good faith
    assert "Article 16 of Regulation (EU) 2022/2065" in body
    notice.refresh_from_db()
    assert (notice.state, notice.attempts, notice.language) == (Notice.State.SENT, 1, "en")


def test_a_czech_host_gets_the_notice_in_czech(assessed):
    report = assessed("https://hosted-in-czechia.example/a.jpg", category="racism-xenophobia")
    send([contact(addresses(report)[0], "abuse@hosting.example", country="CZ")])
    (message,) = mail.outbox
    assert "Oznámení o nezákonném obsahu" in message.subject
    assert "trestný čin podle § 355 a § 356 zákona č. 40/2009 Sb., trestní zákoník" in message.body
    assert "v dobré víře" in message.body


def test_addresses_of_one_abuse_contact_go_in_one_notice(assessed):
    report = assessed("https://a.example/1", "https://a.example/2", "https://b.example/3")
    first, second, third = addresses(report)
    sent = send(
        [contact(first, "abuse@a.example"), contact(second, "ABUSE@a.example"), contact(third, "abuse@b.example")]
    )
    assert len(sent) == len(mail.outbox) == 2
    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert "https://a.example/1" in by_recipient["abuse@a.example"]
    assert "https://a.example/2" in by_recipient["abuse@a.example"]
    assert "https://b.example/3" not in by_recipient["abuse@a.example"]
    assert "https://b.example/3" in by_recipient["abuse@b.example"]
    for record in (first, second, third):
        record.refresh_from_db()
        assert record.takedown == Takedown.MONITORING
        assert record.first_notice_at is not None
    assert report.events.filter(kind=CaseEvent.Kind.NOTICE).count() == 3


def test_no_notice_without_an_abuse_contact(assessed):
    report = assessed("https://a.example/1")
    with pytest.raises(notices.NoAbuseContact):
        notices.queue_notices(addresses(report))
    assert not Notice.objects.exists()


def test_a_failed_send_is_recorded_and_retried(assessed, settings):
    report = assessed("https://a.example/1")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    (notice,) = send([contact(addresses(report)[0], "abuse@a.example")])
    notice.refresh_from_db()
    assert notice.state == Notice.State.FAILED and notice.error and notice.attempts == 1
    assert addresses(report)[0].takedown == Takedown.NOT_NOTIFIED
    assert notice.error == "ConnectionRefusedError 111"  # the kind of failure, not the server's words
    assert 299 <= (notice.next_attempt_at - timezone.now()).total_seconds() <= 300
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notices.retry_failed_notices() == []  # not due yet: backoff
    notices.retry_failed_notices(now=notice.next_attempt_at)
    notice.refresh_from_db()
    assert (notice.state, notice.attempts) == (Notice.State.SENT, 2)


@pytest.mark.parametrize(
    ("ip", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.3.4", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),  # noqa: S104 (an address the guard must refuse)
        ("224.0.0.251", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not public"),
        ("::ffff:10.0.0.5", "private"),
        ("::ffff:127.0.0.1", "loopback"),
        ("2002:a00:1::1", "private"),  # 6to4 around 10.0.0.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 around 169.254.169.254
    ],
)
def test_the_guard_refuses_every_kind_of_private_address(settings, ip, reason):
    settings.OUTBOUND_ALLOW_LOOPBACK = False
    assert safe_http.refusal(ip) == reason


def test_the_guard_lets_public_addresses_through(settings):
    settings.OUTBOUND_ALLOW_LOOPBACK = False
    assert safe_http.refusal("8.8.8.8") is None
    assert safe_http.refusal("2a00:1450:4001::1") is None


def test_the_test_setting_allows_loopback_only(settings):
    settings.OUTBOUND_ALLOW_LOOPBACK = True
    assert safe_http.refusal("127.0.0.1") is None
    assert safe_http.refusal("10.0.0.5") == "private"


@pytest.mark.parametrize("host", ["private.example", "mixed.example"])
def test_a_public_name_that_resolves_to_a_private_address_is_refused(hosting, host):
    with pytest.raises(safe_http.Refused, match="private"):
        safe_http.header_status(f"http://{host}/page")


def test_a_redirect_to_a_private_address_is_not_followed(hosting):
    site = Site({"/page": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")})
    with http_server(site) as port:
        outcome, _status, detail = monitor.look(f"http://content.example:{port}/page")
    assert outcome == TakedownCheck.Outcome.UNREACHABLE
    assert "link-local" in detail
    assert len(site.requests) == 1  # only the first request, never the redirect


def test_a_redirect_to_a_private_name_is_not_followed(hosting):
    site = Site({"/page": (301, {"Location": "http://private.example/x"}, b"")})
    with http_server(site) as port:
        outcome, _status, detail = monitor.look(f"http://content.example:{port}/page")
    assert outcome == TakedownCheck.Outcome.UNREACHABLE and "private" in detail


def test_a_check_reads_headers_only(hosting):
    site = Site({"/a.jpg": (200, {"Content-Type": "image/jpeg"}, b"x" * 100_000)})
    with http_server(site) as port:
        assert monitor.look(f"http://content.example:{port}/a.jpg") == (TakedownCheck.Outcome.ONLINE, 200, "")
    assert site.requests == [("HEAD", "/a.jpg", f"content.example:{port}")]


def test_a_server_without_head_is_asked_with_get_and_the_body_left_unread(hosting):
    site = Site({"/a.jpg": (200, {}, b"x" * 100_000)})
    site.head_allowed = False
    with http_server(site) as port:
        assert monitor.look(f"http://content.example:{port}/a.jpg")[0] == TakedownCheck.Outcome.ONLINE
    assert [method for method, _path, _host in site.requests] == ["HEAD", "GET"]


def test_allowed_redirects_are_followed(hosting):
    site = Site({"/old": (301, {"Location": "/new"}, b""), "/new": (410, {}, b"")})
    with http_server(site) as port:
        assert monitor.look(f"http://content.example:{port}/old") == (TakedownCheck.Outcome.REMOVED, 410, "")


def test_a_vanished_host_name_counts_as_removed_and_a_closed_port_as_unreachable(hosting):
    assert monitor.look("http://gone.example/x")[0] == TakedownCheck.Outcome.REMOVED
    assert monitor.look("http://content.example:9/x")[0] == TakedownCheck.Outcome.UNREACHABLE


def test_from_report_to_removed(hosting, assessed, analyst, settings, django_capture_on_commit_callbacks):
    """The whole life of an address: reported, assessed, traced, noticed, checked while
    online, reminded after the interval, and marked removed when it is gone."""
    site = Site({"/gallery/1.jpg": (200, {"Content-Type": "image/jpeg"}, b"...")})
    with http_server(site) as port:
        url = f"http://content.example:{port}/gallery/1.jpg"
        report = assessed(url)
        (record,) = addresses(report)
        reported_at = record.first_reported_at
        tracing.trace(record)
        assert record.hosting_country == "CZ"
        (notice,) = send([contact(record, "abuse@hosting.example", country="CZ")])

        call_command("monitor_takedowns")
        record.refresh_from_db()
        assert (record.takedown, record.checks.first().outcome) == (Takedown.MONITORING, "online")

        # Not due again within the interval; a day later it is, and still online: a reminder.
        call_command("monitor_takedowns")
        assert record.checks.count() == 1
        day_later = timezone.now() - datetime.timedelta(hours=settings.HOTLINE_NOTICE_RESEND_HOURS + 1)
        ReportedUrl.objects.filter(pk=record.pk).update(last_checked_at=day_later, last_notice_at=day_later)
        with django_capture_on_commit_callbacks(execute=True):
            monitor.run_monitor()
        reminder = Notice.objects.get(reminder_of=notice)
        reminder.refresh_from_db()
        assert reminder.state == Notice.State.SENT
        assert "Připomínka" in mail.outbox[-1].subject and notice.reference in mail.outbox[-1].body

        site.routes.clear()  # the host took it down: 404
        call_command("monitor_takedowns", "--all")
    record.refresh_from_db()
    assert record.takedown == Takedown.REMOVED
    assert record.checks.first().outcome == TakedownCheck.Outcome.REMOVED
    assert record.removed_at == record.checks.first().checked_at
    assert report.events.filter(kind=CaseEvent.Kind.REMOVED).count() == 1
    assert all(method == "HEAD" for method, _path, _host in site.requests)

    # Once removed, it is no longer checked.
    assert monitor.run_monitor(everything=True).checked == {"online": 0, "removed": 0, "unreachable": 0}
    figures = compute(parse_period({"from": reported_at.date().isoformat(), "to": timezone.localdate().isoformat()}))
    hours = round((record.removed_at - reported_at).total_seconds() / 3600, 2)
    assert figures["times"]["to_removal"] == {"count": 1, "median_hours": hours, "p90_hours": hours}
    assert figures["takedown"]["removed_within_3_days"] == 1.0
