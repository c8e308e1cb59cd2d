"""What counsellors do to a contact, each step one transaction with its event and audit entry.

Every step names the contact version its form was built from; if the contact changed since
(a colleague saved first, or the person wrote back), the step is refused with
``StaleContact`` and nothing is written. Events hold codes and counts only: the texts of
replies and notes live, encrypted, in ``ContactMessage``.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    CRISIS_CATEGORIES,
    AuditEntry,
    ContactCategory,
    ContactEvent,
    ContactMessage,
    ContactStatus,
    HelplineCase,
    HelplineContact,
    ReferenceSequence,
    Referral,
    audit,
)
from .emails import queue_reply_email

CASE_PREFIX = "PK"


class StaleContact(Exception):
    def __init__(self):
        super().__init__(
            _(
                "Someone changed this contact in the meantime (a colleague, or the person wrote). "
                "Review it as it is now and try again."
            )
        )


class ClosedContact(Exception):
    def __init__(self):
        super().__init__(_("This contact is closed."))


def record_event(contact, user, kind, summary, **details):
    ContactEvent.objects.create(
        contact=contact, kind=kind, actor=user, actor_name=user.get_username() if user else "", details=details
    )
    audit(user, AuditEntry.Action.CHANGE, contact, summary)


def claim(contact, version, **changes):
    """Raise the version from ``version`` and apply ``changes``, or raise StaleContact."""
    updated = HelplineContact.objects.filter(pk=contact.pk, version=version).update(version=F("version") + 1, **changes)
    if not updated:
        raise StaleContact
    contact.refresh_from_db()


def refuse_if_closed(contact):
    if contact.status == ContactStatus.CLOSED:
        raise ClosedContact


def _started(contact):
    return ContactStatus.OPEN if contact.status == ContactStatus.NEW else contact.status


@transaction.atomic
def assign(contact, user, version, counsellor=None):
    refuse_if_closed(contact)
    counsellor = counsellor or user
    claim(contact, version, assigned_to=counsellor, status=_started(contact))
    record_event(contact, user, ContactEvent.Kind.ASSIGNED, "assigned", counsellor=counsellor.get_username())


@transaction.atomic
def reply(contact, user, version, text):
    """A reply the person reads on the status page (and by e-mail when they asked for it)."""
    refuse_if_closed(contact)
    now = timezone.now()
    changes = {"status": ContactStatus.WAITING, "first_reply_at": contact.first_reply_at or now}
    if contact.assigned_to_id is None:
        changes["assigned_to"] = user
    claim(contact, version, **changes)
    message = ContactMessage.objects.create(
        contact=contact, kind=ContactMessage.Kind.REPLY, author=user, text=text, created_at=now
    )
    record_event(contact, user, ContactEvent.Kind.REPLIED, "reply sent", length=len(text))
    queue_reply_email(message)
    return message


@transaction.atomic
def add_note(contact, user, version, text):
    claim(contact, version)
    ContactMessage.objects.create(contact=contact, kind=ContactMessage.Kind.NOTE, author=user, text=text)
    record_event(contact, user, ContactEvent.Kind.NOTE, "note added")


@transaction.atomic
def categorise(contact, user, version, category, subcategory=None):
    """Add a category (and subcategory); a crisis category makes the contact urgent."""
    changes = {"urgent": True} if category in CRISIS_CATEGORIES else {}
    claim(contact, version, **changes)
    ContactCategory.objects.get_or_create(contact=contact, category=category, subcategory=subcategory)
    details = {"category": category, "subcategory": subcategory.slug if subcategory else ""}
    record_event(contact, user, ContactEvent.Kind.CATEGORISED, f"categorised: {category}", **details)


@transaction.atomic
def uncategorise(contact, user, version, item):
    claim(contact, version)
    ContactCategory.objects.filter(pk=item.pk, contact=contact).delete()
    record_event(contact, user, ContactEvent.Kind.CATEGORISED, "category removed", removed=item.category)


@transaction.atomic
def set_urgent(contact, user, version, urgent):
    claim(contact, version, urgent=urgent)
    record_event(contact, user, ContactEvent.Kind.URGENCY, "urgency changed", urgent=urgent)


@transaction.atomic
def refer(contact, user, version, service, hotline_report=None):
    claim(contact, version)
    referral = Referral.objects.create(contact=contact, service=service, hotline_report=hotline_report, created_by=user)
    details = {"service": service.kind}
    if hotline_report is not None:
        details["hotline_report"] = hotline_report.reference
    record_event(contact, user, ContactEvent.Kind.REFERRED, f"referred: {service.kind}", **details)
    return referral


@transaction.atomic
def follow_up(contact, user, version, day):
    claim(contact, version, follow_up_on=day)
    record_event(contact, user, ContactEvent.Kind.FOLLOW_UP, "follow-up date", day=day.isoformat() if day else "")


@transaction.atomic
def link_case(contact, user, version, case=None):
    """Link the contact to ``case``, or to a new case opened for it."""
    if case is None:
        now = timezone.now()
        case = HelplineCase.objects.create(
            reference=ReferenceSequence.next_reference(CASE_PREFIX, now), opened_at=now, opened_by=user
        )
        audit(user, AuditEntry.Action.CREATE, case)
    claim(contact, version, case=case)
    record_event(contact, user, ContactEvent.Kind.CASE, f"linked to case {case.reference}", case=case.reference)
    return case


@transaction.atomic
def close(contact, user, version, outcome):
    refuse_if_closed(contact)
    claim(contact, version, status=ContactStatus.CLOSED, closed_at=timezone.now(), outcome=outcome)
    record_event(contact, user, ContactEvent.Kind.CLOSED, f"closed: {outcome}", outcome=outcome)


@transaction.atomic
def reopen(contact, user, version):
    if contact.status != ContactStatus.CLOSED:
        return
    if contact.anonymised_at:
        raise ClosedContact
    claim(contact, version, status=ContactStatus.OPEN, closed_at=None, outcome="")
    record_event(contact, user, ContactEvent.Kind.REOPENED, "reopened")
