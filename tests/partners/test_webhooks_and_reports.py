"""Signed webhooks received and verified on 127.0.0.1, retried with backoff, disabled
when they keep failing; hotline reports filed by platforms with their key."""

import io
import json
import re
import time
import uuid

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cms.partners import webhooks
from cms.partners.models import WebhookDelivery, WebhookSubscription
from reports.models import Channel, HotlineReport
from resources.models import ResourcePage

from .receiver import Receiver, webhook_receiver


def subscribe(partner, url, *events):
    return WebhookSubscription.objects.create(
        partner=partner, url=url, events=list(events or ["resource.published"]), secret=webhooks.new_secret()
    )


@pytest.fixture
def resource(demo):
    return ResourcePage.objects.live().filter(locale__language_code="cs").order_by("pk").first()


def publish(page, callbacks):
    with callbacks(execute=True):
        page.save_revision().publish()


def test_a_publish_is_delivered_signed_and_verified(partner, resource, django_capture_on_commit_callbacks):
    receiver = Receiver()
    with webhook_receiver(receiver) as url:
        subscription = subscribe(partner, url, "resource.published", "resource.unpublished")
        receiver.secret = subscription.secret
        subscribe(partner, url + "/news-only", "news.published")
        publish(resource, django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            resource.unpublish()
    (published, payload, valid), (unpublished, _payload, valid_too) = receiver.received
    assert (published, unpublished) == ("resource.published", "resource.unpublished")
    assert valid and valid_too
    assert payload["data"] == {
        "id": resource.pk,
        "type": "resource",
        "locale": "cs",
        "title": resource.title,
        "html_url": resource.full_url,
        "api_url": f"http://localhost/api/v1/resources/{resource.pk}/",
    }
    delivery = WebhookDelivery.objects.get(event="resource.published")
    assert (delivery.state, delivery.attempts, delivery.last_status) == ("delivered", 1, 200)


def test_a_tampered_body_or_another_secret_fails_verification():
    from .receiver import verify

    body = b'{"event":"resource.published"}'
    header = webhooks.sign("whsec_right", body)
    assert verify("whsec_right", body, header)
    assert not verify("whsec_wrong", body, header)
    assert not verify("whsec_right", body + b" ", header)
    assert not verify("whsec_right", body, webhooks.sign("whsec_right", body, timestamp=1))  # too old: a replay


def test_the_documented_node_check_accepts_our_signature():
    """The JavaScript docs/partners.md gives partners, run in Node.js against a signed body."""
    import shutil
    import subprocess

    from .receiver import documented_snippet

    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    body = '{"event":"resource.published","data":{"title":"Kyberšikana"}}'.encode()
    header = webhooks.sign("whsec_node", body)
    script = documented_snippet("javascript") + (
        "\nconst [secret, header, body] = process.argv.slice(1);"
        "\nconsole.log(verify(secret, Buffer.from(body, 'utf8'), header), "
        "verify('whsec_other', Buffer.from(body, 'utf8'), header));"
    )
    result = subprocess.run(  # noqa: S603 - our own documentation's code
        [node, "-e", script, "whsec_node", header, body.decode()], capture_output=True, text=True, timeout=30
    )
    assert result.stdout.split() == ["true", "false"], result.stderr


def test_a_failed_delivery_is_retried_with_backoff(partner, resource, django_capture_on_commit_callbacks, settings):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 60
    receiver = Receiver(statuses=[500, 503])
    with webhook_receiver(receiver) as url:
        receiver.secret = subscribe(partner, url).secret
        publish(resource, django_capture_on_commit_callbacks)
        delivery = WebhookDelivery.objects.get()
        assert (delivery.state, delivery.attempts, delivery.last_status) == ("pending", 1, 500)
        assert round((delivery.next_attempt_at - delivery.last_attempt_at).total_seconds()) == 60
        assert webhooks.deliver_due() == (0, 0)  # not due yet
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        call_command("deliver_webhooks", stdout=io.StringIO())
        delivery.refresh_from_db()
        assert (delivery.attempts, delivery.last_status) == (2, 503)
        assert round((delivery.next_attempt_at - delivery.last_attempt_at).total_seconds()) == 120
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        assert webhooks.deliver_due() == (1, 0)
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == ("delivered", 3)
    assert [valid for _event, _payload, valid in receiver.received] == [True, True, True]
    assert len({payload["id"] for _event, payload, _valid in receiver.received}) == 1  # the same delivery id


def test_a_subscription_that_keeps_failing_is_disabled_and_the_partner_told(
    partner, resource, django_capture_on_commit_callbacks, settings
):
    settings.WEBHOOK_DISABLE_AFTER = 2
    receiver = Receiver(statuses=[500] * 10)
    with webhook_receiver(receiver) as url:
        subscription = subscribe(partner, url)
        publish(resource, django_capture_on_commit_callbacks)
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        webhooks.deliver_due()
    subscription.refresh_from_db()
    assert not subscription.active and subscription.disabled_at
    assert WebhookDelivery.objects.get().state == "failed"
    (message,) = mail.outbox
    assert message.to == ["ict@zs.example"] and url in message.subject


@pytest.mark.parametrize(
    ("statuses", "state", "attempts"), [([500, 500, 500], "failed", 3), ([500, 500], "delivered", 3)]
)
def test_the_last_allowed_attempt_is_made_and_none_after_it(
    partner, resource, django_capture_on_commit_callbacks, settings, statuses, state, attempts
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    settings.WEBHOOK_DISABLE_AFTER = 100
    receiver = Receiver(statuses=statuses + [200])
    with webhook_receiver(receiver) as url:
        subscribe(partner, url)
        publish(resource, django_capture_on_commit_callbacks)
        for _retry in range(4):
            WebhookDelivery.objects.filter(state="pending").update(next_attempt_at=timezone.now())
            webhooks.deliver_due()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.attempts, len(receiver.received)) == (state, attempts, attempts)


def test_a_receiver_that_is_down_is_tried_again_later(partner, resource, django_capture_on_commit_callbacks):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subscription = subscribe(partner, f"http://127.0.0.1:{port}/hooks")
    publish(resource, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_status) == ("pending", 1, None)
    assert delivery.last_error == "ConnectionRefusedError" and delivery.next_attempt_at > delivery.last_attempt_at
    subscription.refresh_from_db()
    assert subscription.active and subscription.failures_in_a_row == 1


def test_a_subscription_disabled_mid_run_gets_no_more_attempts(
    partner, resource, django_capture_on_commit_callbacks, settings
):
    settings.WEBHOOK_DISABLE_AFTER = 1
    receiver = Receiver(statuses=[500] * 5)
    with webhook_receiver(receiver) as url:
        subscribe(partner, url)
        for _revision in range(3):  # three pending deliveries to one subscription
            webhooks.queue_event("resource.published", {"event": "resource.published", "data": {}})
        assert webhooks.deliver_due() == (0, 1)
    assert len(receiver.received) == 1
    assert sorted(WebhookDelivery.objects.values_list("state", "attempts")) == [
        ("failed", 0),
        ("failed", 0),
        ("failed", 1),
    ]
    assert WebhookSubscription.objects.get().active is False


def test_a_webhook_to_a_private_address_is_never_called(
    partner, resource, django_capture_on_commit_callbacks, settings
):
    settings.OUTBOUND_ALLOW_LOOPBACK = False
    subscribe(partner, "http://10.0.0.7/hook")
    subscribe(partner, "http://127.0.0.1:9/hook")
    publish(resource, django_capture_on_commit_callbacks)
    errors = sorted(WebhookDelivery.objects.values_list("last_error", flat=True))
    assert errors == [
        "refused: 10.0.0.7 resolves to a private address",
        "refused: 127.0.0.1 resolves to a loopback address",
    ]


def test_the_command_subscribes_and_prints_the_secret(partner):
    out = io.StringIO()
    call_command(
        "partner", "webhook", partner.name, "https://hooks.zs.example/sic", "--event", "toolkit.published", stdout=out
    )
    secret = re.search(r"Signing secret \(give it to the partner\): (\S+)", out.getvalue()).group(1)
    assert WebhookSubscription.objects.get().secret == secret


REPORT = {"urls": ["https://bad.example/a.jpg"], "category": "csam", "source_type": "social-network"}


def file(client, key, data=None, **headers):
    if key:
        headers["Authorization"] = f"Api-Key {key}"
    return client.post("/api/v1/reports/hotline/", data or REPORT, content_type="application/json", headers=headers)


def test_a_platform_files_a_report_with_its_key(client, partner, issue):
    _record, key = issue("reports:submit")
    response = file(client, key)
    assert response.status_code == 201
    report = HotlineReport.objects.get(reference=response.json()["reference"])
    assert (report.channel, report.partner) == (Channel.PARTNER, partner)


def test_a_key_without_the_scope_cannot_file(client, issue):
    _record, key = issue("content:read")
    response = file(client, key)
    assert response.status_code == 403 and "reports:submit" in response.json()["error"]["message"]
    assert not HotlineReport.objects.exists()


def test_the_intake_rules_hold_for_platforms(client, issue):
    _record, key = issue("reports:submit")
    bad = file(client, key, {**REPORT, "urls": ["ftp://bad.example/x"]})
    assert bad.status_code == 400 and "urls" in bad.json()["error"]["fields"]
    first = file(client, key, **{"Idempotency-Key": "abc"})
    again = file(client, key, **{"Idempotency-Key": "abc"})
    assert first.status_code == 201
    assert again.json()["reference"] == first.json()["reference"] and again["Idempotent-Replayed"] == "true"
    # Another client using the same Idempotency-Key files its own report.
    other = file(client, None, **{"Idempotency-Key": "abc"})
    assert other.status_code == 201 and other.json()["reference"] != first.json()["reference"]


def test_platforms_have_their_own_report_limit(client, issue, settings):
    settings.HOTLINE_RATE_LIMIT = "1/hour"
    settings.HOTLINE_PARTNER_RATE_LIMIT = "3/hour"
    _record, key = issue("reports:submit")
    assert [file(client, key).status_code for _ in range(4)] == [201, 201, 201, 429]
    assert file(client, None).status_code == 201  # the anonymous limit is counted apart


def test_a_partner_that_filed_reports_is_kept_and_can_be_made_inactive(client, partner, issue, administrator):
    _record, key = issue("reports:submit")
    assert file(client, key).status_code == 201
    client.force_login(administrator)
    response = client.post(f"/admin/partners/delete/{partner.pk}/", follow=True)
    assert response.status_code == 200
    assert type(partner).objects.filter(pk=partner.pk).exists()
    assert "make it inactive instead" in response.content.decode() or "neaktivní" in response.content.decode()


def test_a_delivery_is_exactly_what_docs_partners_md_describes(
    partner, resource, django_capture_on_commit_callbacks, settings
):
    receiver = Receiver()
    receiver.delay = 0.2
    with webhook_receiver(receiver) as url:
        subscription = subscribe(partner, url)
        assert re.fullmatch(r"whsec_[A-Za-z0-9_-]{43}", subscription.secret)
        receiver.secret = subscription.secret
        publish(resource, django_capture_on_commit_callbacks)
    ((headers, body),) = receiver.requests
    delivery = WebhookDelivery.objects.get()
    assert body == json.dumps(delivery.payload, separators=(",", ":")).encode()  # compact, as signed
    payload = json.loads(body)
    assert sorted(payload) == ["created", "data", "event", "id"] and payload["event"] == "resource.published"
    assert str(uuid.UUID(payload["id"])) == payload["id"] and headers["X-SIC-Delivery"] == payload["id"]
    assert timezone.datetime.fromisoformat(payload["created"]) <= timezone.now()
    assert (headers["Content-Type"], headers["X-SIC-Event"]) == ("application/json", "resource.published")
    assert headers["User-Agent"] == "SaferInternetCMS-webhooks/1.0"
    assert receiver.received[0][2] is True
    assert (delivery.state, delivery.last_error) == ("delivered", "") and 200 <= delivery.duration_ms < 5000


@pytest.mark.parametrize(("status", "delivered"), [(200, True), (204, True), (299, True), (300, False), (404, False)])
def test_only_a_2xx_answer_delivers(partner, status, delivered):
    receiver = Receiver(statuses=[status])
    with webhook_receiver(receiver) as url:
        subscribe(partner, url)
        (delivery,) = webhooks.queue_event("resource.published", {"event": "resource.published", "data": {}})
        assert webhooks.attempt(WebhookDelivery.objects.get(pk=delivery.pk)) is delivered
    delivery.refresh_from_db()
    expected = ("delivered", "") if delivered else ("pending", f"HTTP {status}")
    assert (delivery.state, delivery.last_error, delivery.last_status) == (*expected, status)


def test_failures_in_a_row_count_one_each_and_a_success_starts_again(partner):
    receiver = Receiver(statuses=[500, 500, 200, 500])
    with webhook_receiver(receiver) as url:
        subscription = subscribe(partner, url)
        counts = []
        for _attempt in range(4):
            webhooks.queue_event("resource.published", {"event": "resource.published", "data": {}})
            webhooks.deliver_due()
            subscription.refresh_from_db()
            counts.append(subscription.failures_in_a_row)
    assert counts == [1, 2, 0, 1]


def test_only_active_subscriptions_of_active_partners_get_deliveries(partner):
    from cms.partners.models import Partner

    other = Partner.objects.create(name="Jiná škola", kind="school", contact_email="", origins="")
    live = subscribe(partner, "https://hooks.zs.example/a")
    WebhookSubscription.objects.filter(pk=subscribe(partner, "https://hooks.zs.example/b").pk).update(active=False)
    subscribe(other, "https://hooks.other.example/c")
    Partner.objects.filter(pk=other.pk).update(active=False)
    subscribe(partner, "https://hooks.zs.example/news", "news.published")
    deliveries = webhooks.queue_event("resource.published", {"event": "resource.published", "data": {}})
    assert [delivery.subscription_id for delivery in deliveries] == [live.pk]


def test_a_run_goes_on_past_a_disabled_subscription_in_the_order_deliveries_fell_due(partner, settings):
    """Due first, tried first (not in the order they were made); a subscription disabled on
    the way is skipped, the others are still delivered, and the counts are of this run."""
    settings.WEBHOOK_DISABLE_AFTER = 1
    failing, working = Receiver(statuses=[500] * 5), Receiver()
    with webhook_receiver(failing) as failing_url, webhook_receiver(working) as working_url:
        broken, healthy = subscribe(partner, failing_url), subscribe(partner, working_url)
        webhooks.queue_event("resource.published", {"event": "resource.published", "data": {"n": 1}})
        webhooks.queue_event("resource.published", {"event": "resource.published", "data": {"n": 2}})
        now = timezone.now()
        minutes_ago = {(broken.pk, 2): 10, (healthy.pk, 2): 9, (broken.pk, 1): 8, (healthy.pk, 1): 7}
        for delivery in WebhookDelivery.objects.all():
            ago = minutes_ago[(delivery.subscription_id, delivery.payload["data"]["n"])]
            WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=now - timezone.timedelta(minutes=ago))
        assert webhooks.deliver_due() == (2, 1)
        assert webhooks.deliver_due() == (0, 0)  # delivered and failed ones are not tried again
    assert [payload["data"]["n"] for _event, payload, _valid in working.received] == [2, 1]
    assert len(failing.received) == 1
    states = dict(WebhookDelivery.objects.filter(subscription=broken).values_list("payload__data__n", "state"))
    assert states == {1: "failed", 2: "failed"}
    assert set(WebhookDelivery.objects.filter(subscription=healthy).values_list("state", flat=True)) == {"delivered"}
    (message,) = mail.outbox
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == f"Webhook vypnut: {failing_url}"
    assert message.body == (
        f"Doručení na {failing_url} selhalo 1× za sebou, proto byl odběr vypnut. "
        "Až bude adresa znovu odpovídat stavem 2xx, požádejte centrum o jeho zapnutí."
    )


