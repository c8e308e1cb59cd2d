"""Feedback to a reporter who asked for it: the coarse status, never case details.

Each message is recorded (``FeedbackEmail``) when the status changes and sent by a
background task after the change commits, in the language of the report. A failed send is
kept with its error, retried with backoff (``manage.py retry_outgoing``), and shown to
analysts on the case page.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from ..models import CaseEvent, FeedbackEmail, OutgoingState, Status


def queue_feedback(report):
    if report.wants_feedback and report.reporter_email:
        message = FeedbackEmail.objects.create(report=report, status=report.status)
        transaction.on_commit(lambda: send_feedback.enqueue(message.pk))


def _compose(report, status):
    with translation.override(report.language):
        label = Status(status).label
        subject = _("Your report %(reference)s: %(status)s") % {"reference": report.reference, "status": label}
        body = _(
            "Thank you for your report %(reference)s to the hotline.\n\n"
            "Its status is now: %(status)s.\n\n"
            "For the safety of everyone involved we cannot share details of the case. "
            "Please never send us images or videos, only the addresses where you saw them."
        ) % {"reference": report.reference, "status": label}
    return subject, body


@task()
def send_feedback(message_id):
    message = (
        FeedbackEmail.objects.select_related("report")
        .filter(pk=message_id, state__in=[OutgoingState.QUEUED, OutgoingState.RETRYING])
        .first()
    )
    if message is None:
        return None
    report = message.report
    if not report.wants_feedback or not report.reporter_email:  # anonymised or withdrawn since
        FeedbackEmail.objects.filter(pk=message.pk).delete()
        return None
    subject, body = _compose(report, message.status)
    state = message.attempt(lambda: send_mail(subject, body, settings.HOTLINE_FROM_EMAIL, [report.reporter_email]))
    if state == OutgoingState.SENT:
        CaseEvent.objects.create(report=report, kind=CaseEvent.Kind.FEEDBACK, details={"status": message.status})
    return state


def retry_feedback(now=None):
    """Queue again the feedback e-mails whose next attempt is due."""
    due = FeedbackEmail.objects.filter(state=OutgoingState.RETRYING, next_attempt_at__lte=now or timezone.now())
    return [send_feedback.enqueue(pk) for pk in due.values_list("pk", flat=True)]
