"""What every public intake shares (hotline reports and helpline contacts today; any
form the public sends in, whatever domain keeps it): the order of the rules, the honeypot,
Idempotency-Keys kept per submitter, and the errors the API and the site's forms turn into
answers. It knows no domain: each intake brings its models and how it stores.

An intake supplies ``store(data, channel, key, partner) -> Receipt`` that writes its
records in one transaction; ``receive`` wraps it with the Idempotency-Key receipt, and
``submit`` with the rules: the API key's scope → the quota → the honeypot → stored.
"""

import enum
import hashlib
import json
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

MAX_IDEMPOTENCY_KEY_LENGTH = 255
WEB = "web"  # the site's form: its keys are its own, and a reused one files anew
PARTNER = "partner"


class IdempotencyConflict(Exception):
    """The Idempotency-Key was used before for a different submission."""


class ScopeMissing(Exception):
    """The platform's API key lacks the scope this intake needs."""


class OverQuota(Exception):
    """This client filed as many as its limit allows; ``wait`` seconds until more."""

    def __init__(self, wait):
        super().__init__(wait)
        self.wait = wait


class Outcome(enum.Enum):
    OUT_OF_REMIT = "out of remit"  # the hotline only: not illegal content, nothing stored
    DECOY = "decoy"  # the honeypot was filled: answered like a receipt, nothing stored
    STORED = "stored"


@dataclass
class Receipt:
    record: object  # the report or contact stored
    status_token: str
    created: bool  # False when an Idempotency-Key had been answered before


@dataclass
class Submission:
    outcome: Outcome
    receipt: Receipt = None  # when stored
    decoy: dict = None  # when a decoy: the reference and token shown


@dataclass(frozen=True)
class Intake:
    """One kind of intake: its reference prefix, the partner scope it needs, where its
    Idempotency-Key receipts live (model and the field naming the record) and how it stores."""

    prefix: str
    initial_status: str
    scope: str
    receipts: type
    record_field: str
    store: object  # callable(data, channel, partner) -> (record, status_token)


def is_spam(data):
    """The hidden field people never see was filled: software filled every field."""
    return bool(data.get("homepage"))


def decoy_receipt(intake):
    """Shaped like a receipt, nothing stored, so the software that filled the hidden field
    learns nothing."""
    reference = f"{intake.prefix}-{timezone.now().year}-{secrets.randbelow(10**6):06d}"
    return {"reference": reference, "status_token": secrets.token_urlsafe(24), "status": intake.initial_status}


@dataclass(frozen=True)
class Filing:
    """How a submission came: the channel, its Idempotency-Key, the partner's API key
    (None for the public) and the quota to count it against (a callable, or None)."""

    channel: str
    idempotency_key: str = ""
    partner_key: object = None
    quota: object = None


def submit(intake, data, filing):
    """The rules, in order: the API key's scope (ScopeMissing) → the quota (``quota()``
    raises OverQuota) → the honeypot (a decoy) → stored. A reused Idempotency-Key with other
    contents raises IdempotencyConflict, except from the site's form: that is the page sent
    again after an edit (back, edit, send), a new submission."""
    if filing.partner_key is not None and not filing.partner_key.allows(intake.scope):
        raise ScopeMissing
    if filing.quota is not None:
        filing.quota()
    if is_spam(data):
        return Submission(Outcome.DECOY, decoy=decoy_receipt(intake))
    partner = filing.partner_key.partner if filing.partner_key is not None else None
    channel = PARTNER if partner else filing.channel
    try:
        receipt = receive(intake, data, channel, filing.idempotency_key, partner=partner)
    except IdempotencyConflict:
        if channel != WEB:
            raise
        receipt = receive(intake, data, channel)
    return Submission(Outcome.STORED, receipt)


def namespace_of(channel, partner=None):
    """Whose Idempotency-Keys these are: one partner's, the site form's, or the API's
    anonymous clients'. Kept in its own column, so a key can never name another namespace."""
    if partner is not None:
        return f"partner:{partner.pk}"
    return "form" if channel == WEB else "api"


def _hash(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _request_hash(data, channel):
    """A fingerprint of what is filed, to tell a retry from another submission with the same key."""
    return _hash(json.dumps([channel, data], sort_keys=True, default=str))


def _earlier(intake, key):
    namespace, key_hash, request_hash = key
    receipt = (
        intake.receipts.objects.select_related(intake.record_field)
        .filter(namespace=namespace, key_hash=key_hash)
        .first()
    )
    if receipt is None:
        return None
    if receipt.request_hash != request_hash:
        raise IdempotencyConflict
    return Receipt(getattr(receipt, intake.record_field), receipt.status_token, created=False)


def receive(intake, data, channel, idempotency_key="", partner=None):
    """Store validated ``data`` once per Idempotency-Key; IdempotencyConflict when the key
    was used before for something else."""
    key = None
    if idempotency_key:
        key = (namespace_of(channel, partner), _hash(idempotency_key), _request_hash(data, channel))
        if earlier := _earlier(intake, key):
            return earlier
    try:
        with transaction.atomic():
            return _store_with_receipt(intake, data, channel, key, partner)
    except IntegrityError:
        # A request running at the same time stored the same Idempotency-Key (answer with
        # its record), or another unique row of the intake's (the retry stores again).
        if key and (earlier := _earlier(intake, key)):
            return earlier
        with transaction.atomic():
            return _store_with_receipt(intake, data, channel, key, partner)


def _store_with_receipt(intake, data, channel, key, partner):
    record, token = intake.store(data, channel, partner)
    if key:
        namespace, key_hash, request_hash = key
        intake.receipts.objects.create(
            namespace=namespace,
            key_hash=key_hash,
            request_hash=request_hash,
            status_token=token,
            created_at=record.received_at,
            **{intake.record_field: record},
        )
    return Receipt(record, token, created=True)