def test_disabling_fails_only_the_pending_deliveries_of_that_subscription(partner, settings):
    settings.WEBHOOK_DISABLE_AFTER = 1
    receiver = Receiver(statuses=[200, 500])
    with webhook_receiver(receiver) as url:
        subscribe(partner, url)
        webhooks.queue_event("resource.published", {"event": "resource.published", "data": {"n": 1}})
        assert webhooks.deliver_due() == (1, 0)
        webhooks.queue_event("resource.published", {"event": "resource.published", "data": {"n": 2}})
        webhooks.queue_event("resource.published", {"event": "resource.published", "data": {"n": 3}})
        assert webhooks.deliver_due() == (0, 1)
    states = dict(WebhookDelivery.objects.values_list("payload__data__n", "state"))
    assert states == {1: "delivered", 2: "failed", 3: "failed"}


def test_a_subscription_switched_off_by_the_centre_gets_nothing(partner):
    receiver = Receiver()
    with webhook_receiver(receiver) as url:
        subscription = subscribe(partner, url)
        (delivery,) = webhooks.queue_event("resource.published", {"event": "resource.published", "data": {}})
        WebhookSubscription.objects.filter(pk=subscription.pk).update(active=False)
        assert webhooks.deliver_due() == (0, 0)
        assert webhooks.deliver.call(delivery.pk) is None
    assert receiver.received == []
    assert WebhookDelivery.objects.get().state == "pending"  # kept, should it be switched on again


