"""The shared limiter's counters (``cms.core.limits``; the table was the partners app's
and kept its name when the model moved here), and the abstract receipt of an
Idempotency-Key that every public intake keeps (``cms.core.submission``), and the
abstract message the worker sends, with its state (every domain's outgoing e-mail)."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .crypto import EncryptedTextField
from .outgoing import describe_failure, gave_up, next_attempt_at


class RateCounter(models.Model):
    """A limiter's counter when Redis is not there (or not answering): one row per window.

    Incremented with one atomic upsert, so concurrent requests in several workers are
    counted exactly (Django's database cache reads and writes in two steps).
    """

    key = models.CharField(max_length=200, unique=True)
    value = models.BigIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "sic_rate_counter"

    def __str__(self):
        return f"{self.key}: {self.value}"


class IdempotencyReceipt(models.Model):
    """An ``Idempotency-Key`` already answered: a retry gets the same record back.

    The key is kept apart from whose key it is (``namespace``: the API's anonymous clients,
    the site's form, or one partner), so no key one submitter can send reaches another's
    receipt. ``request_hash`` fingerprints what was filed: the same key with another body
    is refused, never answered with this receipt. The status token is kept encrypted so the
    retry can repeat it; receipts are deleted after a day by the retention job.
    """

    namespace = models.CharField(max_length=40)
    key_hash = models.CharField(max_length=64)
    request_hash = models.CharField(max_length=64, blank=True)
    status_token = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        abstract = True

    # A retry comes within minutes; a day covers a client that was offline.
    LIFETIME = timedelta(days=1)

    @classmethod
    def delete_expired(cls, now):
        """Delete the receipts older than ``LIFETIME``; their number."""
        deleted, _by_model = cls.objects.filter(created_at__lt=now - cls.LIFETIME).delete()
        return deleted


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
