"""The Academy's e-mails to the person who wrote in: the inquiry received, staff's answers
from the inbox, the workshop scheduled (with its calendar file), the seats confirmed or
the waiting list, a seat come free. Recorded (``AcademyEmail``) in the
transaction that stores the inquiry or registration, sent by the worker after it commits,
in the language the person wrote in; a failure is kept and retried with backoff
(``manage.py retry_outgoing``). The address is read, encrypted, when sending: after the
retention job there is nothing to send to.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django_tasks import task

from cms.core.models import OutgoingState

from ..models.academy_cases import AcademyEmail, AcademyEmailKind
from .calendar import inquiry_calendar, workshop_title


def queue_email(kind, inquiry=None, registration=None, text="", sent_by=None):
    email = AcademyEmail.objects.create(
        kind=kind, inquiry=inquiry, registration=registration, text=text, sent_by=sent_by
    )
    transaction.on_commit(lambda: send_academy_email.enqueue(email.pk))
    return email


def _inquiry_body(inquiry):
    workshop = inquiry.workshop.title if inquiry.workshop else _("a workshop made for your group")
    return _(
        "Dear %(name)s,\n\n"
        "thank you for your inquiry about %(workshop)s for %(organisation)s. Your reference is %(reference)s.\n"
        "An Academy coordinator will contact you within ten working days to agree the date, the topics "
        "and the details.\n\n"
        "Safer Internet Academy"
    ) % {
        "name": inquiry.contact_name,
        "workshop": workshop,
        "organisation": inquiry.organisation,
        "reference": inquiry.reference,
    }


def _answer_body(email, inquiry):
    signature = email.sent_by.get_full_name() if email.sent_by else ""
    return _(
        "Dear %(name)s,\n\n%(text)s\n\n%(signature)sSafer Internet Academy\n"
        "Your reference is %(reference)s; quote it when you reply."
    ) % {
        "name": inquiry.contact_name,
        "text": email.text,
        "signature": f"{signature}\n" if signature else "",
        "reference": inquiry.reference,
    }


def _scheduled_body(inquiry):
    start = timezone.localtime(inquiry.scheduled_start)
    end = timezone.localtime(inquiry.scheduled_end)
    lecturer = inquiry.lecturer.get_full_name() if inquiry.lecturer else ""
    return _(
        "Dear %(name)s,\n\nthe workshop %(what)s is scheduled for %(day)s, %(start)s–%(end)s, at %(venue)s.%(led)s\n"
        "The calendar file is attached. If anything changes, reply to this e-mail and quote %(reference)s.\n\n"
        "Safer Internet Academy"
    ) % {
        "name": inquiry.contact_name,
        "what": workshop_title(inquiry),
        "day": date_format(start, "DATE_FORMAT"),
        "start": time_format(start),
        "end": time_format(end),
        "venue": inquiry.venue,
        "led": (" " + _("It is led by %(lecturer)s.") % {"lecturer": lecturer}) if lecturer else "",
        "reference": inquiry.reference,
    }


REGISTRATION_TEXTS = {
    AcademyEmailKind.REGISTRATION_CONFIRMED: lambda: _(
        "your %(seats)s seat(s) on %(programme)s (%(dates)s, %(city)s) are confirmed."
    ),
    AcademyEmailKind.REGISTRATION_WAITING: lambda: _(
        "the programme %(programme)s (%(dates)s, %(city)s) is full, so your %(seats)s seat(s) are on the "
        "waiting list. We will write to you as soon as seats come free."
    ),
    AcademyEmailKind.REGISTRATION_PROMOTED: lambda: _(
        "seats came free on %(programme)s (%(dates)s, %(city)s): your %(seats)s seat(s) are now confirmed."
    ),
}


def _registration_body(email, registration):
    programme = registration.programme.localized  # the programme in the person's language
    sentence = REGISTRATION_TEXTS[email.kind]() % {
        "seats": registration.seats,
        "programme": programme.title,
        "dates": programme.dates_label,
        "city": programme.city,
    }
    return _(
        "Dear %(name)s,\n\n%(sentence)s\nYour reference is %(reference)s; quote it if you need to change or "
        "cancel the registration.\n\nSafer Internet Academy"
    ) % {"name": registration.contact_name, "sentence": sentence, "reference": registration.reference}


def compose(email):
    """Subject and body in the language the person wrote in."""
    record = email.inquiry or email.registration
    with translation.override(record.language):
        subject = _("%(what)s (%(reference)s)") % {
            "what": AcademyEmailKind(email.kind).label,
            "reference": record.reference,
        }
        subject = subject[:1].upper() + subject[1:]
        if email.kind == AcademyEmailKind.INQUIRY_ANSWER:
            return subject, _answer_body(email, email.inquiry)
        if email.kind == AcademyEmailKind.INQUIRY_SCHEDULED:
            return subject, _scheduled_body(email.inquiry)
        if email.inquiry is not None:
            return subject, _inquiry_body(email.inquiry)
        return subject, _registration_body(email, email.registration)


@task()
def send_academy_email(email_id):
    email = (
        AcademyEmail.objects.select_related(
            "inquiry__workshop", "inquiry__lecturer", "registration__programme", "sent_by"
        )
        .filter(pk=email_id, state__in=[OutgoingState.QUEUED, OutgoingState.RETRYING])
        .first()
    )
    if email is None:
        return None
    record = email.inquiry or email.registration
    if not record.email:  # anonymised since
        AcademyEmail.objects.filter(pk=email.pk).delete()
        return None
    subject, body = compose(email)
    message = EmailMessage(subject, body, settings.ACADEMY_FROM_EMAIL, [record.email])
    if email.kind == AcademyEmailKind.INQUIRY_SCHEDULED and (ics := inquiry_calendar(email.inquiry)):
        message.attach(f"{email.inquiry.reference}.ics", ics, "text/calendar")
    return email.attempt(message.send)


def retry_academy_emails(now=None):
    """Queue again the Academy's e-mails whose next attempt is due."""
    due = AcademyEmail.objects.filter(state=OutgoingState.RETRYING, next_attempt_at__lte=now or timezone.now())
    return [send_academy_email.enqueue(pk) for pk in due.values_list("pk", flat=True)]
