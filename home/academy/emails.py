"""The Academy's e-mails to the person who wrote in: the inquiry received, the seats
confirmed or the waiting list, a seat come free. Recorded (``AcademyEmail``) in the
transaction that stores the inquiry or registration, sent by the worker after it commits,
in the language the person wrote in; a failure is kept and retried with backoff
(``manage.py retry_outgoing``). The address is read, encrypted, when sending: after the
retention job there is nothing to send to.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from cms.core.models import OutgoingState

from ..models.academy_cases import AcademyEmail, AcademyEmailKind


def queue_email(kind, inquiry=None, registration=None):
    email = AcademyEmail.objects.create(kind=kind, inquiry=inquiry, registration=registration)
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
        if email.inquiry is not None:
            return subject, _inquiry_body(email.inquiry)
        return subject, _registration_body(email, email.registration)


@task()
def send_academy_email(email_id):
    email = (
        AcademyEmail.objects.select_related("inquiry__workshop", "registration__programme")
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
    return email.attempt(lambda: send_mail(subject, body, settings.ACADEMY_FROM_EMAIL, [record.email]))


def retry_academy_emails(now=None):
    """Queue again the Academy's e-mails whose next attempt is due."""
    due = AcademyEmail.objects.filter(state=OutgoingState.RETRYING, next_attempt_at__lte=now or timezone.now())
    return [send_academy_email.enqueue(pk) for pk in due.values_list("pk", flat=True)]
