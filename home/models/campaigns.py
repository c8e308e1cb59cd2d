"""Campaigns (Safer Internet Day and others): a page per campaign with its dates, key
message, assets to download and the toolkits and resources it points to; and the
activities schools and organisations register to take part, listed on the campaign's page
once a moderator approves them, and counted.

A campaign exists once per language, its activities once: every translation lists and
counts the activities of the original page (``activity_holder``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.core.api.fields import v2_picture
from cms.core.blocks import BodyBlock
from cms.core.blocks.media import DocumentDownloadBlock, FigureBlock
from cms.core.crypto import EncryptedTextField
from cms.core.date_range import DateRangeMixin, date_range_constraint
from cms.core.index_page import IndexPage
from cms.core.models import IdempotencyReceipt
from cms.core.page_image import PageImageMixin
from cms.core.panels import tabbed_edit_handler
from cms.core.preview import OptionalHeadlessPreviewMixin
from search.fields import analysed_search_fields

from ..blocks import CampaignRelatedBlock
from .academy import Region

ACTIVITY_PREFIX = "KA"
MAX_REACH = 100_000


class CampaignIndexPage(IndexPage):
    """Campaigns running or coming first, then past ones."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CampaignPage"]
    listing_name = "campaigns"

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign indexes")

    def listed(self, request):
        return CampaignPage.objects.child_of(self).live().filter(alias_of__isnull=True).order_by("-start", "title")


class CampaignPage(OptionalHeadlessPreviewMixin, DateRangeMixin, PageImageMixin, Page):
    key_message = models.CharField(_("key message"), max_length=255, help_text=_("The campaign in one sentence."))
    lead = models.TextField(_("lead"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    assets = StreamField(
        [("image", FigureBlock()), ("document", DocumentDownloadBlock())],
        verbose_name=_("assets"),
        blank=True,
        help_text=_("Posters, social media cards and other materials to download and share."),
    )
    related = StreamField(CampaignRelatedBlock(), verbose_name=_("toolkits and resources"), blank=True)
    activities_open = models.BooleanField(
        _("activities can be registered"), default=True, help_text=_("Schools and organisations add their activity.")
    )

    parent_page_types = ["home.CampaignIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("key_message"),
        FieldPanel("lead"),
        PageImageMixin.image_panel,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("activities_open")]),
        FieldPanel("body"),
        FieldPanel("assets"),
        FieldPanel("related"),
    ]
    edit_handler = tabbed_edit_handler(content_panels)
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("key_message"),
        APIField("lead"),
        APIField("body"),
        APIField("assets"),
        APIField("related"),
        APIField("activities_open"),
        v2_picture("image"),
    ]
    search_fields = analysed_search_fields(summary="lead", body=["key_message", "body"])

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [date_range_constraint("home_campaign_dates")]

    @property
    def accepts_activities(self):
        return self.activities_open and self.end >= timezone.localdate()

    def activity_holder(self):
        """The page whose activities every translation shares."""
        return self.original_translation()

    def activity_totals(self):
        """``{"activities", "reach"}`` of the approved activities."""
        totals = approved_activities(self.activity_holder()).aggregate(activities=Count("pk"), reach=Sum("reach"))
        return {"activities": totals["activities"], "reach": totals["reach"] or 0}


class ActivityStatus(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class CampaignActivity(models.Model):
    """What a school or organisation does for a campaign: public once approved, except the
    contact e-mail, which only moderators see (encrypted, blanked by the retention job)."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, editable=False)
    channel = models.CharField(_("channel"), max_length=16, editable=False)
    campaign = models.ForeignKey(
        CampaignPage, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="activities"
    )
    organisation = models.CharField(_("school or organisation"), max_length=200)
    title = models.CharField(_("activity"), max_length=200)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    city = models.CharField(_("city"), max_length=100)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    date = models.DateField(_("date"))
    audience = models.ForeignKey(
        "resources.Audience", verbose_name=_("audience"), on_delete=models.PROTECT, related_name="+"
    )
    reach = models.PositiveIntegerField(
        _("people reached"), validators=[MinValueValidator(1), MaxValueValidator(MAX_REACH)]
    )
    email = EncryptedTextField(_("contact e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ActivityStatus.choices, default=ActivityStatus.PENDING
    )
    rejection_reason = models.TextField(_("reason for rejecting"), blank=True)
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
        verbose_name = _("campaign activity")
        verbose_name_plural = _("campaign activities")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["campaign", "status", "date"], name="home_campaign_activities")]

    def __str__(self):
        return f"{self.reference} – {self.title}"

    def clean(self):
        if self.status == ActivityStatus.REJECTED and not self.rejection_reason.strip():
            raise ValidationError({"rejection_reason": _("Say why it is rejected.")})


class ActivityReceipt(IdempotencyReceipt):
    activity = models.ForeignKey(CampaignActivity, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["namespace", "key_hash"], name="home_activity_receipt_unique")]


def approved_activities(campaign):
    """The public activities of a campaign's original page, soonest first."""
    return (
        CampaignActivity.objects.filter(campaign=campaign, status=ActivityStatus.APPROVED)
        .select_related("audience")
        .order_by("date", "pk")
    )
