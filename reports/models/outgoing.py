"""Messages the hotline sends to a reporter: each one recorded with its state, so a failure
is seen and retried instead of lost. The address is not copied here: it is read from the
report (encrypted) when the message is sent, and gone when the report is anonymised."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.outgoing import describe_failure, gave_up, next_attempt_at

from .hotline import HotlineReport, Status


class OutgoingState(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENT = "sent", _("sent")
    RETRYING = "retrying", _("failed, will retry")
    FAILED = "failed", _("failed, gave up")


class OutgoingMessage(models.Model):
    """A message sent by the worker, with its state: sent, or retried with backoff, or
    given up (``cms.core.outgoing`` sets the pace)."""

    state = models.CharField(
        _("state"), max_length=8, choices=OutgoingState.choices, default=OutgoingState.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        abstract = True

    def attempt(self, send):
        """Call ``send()`` (SMTP and socket failures are OSError) and record the outcome:
        sent, or retrying with the next attempt's time, or failed after the last one."""
        attempts = self.attempts + 1
        mine = type(self).objects.filter(pk=self.pk)
        try:
            send()
        except OSError as error:
            state = OutgoingState.FAILED if gave_up(attempts) else OutgoingState.RETRYING
            mine.update(
                attempts=attempts,
                state=state,
                error=describe_failure(error),
                next_attempt_at=None if state == OutgoingState.FAILED else next_attempt_at(attempts),
            )
            return state
        mine.update(attempts=attempts, state=OutgoingState.SENT, sent_at=timezone.now(), error="", next_attempt_at=None)
        return OutgoingState.SENT


class FeedbackEmail(OutgoingMessage):
    report = models.ForeignKey(HotlineReport, on_delete=models.CASCADE, related_name="feedback_emails")
    status = models.CharField(_("status told"), max_length=16, choices=Status.choices)

    class Meta:
        verbose_name = _("feedback e-mail")
        verbose_name_plural = _("feedback e-mails")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report} → {self.status} ({self.state})"