def test_every_failure_of_a_run_is_counted(partner, settings):
    settings.WEBHOOK_DISABLE_AFTER = 100
    first, second = Receiver(statuses=[500]), Receiver(statuses=[503])
    with webhook_receiver(first) as first_url, webhook_receiver(second) as second_url:
        subscribe(partner, first_url)
        subscribe(partner, second_url)
        webhooks.queue_event("resource.published", {"event": "resource.published", "data": {}})
        assert webhooks.deliver_due() == (0, 2)


def test_a_long_refusal_is_kept_to_300_characters(partner, settings):
    settings.OUTBOUND_ALLOW_LOOPBACK = False
    subscribe(partner, f"http://127.0.0.1/{'x' * 400}")
    (delivery,) = webhooks.queue_event("resource.published", {"event": "resource.published", "data": {}})
    webhooks.attempt(WebhookDelivery.objects.get(pk=delivery.pk))
    delivery.refresh_from_db()
    assert delivery.last_error == "refused: 127.0.0.1 resolves to a loopback address"
    WebhookDelivery.objects.filter(pk=delivery.pk).update(last_error="")
    long_error = "refused: " + "y" * 400
    webhooks._record(delivery, False, None, long_error, time.monotonic())
    delivery.refresh_from_db()
    assert delivery.last_error == long_error[:300]
