"""Contacts that came by telephone, e-mail or in person, logged by the counsellor who took
them: the caller's profile, the categories, how long it took and how it ended. The
counsellor's summary is kept as an internal note (encrypted), never shown to anyone else."""

from django.db import transaction
from django.utils import timezone

from ..models import (
    CRISIS_CATEGORIES,
    AuditEntry,
    ContactCategory,
    ContactEvent,
    ContactMessage,
    ContactStatus,
    HelplineContact,
    ReferenceSequence,
    audit,
)
from .intake import REFERENCE_PREFIX


@transaction.atomic
def log_offline(data, user):
    """``data``: channel, received_at, duration_minutes, age_band, gender, role, platform,
    categories, summary, outcome (given = the contact is closed), language."""
    now = timezone.now()
    received = data.get("received_at") or now
    outcome = data.get("outcome") or ""
    categories = list(dict.fromkeys(data.get("categories") or []))
    contact = HelplineContact.objects.create(
        reference=ReferenceSequence.next_reference(REFERENCE_PREFIX, received),
        received_at=received,
        channel=data["channel"],
        age_band=data["age_band"],
        gender=data["gender"],
        role=data["role"],
        platform=data["platform"],
        language=data.get("language") or "cs",
        answer_by="none",
        duration_minutes=data.get("duration_minutes"),
        status=ContactStatus.CLOSED if outcome else ContactStatus.OPEN,
        urgent=any(category in CRISIS_CATEGORIES for category in categories),
        assigned_to=user,
        # Answered while it happened: the first reply is the contact itself.
        first_reply_at=received,
        closed_at=now if outcome else None,
        outcome=outcome,
    )
    ContactCategory.objects.bulk_create(ContactCategory(contact=contact, category=code) for code in categories)
    if data.get("summary"):
        ContactMessage.objects.create(
            contact=contact, kind=ContactMessage.Kind.NOTE, author=user, text=data["summary"], created_at=now
        )
    ContactEvent.objects.create(
        contact=contact,
        kind=ContactEvent.Kind.RECEIVED,
        actor=user,
        actor_name=user.get_username(),
        details={"channel": data["channel"], "logged": True},
    )
    if outcome:
        ContactEvent.objects.create(
            contact=contact,
            kind=ContactEvent.Kind.CLOSED,
            actor=user,
            actor_name=user.get_username(),
            details={"outcome": outcome},
        )
    audit(user, AuditEntry.Action.CREATE, contact, f"logged {data['channel']} contact")
    return contact
