"""Retention of what schools sent the Academy: after ``ACADEMY_RETENTION_DAYS``, a finished
inquiry (closed or declined) and the registrations of a programme that ended lose the
contact person's name, e-mail address and telephone, the message, the staff's notes and
the messages staff wrote to the school.
The organisation, region, audiences, group size, dates, outcome and seats stay: the impact
figures count them. Idempotency receipts are deleted after a day.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core.retention import RetentionJob

from ..models.academy_cases import (
    FINISHED,
    AcademyEmail,
    InquiryReceipt,
    ProgrammeRegistration,
    RegistrationReceipt,
    RegistrationStatus,
    WorkshopInquiry,
)


def _cutoff(now, days):
    return (now or timezone.now()) - timedelta(days=settings.ACADEMY_RETENTION_DAYS if days is None else days)


def due_inquiries(now=None, days=None):
    return WorkshopInquiry.objects.filter(
        status__in=FINISHED, status_changed_at__lt=_cutoff(now, days), anonymised_at__isnull=True
    )


def due_registrations(now=None, days=None):
    cutoff = _cutoff(now, days)
    past_programme = Q(programme__end__lt=timezone.localdate(cutoff))  # a programme's days are local
    cancelled_long_ago = Q(status=RegistrationStatus.CANCELLED, status_changed_at__lt=cutoff)
    return ProgrammeRegistration.objects.filter(past_programme | cancelled_long_ago, anonymised_at__isnull=True)


def apply_retention(now=None, days=None):
    """Blank the contact details due; ``(inquiries, registrations, receipts)`` counted."""
    now = now or timezone.now()
    due = list(due_inquiries(now, days).values_list("pk", flat=True))
    AcademyEmail.objects.filter(inquiry__in=due).update(text="")  # staff's messages to the school
    inquiries = WorkshopInquiry.objects.filter(pk__in=due).update(
        contact_name="", email="", phone="", message="", notes="", anonymised_at=now
    )
    registrations = due_registrations(now, days).update(contact_name="", email="", anonymised_at=now)
    receipts = InquiryReceipt.delete_expired(now) + RegistrationReceipt.delete_expired(now)
    return inquiries, registrations, receipts


def _due_sentence():
    return _(
        "Academy: %(inquiries)s finished inquiries and %(registrations)s registrations are older than %(days)s "
        "days and would be anonymised."
    ) % {
        "inquiries": due_inquiries().count(),
        "registrations": due_registrations().count(),
        "days": settings.ACADEMY_RETENTION_DAYS,
    }


def _apply_sentence():
    inquiries, registrations, receipts = apply_retention()
    return _(
        "Academy: anonymised %(inquiries)s finished inquiries and %(registrations)s registrations older than "
        "%(days)s days; deleted %(receipts)s expired receipts."
    ) % {
        "inquiries": inquiries,
        "registrations": registrations,
        "days": settings.ACADEMY_RETENTION_DAYS,
        "receipts": receipts,
    }


ACADEMY_RETENTION = RetentionJob("academy", due=_due_sentence, apply=_apply_sentence)
