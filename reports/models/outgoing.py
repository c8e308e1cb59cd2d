"""Messages the hotline sends to a reporter, each one recorded with its state
(``cms.core.models.OutgoingMessage``), so a failure is seen and retried instead of lost.
The address is not copied here: it is read from the report (encrypted) when the message is
sent, and gone when the report is anonymised."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.core.models import OutgoingMessage, OutgoingState

from .hotline import HotlineReport, Status


class FeedbackEmail(OutgoingMessage):
    report = models.ForeignKey(HotlineReport, on_delete=models.CASCADE, related_name="feedback_emails")
    status = models.CharField(_("status told"), max_length=16, choices=Status.choices)

    class Meta:
        verbose_name = _("feedback e-mail")
        verbose_name_plural = _("feedback e-mails")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report} → {self.status} ({self.state})"


__all__ = ["FeedbackEmail", "OutgoingMessage", "OutgoingState"]
