"""Receiving what schools send the Academy: a workshop inquiry (``AK-YYYY-nnnnnn``) or a
registration for a programme's seats (``AP-YYYY-nnnnnn``), each in one transaction with
its confirmation e-mail queued for the worker. The same rules as every public intake
(``cms.core.submission``): a platform's key needs the ``academy:submit`` scope, then the
quota, the honeypot, and an Idempotency-Key answered once.

Seats: a registration locks the programme's original page while it counts the confirmed
seats, so two schools asking for the last seat at once are served one after the other:
one gets it, the other the waiting list. Once anyone waits, newcomers queue behind them.
"""

import secrets

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Page

from cms.core import submission
from cms.core.scopes import Scope

from ..models.academy import ProgrammePage
from ..models.academy_cases import (
    INQUIRY_PREFIX,
    REGISTRATION_PREFIX,
    AcademyEmailKind,
    InquiryReceipt,
    InquiryStatus,
    ProgrammeRegistration,
    RegistrationReceipt,
    RegistrationStatus,
    WorkshopInquiry,
)
from .emails import queue_email


class RegistrationClosed(Exception):
    """The programme takes no registrations (closed by staff, or already begun)."""


def submit_inquiry(data, channel, *, idempotency_key="", partner_key=None, quota=None):
    """The one way an inquiry comes in: the API, the Academy's form, platforms."""
    return submission.submit(INQUIRY, data, submission.Filing(channel, idempotency_key, partner_key, quota))


def submit_registration(data, channel, *, idempotency_key="", partner_key=None, quota=None):
    """The one way a registration comes in; RegistrationClosed when the programme takes none."""
    return submission.submit(REGISTRATION, data, submission.Filing(channel, idempotency_key, partner_key, quota))


def _numbered(record, prefix, now):
    """The reference comes from the row's number: unique without a sequence table."""
    record.reference = f"{prefix}-{now.year}-{record.pk:06d}"
    record.save(update_fields=["reference"])


def _store_inquiry(data, channel, partner=None):
    now = timezone.now()
    inquiry = WorkshopInquiry.objects.create(
        reference=f"{INQUIRY_PREFIX}-{secrets.token_hex(8)}",  # until the row has its number
        received_at=now,
        status_changed_at=now,
        language=data.get("language") or settings.LANGUAGE_CODE,
        channel=channel,
        organisation=data["organisation"],
        ico=data.get("ico") or "",
        region=data["region"],
        contact_name=data["contact_name"],
        email=data["email"],
        phone=data.get("phone") or "",
        group_size=data["group_size"],
        preferred_dates=data.get("preferred_dates") or "",
        workshop=data.get("workshop"),
        programme=data.get("programme"),
        message=data.get("message") or "",
    )
    _numbered(inquiry, INQUIRY_PREFIX, now)
    inquiry.audiences.set(data["audiences"])
    inquiry.topics.set(data.get("topics") or [])
    queue_email(AcademyEmailKind.INQUIRY_RECEIVED, inquiry=inquiry)
    return inquiry, ""  # no status token: the Academy answers by e-mail or telephone


def seats_taken(holder):
    return holder.registrations.filter(status=RegistrationStatus.CONFIRMED).aggregate(taken=Sum("seats"))["taken"] or 0


def lock_seats(programme):
    """The programme's original page, its row locked until the transaction ends (PostgreSQL;
    SQLite's immediate transactions already hold the database's write lock)."""
    holder_pk = programme.seat_holder().pk
    Page.objects.select_for_update().filter(pk=holder_pk).values_list("pk", flat=True).first()
    return ProgrammePage.objects.get(pk=holder_pk)


def _store_registration(data, channel, partner=None):
    now = timezone.now()
    programme = ProgrammePage.objects.get(pk=data["programme"])  # the id asked for: its translation
    holder = lock_seats(programme)
    if not (programme.live and holder.accepts_registrations):
        raise RegistrationClosed
    anyone_waiting = holder.registrations.filter(status=RegistrationStatus.WAITING).exists()
    fits = seats_taken(holder) + data["seats"] <= holder.capacity
    status = RegistrationStatus.CONFIRMED if fits and not anyone_waiting else RegistrationStatus.WAITING
    registration = ProgrammeRegistration.objects.create(
        reference=f"{REGISTRATION_PREFIX}-{secrets.token_hex(8)}",
        received_at=now,
        status_changed_at=now,
        language=data.get("language") or settings.LANGUAGE_CODE,
        channel=channel,
        programme=holder,
        organisation=data["organisation"],
        contact_name=data["contact_name"],
        email=data["email"],
        seats=data["seats"],
        status=status,
    )
    _numbered(registration, REGISTRATION_PREFIX, now)
    kind = (
        AcademyEmailKind.REGISTRATION_CONFIRMED
        if status == RegistrationStatus.CONFIRMED
        else AcademyEmailKind.REGISTRATION_WAITING
    )
    queue_email(kind, registration=registration)
    return registration, ""


def promote_waiting(holder):
    """Seats came free (a cancellation, more capacity): confirm the waiting registrations in
    the order they came while they fit, each told by e-mail. Call inside a transaction
    that holds ``lock_seats``. Returns the registrations confirmed."""
    free = holder.capacity - seats_taken(holder)
    promoted = []
    for registration in holder.registrations.filter(status=RegistrationStatus.WAITING).order_by("received_at", "pk"):
        if registration.seats > free:
            break  # first come, first served: nobody jumps the queue
        free -= registration.seats
        registration.status = RegistrationStatus.CONFIRMED
        registration.status_changed_at = timezone.now()
        registration.save(update_fields=["status", "status_changed_at"])
        queue_email(AcademyEmailKind.REGISTRATION_PROMOTED, registration=registration)
        promoted.append(registration)
    return promoted


INQUIRY = submission.Intake(
    prefix=INQUIRY_PREFIX,
    initial_status=InquiryStatus.NEW,
    scope=Scope.ACADEMY_SUBMIT,
    receipts=InquiryReceipt,
    record_field="inquiry",
    store=_store_inquiry,
)
REGISTRATION = submission.Intake(
    prefix=REGISTRATION_PREFIX,
    initial_status=RegistrationStatus.CONFIRMED,
    scope=Scope.ACADEMY_SUBMIT,
    receipts=RegistrationReceipt,
    record_field="registration",
    store=_store_registration,
)
