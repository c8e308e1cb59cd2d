"""After assessment: where an address is hosted, who it went to, the notices to the host
and the checks that follow until the content is gone.

The current hosting facts and takedown state of an address live on ``ReportedUrl`` (what
the queue, the monitor and the statistics read); the runs, forwards, notices and checks
here are the record of how they were found and what was done.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .append_only import user_reference
from .hotline import HotlineReport, ReportedUrl


class PartnerHotline(models.Model):
    """A hotline abroad that takes reports of content hosted in its country."""

    country = CountryField(_("country"), db_index=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    contact = models.CharField(_("contact"), max_length=300, blank=True, help_text=_("E-mail or channel for reports."))
    website = models.CharField(_("website"), max_length=300, blank=True)
    inhope_member = models.BooleanField(_("INHOPE member"), default=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("partner hotline")
        verbose_name_plural = _("partner hotlines")
        ordering = ["country", "organisation"]

    def __str__(self):
        return f"{self.organisation} ({self.country.code})"


class TraceRun(models.Model):
    """One look-up of where an address is hosted: DNS, then the location databases."""

    class Outcome(models.TextChoices):
        TRACED = "traced", _("traced")
        NO_ADDRESS = "no-address", _("the host name has no address")
        FAILED = "failed", _("failed")

    reported_url = models.ForeignKey(ReportedUrl, on_delete=models.CASCADE, related_name="trace_runs")
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    method = models.CharField(_("method"), max_length=100)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    error = models.CharField(_("error"), max_length=300, blank=True)
    requested_by = user_reference(_("requested by"))

    class Meta:
        verbose_name = _("trace")
        verbose_name_plural = _("traces")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.reported_url} {self.started_at:%Y-%m-%d %H:%M} {self.outcome}"


class TracedAddress(models.Model):
    run = models.ForeignKey(TraceRun, on_delete=models.CASCADE, related_name="addresses")
    ip = models.GenericIPAddressField(_("IP address"))
    country = models.CharField(_("country"), max_length=2, blank=True)  # ISO code; blank = unknown
    asn = models.PositiveBigIntegerField(_("AS number"), null=True, blank=True)
    organisation = models.CharField(_("network organisation"), max_length=200, blank=True)
    network = models.CharField(_("network"), max_length=50, blank=True)
    abuse_contact = models.EmailField(_("abuse contact"), blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.ip


class Forward(models.Model):
    """A report passed to someone who can act on it."""

    class Recipient(models.TextChoices):
        POLICE = "police", _("police")
        PARTNER_HOTLINE = "partner-hotline", _("partner hotline")
        HOST = "host", _("hosting provider")

    report = models.ForeignKey(HotlineReport, on_delete=models.PROTECT, related_name="forwards")
    reported_url = models.ForeignKey(ReportedUrl, on_delete=models.PROTECT, related_name="forwards")
    recipient = models.CharField(_("recipient"), max_length=20, choices=Recipient.choices)
    recipient_name = models.CharField(_("recipient's name"), max_length=200)
    partner_hotline = models.ForeignKey(
        PartnerHotline, verbose_name=_("partner hotline"), null=True, blank=True, on_delete=models.PROTECT
    )
    their_reference = models.CharField(_("their reference"), max_length=100, blank=True)
    forwarded_at = models.DateTimeField(_("forwarded"), default=timezone.now, db_index=True)
    forwarded_by = user_reference(_("forwarded by"))

    class Meta:
        verbose_name = _("forward")
        verbose_name_plural = _("forwards")
        ordering = ["forwarded_at", "pk"]

    def __str__(self):
        return f"{self.reported_url} → {self.recipient_name}"


class Notice(models.Model):
    """A notice-and-takedown e-mail to one abuse contact about one or more addresses."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    recipient = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=8)
    explanation = models.TextField(
        _("further explanation"), blank=True, help_text=_("Added to the legal grounds the notice states.")
    )
    reported_urls = models.ManyToManyField(ReportedUrl, related_name="notices")
    reminder_of = models.ForeignKey(
        "self", verbose_name=_("reminder of"), null=True, blank=True, on_delete=models.PROTECT, related_name="reminders"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = user_reference(_("created by"))
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.reference


class TakedownCheck(models.Model):
    """One look at a notified address: headers only, never the content."""

    class Outcome(models.TextChoices):
        ONLINE = "online", _("online")
        REMOVED = "removed", _("removed")
        UNREACHABLE = "unreachable", _("unreachable")

    reported_url = models.ForeignKey(ReportedUrl, on_delete=models.CASCADE, related_name="checks")
    checked_at = models.DateTimeField(_("checked"), default=timezone.now, db_index=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("takedown check")
        verbose_name_plural = _("takedown checks")
        ordering = ["-checked_at", "-pk"]

    def __str__(self):
        return f"{self.reported_url} {self.checked_at:%Y-%m-%d %H:%M} {self.outcome}"


def notice_due_before():
    """Addresses last notified before this time are due a reminder if still online."""
    return timezone.now() - timezone.timedelta(hours=settings.HOTLINE_NOTICE_RESEND_HOURS)
