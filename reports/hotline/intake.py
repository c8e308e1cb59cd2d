"""Receiving a hotline report: one transaction, one reference, addresses joined when open.

Nothing about the person who reports is taken from the request: no address, no user
agent, no cookie. What they choose to give (an e-mail address, with consent) is
encrypted.
"""

import enum
import hashlib
import json
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from cms.core.scopes import Scope

from ..models import (
    AuditEntry,
    CaseEvent,
    Category,
    Channel,
    HotlineReport,
    IntakeReceipt,
    ReferenceSequence,
    ReportedUrl,
    ReportedUrlLink,
    audit,
)
from .reported_urls import url_hash

REFERENCE_PREFIX = "HL"
# Said wherever a file is refused (API and form): the person must learn why.
FILES_REFUSED = gettext_lazy(
    "Never send images, videos or other files, not even as evidence: sending them is a crime. "
    "Give only the addresses where the content is."
)
MAX_IDEMPOTENCY_KEY_LENGTH = 255


class IdempotencyConflict(Exception):
    """The Idempotency-Key was used before for a different report."""


class ScopeMissing(Exception):
    """The platform's API key may not file reports (no ``reports:submit`` scope)."""


class OverQuota(Exception):
    """This client filed as many reports as its limit allows; ``wait`` seconds until more."""

    def __init__(self, wait):
        super().__init__(wait)
        self.wait = wait


class Outcome(enum.Enum):
    OUT_OF_REMIT = "out of remit"  # not illegal content: nothing stored, the helpline is offered
    DECOY = "decoy"  # the honeypot was filled: answered like a receipt, nothing stored
    STORED = "stored"


@dataclass
class Receipt:
    report: HotlineReport
    status_token: str
    created: bool  # False when an Idempotency-Key had been answered before


@dataclass
class Submission:
    outcome: Outcome
    receipt: Receipt = None  # when stored
    decoy: dict = None  # when a decoy: the reference and token shown


def in_remit(data):
    """The hotline takes illegal content only; other worries go to the helpline."""
    return data["category"] in Category.values


def is_spam(data):
    """The hidden field people never see was filled: software filled every field."""
    return bool(data.get("homepage"))


def submit(data, channel, *, idempotency_key="", partner_key=None, quota=None):
    """The one way a report comes in (API and site form), from validated ``data``.

    The rules, in this order: out of remit (nothing stored, nothing counted) → the API
    key's scope (ScopeMissing) → the report quota (``quota()`` raises OverQuota) → the
    honeypot (a decoy) → stored. A reused Idempotency-Key with other contents raises
    IdempotencyConflict, except from the site form: that is the page sent again after an
    edit (back, edit, send), a new report.
    """
    if not in_remit(data):
        return Submission(Outcome.OUT_OF_REMIT)
    if partner_key is not None and not partner_key.allows(Scope.REPORTS_SUBMIT):
        raise ScopeMissing
    if quota is not None:
        quota()
    if is_spam(data):
        return Submission(Outcome.DECOY, decoy=decoy_receipt())
    partner = partner_key.partner if partner_key is not None else None
    channel = Channel.PARTNER if partner else channel
    try:
        receipt = receive_report(data, channel, idempotency_key, partner=partner)
    except IdempotencyConflict:
        if channel != Channel.WEB:
            raise
        receipt = receive_report(data, channel)
    return Submission(Outcome.STORED, receipt)


def decoy_receipt():
    """What a honeypot hit is answered with: shaped like a receipt, nothing stored, so the
    software that filled the hidden field learns nothing."""
    reference = f"{REFERENCE_PREFIX}-{timezone.now().year}-{secrets.randbelow(10**6):06d}"
    return {"reference": reference, "status_token": secrets.token_urlsafe(24)}


def _key_hash(key):
    return hashlib.sha256(key.encode()).hexdigest()


