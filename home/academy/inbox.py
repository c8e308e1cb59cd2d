"""The Academy's staff inbox: the rules of an inquiry's life (new → in discussion →
scheduled → held → closed, or declined) and of a registration's, said once for the admin
screens and anything else that changes them. Staff answer the school from the inbox: the
message goes by e-mail, and a scheduled workshop's date goes with its calendar file.

A scheduled workshop becomes an event: a draft event page in the inquiry's language,
under that language's events page, with the date, the place and the audiences. Staff
publish it when the school agrees to it being public; its calendar file is there either
way.
"""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models.academy_cases import (
    NEXT_STATUSES,
    AcademyEmailKind,
    InquiryStatus,
    RegistrationStatus,
    WorkshopInquiry,
)
from ..models.events import EventIndexPage, EventPage
from .calendar import workshop_title
from .emails import queue_email
from .intake import lock_seats, promote_waiting, seats_taken


def inquiry_errors(inquiry, previous_status):
    """``{field: message}`` of what keeps ``inquiry`` from moving to its status."""
    errors = {}
    status = inquiry.status
    if status != previous_status and status not in NEXT_STATUSES[InquiryStatus(previous_status)]:
        allowed = NEXT_STATUSES[InquiryStatus(previous_status)]
        names = ", ".join(str(InquiryStatus(name).label) for name in InquiryStatus.values if name in allowed)
        errors["status"] = _("An inquiry that is %(status)s can next be: %(allowed)s.") % {
            "status": InquiryStatus(previous_status).label,
            "allowed": names or _("nothing (it is finished)"),
        }
        return errors
    if status in (InquiryStatus.SCHEDULED, InquiryStatus.HELD):
        if not inquiry.scheduled_start:
            errors["scheduled_start"] = _("Give the date and time the workshop starts.")
        if not inquiry.scheduled_end:
            errors["scheduled_end"] = _("Give the time the workshop ends.")
        elif inquiry.scheduled_start and inquiry.scheduled_end <= inquiry.scheduled_start:
            errors["scheduled_end"] = _("The workshop must end after it starts.")
        if not inquiry.venue.strip():
            errors["venue"] = _("Say where the workshop is held.")
        if inquiry.lecturer_id is None:
            errors["lecturer"] = _("Assign the lecturer who leads it.")
    if status == InquiryStatus.HELD and inquiry.participants is None:
        errors["participants"] = _("Say how many took part.")
    return errors


WHEN_AND_WHERE = ("scheduled_start", "scheduled_end", "venue")


@transaction.atomic
def save_inquiry(inquiry, previous_status, user=None, message=""):
    """Save a checked change (``inquiry_errors`` is empty): the time of a new status, the
    event of a scheduled workshop created or moved with it, the school told of the date
    (again when it moves), and ``message`` from ``user`` e-mailed to the school."""
    before = WorkshopInquiry.objects.filter(pk=inquiry.pk).values(*WHEN_AND_WHERE).first() or {}
    if inquiry.status != previous_status:
        inquiry.status_changed_at = timezone.now()
    if inquiry.status in (InquiryStatus.SCHEDULED, InquiryStatus.HELD):
        inquiry.event = schedule_event(inquiry)
    inquiry.save()
    if message.strip():
        queue_email(AcademyEmailKind.INQUIRY_ANSWER, inquiry=inquiry, text=message.strip(), sent_by=user)
    moved = any(before.get(name) != getattr(inquiry, name) for name in WHEN_AND_WHERE)
    newly_scheduled = previous_status != InquiryStatus.SCHEDULED
    if inquiry.status == InquiryStatus.SCHEDULED and (newly_scheduled or moved):
        queue_email(AcademyEmailKind.INQUIRY_SCHEDULED, inquiry=inquiry, sent_by=user)
    return inquiry


def _events_page(language):
    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    return EventIndexPage.objects.filter(locale=locale).first() or EventIndexPage.objects.first()


def schedule_event(inquiry):
    """The inquiry's event, created as a draft or moved to the agreed date and place."""
    event = inquiry.event
    if event is None:
        index = _events_page(inquiry.language)
        if index is None:
            return None  # a site without an events page: the inquiry keeps its date
        title = workshop_title(inquiry)
        with translation.override(inquiry.language):
            lead = _("A Safer Internet Academy workshop for %(organisation)s.") % {"organisation": inquiry.organisation}
        event = EventPage(
            title=title[:255],
            slug=slugify(f"{title[:60]}-{inquiry.reference}"),
            locale=index.locale,
            lead=lead,
            start=inquiry.scheduled_start,
            end=inquiry.scheduled_end,
            place=inquiry.venue,
            live=False,
        )
        index.add_child(instance=event)
        event.audiences.set(inquiry.audiences.all())
        event.save()
    elif (event.start, event.end, event.place) != (inquiry.scheduled_start, inquiry.scheduled_end, inquiry.venue):
        event.start, event.end, event.place = inquiry.scheduled_start, inquiry.scheduled_end, inquiry.venue
        event.save()
    else:
        return event
    revision = event.save_revision()
    if event.live:
        revision.publish()
    return event


def registration_errors(registration, previous_status):
    """``{field: message}`` of what keeps ``registration`` from moving to its status: a
    cancelled one stays cancelled, and a waiting one is confirmed only into free seats."""
    status = registration.status
    if status == previous_status:
        return {}
    if previous_status == RegistrationStatus.CANCELLED:
        return {"status": _("A cancelled registration stays cancelled; register again instead.")}
    if status == RegistrationStatus.WAITING:
        return {"status": _("A confirmed registration goes on the waiting list only by cancelling it.")}
    if status == RegistrationStatus.CONFIRMED:
        holder = registration.programme
        free = holder.capacity - seats_taken(holder)
        if registration.seats > free:
            return {"status": _("Only %(free)s seat(s) are free.") % {"free": free}}
    return {}


@transaction.atomic
def save_registration(registration, previous_status):
    """Save a checked change; a cancellation frees seats for the waiting list, in order."""
    lock_seats(registration.programme)
    if registration.status != previous_status:
        registration.status_changed_at = timezone.now()
    registration.save()
    if registration.status == RegistrationStatus.CANCELLED and previous_status == RegistrationStatus.CONFIRMED:
        promote_waiting(registration.programme)
    return registration
