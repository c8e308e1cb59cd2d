"""Every message the hotline sends is recorded, retried with backoff, and visible when it fails."""

import os
import subprocess
import sys

from django.core import mail
from django.core.management import call_command
from wagtail.users.models import UserProfile

from reports.models import CaseEvent, FeedbackEmail, OutgoingState
from tests.reports.conftest import post_action


def _dead_smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1


def test_a_feedback_email_that_fails_is_kept_shown_and_sent_later(
    as_user, analyst, make_report, django_capture_on_commit_callbacks, settings
):
    report = make_report(reporter_email="reporter@example.org", consent=True, wants_feedback=True, language="en")
    _dead_smtp(settings)
    client = as_user(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        post_action(client, report, "assign")
    message = FeedbackEmail.objects.get(report=report)
    assert (message.state, message.attempts, message.error) == (OutgoingState.RETRYING, 1, "ConnectionRefusedError 111")
    assert "reporter@example.org" not in message.error
    assert not CaseEvent.objects.filter(report=report, kind="feedback").exists()
    UserProfile.objects.update_or_create(user=analyst, defaults={"preferred_language": "en"})
    case = client.get(f"/admin/hotline/{report.pk}/").content.decode()
    assert "Feedback to the reporter" in case and "failed, will retry" in case
    queue = client.get("/admin/hotline/").content.decode()
    assert "Messages that did not go out: 1 feedback e-mails to reporters, 0 notices to hosts." in queue

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_outgoing", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert FeedbackEmail.objects.get(pk=message.pk).state == OutgoingState.RETRYING  # not due yet
    FeedbackEmail.objects.filter(pk=message.pk).update(next_attempt_at=message.created_at)
    call_command("retry_outgoing", stdout=open(os.devnull, "w"))  # noqa: SIM115
    message.refresh_from_db()
    assert (message.state, message.attempts) == (OutgoingState.SENT, 2)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["reporter@example.org"]
    assert CaseEvent.objects.filter(report=report, kind="feedback").exists()


def test_the_pauses_double_and_the_last_attempt_gives_up(make_report, settings):
    from reports.hotline.feedback import send_feedback

    settings.OUTGOING_MAX_ATTEMPTS = 3
    _dead_smtp(settings)
    report = make_report(reporter_email="r@example.org", consent=True, wants_feedback=True)
    message = FeedbackEmail.objects.create(report=report, status=report.status)
    pauses = []
    for _ in range(3):
        send_feedback.call(message.pk)
        message.refresh_from_db()
        if message.next_attempt_at:
            pauses.append(round((message.next_attempt_at - message.created_at).total_seconds() / 60))
    assert pauses == [5, 10]  # after the 1st and 2nd failures; the 3rd is the last allowed
    assert (message.state, message.attempts, message.next_attempt_at) == (OutgoingState.FAILED, 3, None)


def test_mail_is_configured_from_email_url():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'cms.settings.base'; "
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS, s.EMAIL_TIMEOUT)"
    )
    environment = {**os.environ, "EMAIL_URL": "submission://centre:secret@mail.centre.example:587"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.centre.example",
        "587",
        "centre",
        "True",
        "10",
    ]
