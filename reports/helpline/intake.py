"""Receiving a helpline contact: one transaction, a reference ``PO-YYYY-nnnnnn`` and a
status token with which the person reads the answers and writes back.

As on the hotline, nothing about the person is taken from the request (no address, no
user agent, no cookie); what they choose to tell (a nickname, an e-mail address for the
answer, the message) is encrypted. A contact about suicide, self-harm or sextortion is
urgent from the start.
"""

from django.conf import settings
from django.utils import timezone

from cms.core import submission
from cms.core.scopes import Scope

from ..models import (
    CRISIS_CATEGORIES,
    AgeBand,
    AnswerBy,
    AuditEntry,
    ContactCategory,
    ContactEvent,
    ContactMessage,
    ContactStatus,
    Gender,
    HelplineContact,
    HelplineReceipt,
    Platform,
    ReferenceSequence,
    Role,
    audit,
)

REFERENCE_PREFIX = "PO"


def submit(data, channel, *, idempotency_key="", partner_key=None, quota=None):
    """The one way a contact comes in: the API, the site's form, platforms with the
    ``helpline:submit`` scope, and the hotline's hand-off (``reports.handoff``)."""
    filing = submission.Filing(channel, idempotency_key, partner_key, quota)
    return submission.submit(HELPLINE, data, filing)


def receive_contact(data, channel):
    """Store a contact from validated ``data`` (no Idempotency-Key, no partner: the demo and tests)."""
    return submission.receive(HELPLINE, data, channel)


def _store(data, channel, partner=None):
    now = timezone.now()
    categories = list(dict.fromkeys(data.get("categories") or []))
    answer_by = data.get("answer_by") or AnswerBy.STATUS_PAGE
    email = (data.get("email") or "") if answer_by == AnswerBy.EMAIL else ""
    contact = HelplineContact(
        reference=ReferenceSequence.next_reference(REFERENCE_PREFIX, now),
        received_at=now,
        channel=channel,
        partner=partner,
        nickname=data.get("nickname") or "",
        age_band=data.get("age_band") or AgeBand.UNKNOWN,
        gender=data.get("gender") or Gender.UNKNOWN,
        role=data.get("role") or Role.OTHER,
        platform=data.get("platform") or Platform.UNKNOWN,
        language=data.get("language") or settings.LANGUAGE_CODE,
        answer_by=answer_by,
        email=email,
        consent_at=now,
        urgent=any(category in CRISIS_CATEGORIES for category in categories),
    )
    token = contact.new_status_token()
    contact.save()
    ContactCategory.objects.bulk_create(ContactCategory(contact=contact, category=code) for code in categories)
    ContactMessage.objects.create(
        contact=contact, kind=ContactMessage.Kind.FROM_PERSON, text=data["message"], created_at=now
    )
    ContactEvent.objects.create(
        contact=contact, kind=ContactEvent.Kind.RECEIVED, created_at=now, details={"channel": channel}
    )
    audit(None, AuditEntry.Action.CREATE, contact, channel)
    return contact, token


HELPLINE = submission.Intake(
    prefix=REFERENCE_PREFIX,
    initial_status=ContactStatus.NEW,
    scope=Scope.HELPLINE_SUBMIT,
    receipts=HelplineReceipt,
    record_field="contact",
    store=_store,
)
