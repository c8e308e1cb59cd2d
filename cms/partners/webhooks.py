"""Webhooks: partners hear when content they use is published or unpublished.

A publish or unpublish queues one delivery per subscription to the event; a background
task POSTs it (public addresses only, no redirects followed), signed with the
subscription's secret:

    X-SIC-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">

A failed attempt is tried again after 1, 2, 4, 8… minutes (``WEBHOOK_RETRY_BASE_SECONDS``)
up to ``WEBHOOK_MAX_ATTEMPTS`` by ``manage.py deliver_webhooks`` (cron, every minute).
A subscription that fails ``WEBHOOK_DISABLE_AFTER`` attempts in a row is disabled and the
partner's contact is told by e-mail.
"""

import hashlib
import hmac
import http.client
import json
import secrets
import time
import uuid

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.signals import page_published, page_unpublished

from cms.core import page_kinds, safe_http
from cms.core.batch import once_per_batch
from cms.core.resolver import NameNotFound, ResolverFailed
from cms.core.site_url import site_base_url

from .models import WebhookDelivery, WebhookSubscription

USER_AGENT = "SaferInternetCMS-webhooks/1.0"
SIGNATURE_HEADER = "X-SIC-Signature"


def new_secret():
    return "whsec_" + secrets.token_urlsafe(32)


def sign(secret, body, timestamp=None):
    """The signature header's value for ``body`` (bytes)."""
    timestamp = int(timestamp if timestamp is not None else time.time())
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def page_payload(page, event):
    kind = page_kinds.of_model(page.specific_class)
    return {
        "event": event,
        "created": timezone.now().isoformat(),
        "data": {
            "id": page.pk,
            "type": kind.name,
            "locale": page.locale.language_code,
            "title": page.title,
            "html_url": page.full_url,
            "api_url": f"{site_base_url()}/api/v1/{kind.api_path}/{page.pk}/",
        },
    }


def subscribed_to(event):
    """The active subscriptions to ``event`` (looked up once for a batch of changes)."""
    return once_per_batch(
        ("webhooks", event),
        lambda: [
            subscription
            for subscription in WebhookSubscription.objects.filter(active=True, partner__active=True)
            if event in subscription.events
        ],
    )


def queue_event(event, payload):
    """One delivery per active subscription to ``event``, sent after the commit.
    ``payload`` may be a callable, called only when someone is subscribed."""
    subscriptions = subscribed_to(event)
    if not subscriptions:
        return []
    payload = payload() if callable(payload) else payload
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(subscription=subscription, event=event, payload={"id": str(uuid.uuid4()), **payload})
        for subscription in subscriptions
    )
    for delivery in deliveries:
        transaction.on_commit(lambda pk=delivery.pk: deliver.enqueue(pk))
    return deliveries


def _page_event(page, action):
    kind = page_kinds.of_model(page.specific_class)
    if kind and action in kind.webhook_events:
        event = f"{kind.name}.{action}"
        # The payload (the page's address) is built only when someone listens.
        queue_event(event, lambda: page_payload(page, event))


@receiver(page_published, dispatch_uid="partners-webhooks-published")
def on_published(sender, instance, **kwargs):
    _page_event(instance, "published")


@receiver(page_unpublished, dispatch_uid="partners-webhooks-unpublished")
def on_unpublished(sender, instance, **kwargs):
    _page_event(instance, "unpublished")


def attempt(delivery):
    """POST ``delivery`` once and record the outcome; returns True when delivered."""
    subscription = delivery.subscription
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "X-SIC-Event": delivery.event,
        "X-SIC-Delivery": delivery.payload.get("id", ""),
        SIGNATURE_HEADER: sign(subscription.secret, body),
    }
    started = time.monotonic()
    status, error = None, ""
    try:
        status = safe_http.post(subscription.url, body, headers, user_agent=USER_AGENT)
    except safe_http.Refused as refusal:
        error = f"refused: {refusal}"
    except (NameNotFound, ResolverFailed, OSError, http.client.HTTPException) as failure:
        error = type(failure).__name__
    delivered = status is not None and 200 <= status < 300
    _record(delivery, delivered, status, error or ("" if delivered else f"HTTP {status}"), started)
    return delivered


def _record(delivery, delivered, status, error, started):
    now = timezone.now()
    attempts = delivery.attempts + 1
    changes = {
        "attempts": attempts,
        "last_attempt_at": now,
        "last_status": status,
        "last_error": error[:300],
        "duration_ms": int((time.monotonic() - started) * 1000),
    }
    if delivered:
        changes["state"] = WebhookDelivery.State.DELIVERED
    elif attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        changes["state"] = WebhookDelivery.State.FAILED
    else:
        wait = settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempts - 1)
        changes["next_attempt_at"] = now + timezone.timedelta(seconds=wait)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(**changes)
    subscriptions = WebhookSubscription.objects.filter(pk=delivery.subscription_id)
    if delivered:
        subscriptions.update(failures_in_a_row=0)
    else:
        subscriptions.update(failures_in_a_row=F("failures_in_a_row") + 1)
        _disable_if_failing(delivery.subscription_id)


def _disable_if_failing(subscription_id):
    subscription = WebhookSubscription.objects.select_related("partner").get(pk=subscription_id)
    if not subscription.active or subscription.failures_in_a_row < settings.WEBHOOK_DISABLE_AFTER:
        return
    WebhookSubscription.objects.filter(pk=subscription.pk).update(active=False, disabled_at=timezone.now())
    WebhookDelivery.objects.filter(subscription=subscription, state=WebhookDelivery.State.PENDING).update(
        state=WebhookDelivery.State.FAILED
    )
    if subscription.partner.contact_email:
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Webhook disabled: %(url)s") % {"url": subscription.url}
            body = _(
                "Deliveries to %(url)s failed %(count)s times in a row, so the subscription has been disabled. "
                "Once the address answers again with a 2xx status, ask the centre to enable it."
            ) % {"url": subscription.url, "count": subscription.failures_in_a_row}
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [subscription.partner.contact_email])


@task()
def deliver(delivery_id):
    delivery = _deliverable().filter(pk=delivery_id).first()
    return attempt(delivery) if delivery else None


def _deliverable():
    """Deliveries still to make, to active subscriptions (read afresh before each attempt)."""
    return WebhookDelivery.objects.select_related("subscription").filter(
        state=WebhookDelivery.State.PENDING, subscription__active=True
    )


def deliver_due():
    """Try every delivery whose time has come; returns ``(delivered, failed)`` counts."""
    delivered = failed = 0
    due = _deliverable().filter(next_attempt_at__lte=timezone.now()).order_by("next_attempt_at", "pk")
    for delivery_id in list(due.values_list("pk", flat=True)):
        # Read again: a failure just before may have disabled the subscription.
        delivery = _deliverable().filter(pk=delivery_id).first()
        if delivery is None:
            continue
        if attempt(delivery):
            delivered += 1
        else:
            failed += 1
    return delivered, failed


@task()
def deliver_due_webhooks():
    delivered, failed = deliver_due()
    return {"delivered": delivered, "failed": failed}
