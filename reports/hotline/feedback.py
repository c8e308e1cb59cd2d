"""Feedback to a reporter who asked for it: the coarse status, never case details.

Sent by a background task after the change commits, in the language of the report.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from ..models import CaseEvent, HotlineReport, Status


def queue_feedback(report):
    if report.wants_feedback and report.reporter_email:
        transaction.on_commit(lambda: send_feedback.enqueue(report.pk, report.status))


@task()
def send_feedback(report_id, status):
    report = HotlineReport.objects.filter(pk=report_id).first()
    if report is None or not report.wants_feedback or not report.reporter_email:
        return  # anonymised or withdrawn since
    with translation.override(report.language):
        label = Status(status).label
        subject = _("Your report %(reference)s: %(status)s") % {"reference": report.reference, "status": label}
        body = _(
            "Thank you for your report %(reference)s to the hotline.\n\n"
            "Its status is now: %(status)s.\n\n"
            "For the safety of everyone involved we cannot share details of the case. "
            "Please never send us images or videos, only the addresses where you saw them."
        ) % {"reference": report.reference, "status": label}
    send_mail(subject, body, settings.HOTLINE_FROM_EMAIL, [report.reporter_email])
    CaseEvent.objects.create(report=report, kind=CaseEvent.Kind.FEEDBACK, details={"status": status})
