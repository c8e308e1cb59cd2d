"""The youth panel's contributions: opinions, ideas and stories young people send, shown
only after a moderator approves them.

Children's data: the least is collected. No e-mail, no name (a nickname, which the form
asks not to be a real name), an age band rather than an age, no address or user agent.
What the public sees is the moderator's approved text, never the text as sent.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.models import IdempotencyReceipt

REFERENCE_PREFIX = "ML"
MAX_TEXT_LENGTH = 2000


class AgeBand(models.TextChoices):
    UNDER_13 = "under-13", _("under 13")
    FROM_13_TO_14 = "13-14", _("13–14")
    FROM_15_TO_17 = "15-17", _("15–17")
    FROM_18_TO_26 = "18-26", _("18–26")


class ContributionKind(models.TextChoices):
    OPINION = "opinion", _("opinion")
    IDEA = "idea", _("idea")
    STORY = "story", _("story")


class ContributionStatus(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class YouthContribution(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, editable=False)
    channel = models.CharField(_("channel"), max_length=16, editable=False)
    nickname = models.CharField(_("nickname"), max_length=40, blank=True, editable=False)
    age_band = models.CharField(_("age"), max_length=10, choices=AgeBand.choices, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=ContributionKind.choices, editable=False)
    topic = models.ForeignKey(
        "resources.Topic", verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("text as sent"), max_length=MAX_TEXT_LENGTH, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ContributionStatus.choices, default=ContributionStatus.PENDING
    )
    published_text = models.TextField(
        _("text to publish"),
        max_length=MAX_TEXT_LENGTH,
        blank=True,
        help_text=_("What the site shows once approved: correct it, shorten it, remove anything that identifies."),
    )
    rejection_reason = models.TextField(
        _("reason for rejecting"), blank=True, help_text=_("For the panel's records; the author is not told.")
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("youth contribution")
        verbose_name_plural = _("youth contributions")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "language", "-moderated_at"], name="home_youth_public")]

    def __str__(self):
        return self.reference

    @property
    def shown_name(self):
        return self.nickname or _("anonymous")

    def clean(self):
        errors = {}
        if self.status == ContributionStatus.APPROVED and not self.published_text.strip():
            errors["published_text"] = _("An approved contribution needs the text to publish.")
        if self.status == ContributionStatus.REJECTED and not self.rejection_reason.strip():
            errors["rejection_reason"] = _("Say why it is rejected.")
        if errors:
            raise ValidationError(errors)


class ContributionReceipt(IdempotencyReceipt):
    contribution = models.ForeignKey(YouthContribution, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["namespace", "key_hash"], name="home_contribution_receipt_unique"),
        ]


def approved_contributions(language):
    """What the public may see: approved contributions in ``language``, newest approval first."""
    return (
        YouthContribution.objects.filter(status=ContributionStatus.APPROVED, language=language)
        .select_related("topic")
        .order_by("-moderated_at", "-pk")
    )
