"""A counsellor's reply e-mailed to a person who asked for the answer by e-mail.

Recorded (``HelplineEmail``) with the reply and sent by the worker after the reply commits,
in the contact's language; a failure is kept with its error, retried with backoff
(``manage.py retry_outgoing``) and shown on the contact. The address is read from the
contact, encrypted, when sending: after retention there is nothing to send to.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from cms.core.site_url import site_base_url

from ..models import AnswerBy, ContactEvent, HelplineEmail, OutgoingState


def queue_reply_email(message):
    contact = message.contact
    if contact.answer_by == AnswerBy.EMAIL and contact.email:
        email = HelplineEmail.objects.create(message=message)
        transaction.on_commit(lambda: send_reply_email.enqueue(email.pk))


def compose(message):
    contact = message.contact
    with translation.override(contact.language):
        status_page = site_base_url() + reverse("helpline-status-page")
        subject = _("The helpline answered you (%(reference)s)") % {"reference": contact.reference}
        body = _(
            "%(reply)s\n\n"
            "—\n"
            "You can write back on the status page with your reference number %(reference)s and your code: "
            "%(url)s\n"
            "In danger right now? Call 116 111 (Linka bezpečí, free, day and night) or 112."
        ) % {"reply": message.text, "reference": contact.reference, "url": status_page}
    return subject, body


@task()
def send_reply_email(email_id):
    email = (
        HelplineEmail.objects.select_related("message__contact")
        .filter(pk=email_id, state__in=[OutgoingState.QUEUED, OutgoingState.RETRYING])
        .first()
    )
    if email is None:
        return None
    contact = email.message.contact
    if contact.answer_by != AnswerBy.EMAIL or not contact.email:  # anonymised since
        HelplineEmail.objects.filter(pk=email.pk).delete()
        return None
    subject, body = compose(email.message)
    state = email.attempt(lambda: send_mail(subject, body, settings.HELPLINE_FROM_EMAIL, [contact.email]))
    if state == OutgoingState.SENT:
        ContactEvent.objects.create(contact=contact, kind=ContactEvent.Kind.EMAILED)
    return state


def retry_reply_emails(now=None):
    """Queue again the reply e-mails whose next attempt is due."""
    due = HelplineEmail.objects.filter(state=OutgoingState.RETRYING, next_attempt_at__lte=now or timezone.now())
    return [send_reply_email.enqueue(pk) for pk in due.values_list("pk", flat=True)]