def _request_hash(data, channel):
    """A fingerprint of what is filed, to tell a retry from another report with the same key."""
    return hashlib.sha256(json.dumps([channel, data], sort_keys=True, default=str).encode()).hexdigest()


def namespace_of(channel, partner=None):
    """Whose Idempotency-Keys these are: one partner's, the site form's, or the API's
    anonymous clients'. Kept in its own column, so a key can never name another namespace."""
    if partner is not None:
        return f"partner:{partner.pk}"
    return "form" if channel == "web" else "api"


def _earlier_receipt(namespace, key_hash, request_hash):
    receipt = IntakeReceipt.objects.select_related("report").filter(namespace=namespace, key_hash=key_hash).first()
    if receipt is None:
        return None
    if receipt.request_hash != request_hash:
        raise IdempotencyConflict
    return Receipt(receipt.report, receipt.status_token, created=False)


def _attach_url(report, url, host, now):
    digest = url_hash(url)
    open_record = ReportedUrl.objects.select_for_update().exclude(state=ReportedUrl.State.CLOSED)
    record = open_record.filter(url_hash=digest).first()
    joined = record is not None
    if not joined:
        record = ReportedUrl.objects.create(url=url, url_hash=digest, host=host, first_reported_at=now)
    ReportedUrlLink.objects.create(report=report, reported_url=record, created_at=now, joined_existing=joined)
    if joined:
        CaseEvent.objects.create(report=report, reported_url=record, kind=CaseEvent.Kind.JOINED, created_at=now)


def receive_report(data, channel, idempotency_key="", partner=None):
    """Store a report from validated ``data`` (``urls`` as ``(url, host)`` pairs); ``partner``
    is the platform that filed it with its API key (its Idempotency-Keys are its own).

    Raises IdempotencyConflict when the key was used before for a different report.
    """
    key = None
    if idempotency_key:
        key = (namespace_of(channel, partner), _key_hash(idempotency_key), _request_hash(data, channel))
        if earlier := _earlier_receipt(*key):
            return earlier
    try:
        with transaction.atomic():
            return _store(data, channel, key, partner)
    except IntegrityError:
        # A request running at the same time stored the same Idempotency-Key (answer with
        # its report) or opened a record for one of the same addresses (this retry joins it).
        if key and (earlier := _earlier_receipt(*key)):
            return earlier
        with transaction.atomic():
            return _store(data, channel, key, partner)


def _store(data, channel, key, partner=None):
    now = timezone.now()
    email = data.get("reporter_email") or ""
    report = HotlineReport(
        reference=ReferenceSequence.next_reference(REFERENCE_PREFIX, now),
        received_at=now,
        channel=channel,
        partner=partner,
        category=data["category"],
        source_type=data["source_type"],
        source_details=data.get("source_details") or {},
        description=data.get("description") or "",
        language=data.get("language") or settings.LANGUAGE_CODE,
        reporter_email=email,
        wants_feedback=bool(email and data.get("wants_feedback")),
        consent_at=now if email else None,
    )
    token = report.new_status_token()
    report.save()
    for url, host in data["urls"]:
        _attach_url(report, url, host, now)
    CaseEvent.objects.create(
        report=report,
        kind=CaseEvent.Kind.RECEIVED,
        created_at=now,
        details={"channel": channel, "addresses": len(data["urls"])},
    )
    audit(None, AuditEntry.Action.CREATE, report, channel)
    if key:
        namespace, key_hash, request_hash = key
        IntakeReceipt.objects.create(
            namespace=namespace,
            key_hash=key_hash,
            request_hash=request_hash,
            report=report,
            status_token=token,
            created_at=now,
        )
    return Receipt(report, token, created=True)


def public_status(reference, token):
    """The report whose status ``token`` may read, or None when the reference or the token
    is wrong (the two cannot be told apart). Its ``status`` is coarse by design."""
    report = HotlineReport.objects.filter(reference=(reference or "").strip().upper()).first()
    if report is None or not report.token_matches(token or ""):
        return None
    return report
