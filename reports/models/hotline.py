"""Hotline cases: a report, the addresses it names, and the case's history.

One address is one ``ReportedUrl`` while it is open: a second report of it joins the same
record, so one assessment serves every report and statistics can count the duplicates.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.crypto import EncryptedTextField
from cms.core.models import IdempotencyReceipt

from .append_only import HistoryEvent
from .public_case import PublicCase

MAX_DESCRIPTION_LENGTH = 5000


class Category(models.TextChoices):
    CSAM = "csam", _("Child sexual abuse material")
    RACISM_XENOPHOBIA = "racism-xenophobia", _("Racism and xenophobia")
    VIOLENCE = "violence", _("Promotion of violence")
    EXTORTION = "extortion", _("Extortion or blackmail")
    INTIMATE_IMAGES = "intimate-images", _("Intimate images shared without consent")
    OTHER_ILLEGAL = "other-illegal", _("Other illegal content")


class OutOfRemitCategory(models.TextChoices):
    """Categories the form offers that belong to the helpline: nothing is stored."""

    CYBERBULLYING = "cyberbullying", _("Cyberbullying")
    SEXTING = "sexting", _("Sexting")
    OTHER = "other", _("Something else")


class Channel(models.TextChoices):
    WEB = "web", _("web form")
    API = "api", _("API")
    EMAIL = "email", _("e-mail")
    INHOPE = "inhope", _("INHOPE (ICCAM)")
    PARTNER = "partner", _("partner")
    HELPLINE = "helpline", _("referred by the helpline")


class SourceType(models.TextChoices):
    WEBPAGE = "webpage", _("Web page")
    SOCIAL_NETWORK = "social-network", _("Social network")
    CHAT = "chat", _("Chat or messenger")
    EMAIL = "email", _("E-mail")
    P2P = "p2p", _("File sharing (P2P)")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    RECEIVED = "received", _("received")
    IN_ASSESSMENT = "in-assessment", _("in assessment")
    FORWARDED = "forwarded", _("forwarded")
    CLOSED = "closed", _("closed")


class CloseReason(models.TextChoices):
    ASSESSED = "assessed", _("assessed, nothing more to do")
    NOT_ILLEGAL = "not-illegal", _("not illegal")
    NOT_FOUND = "not-found", _("content not found")
    OUT_OF_REMIT = "out-of-remit", _("outside the hotline's remit")
    DUPLICATE = "duplicate", _("duplicate of another case")
    OTHER = "other", _("other")


class Classification(models.TextChoices):
    BASELINE_ILLEGAL = "baseline-illegal", _("illegal (INHOPE baseline)")
    NATIONAL_ILLEGAL = "national-illegal", _("illegal under national law")
    NOT_ILLEGAL = "not-illegal", _("not illegal")
    NOT_FOUND = "not-found", _("not found")
    OUT_OF_REMIT = "out-of-remit", _("outside the remit")


class MediaKind(models.TextChoices):
    """What the reported content is (an image, a video…); not Django's ContentType."""

    IMAGE = "image", _("image")
    VIDEO = "video", _("video")
    TEXT = "text", _("text")
    OTHER = "other", _("other")


class SiteType(models.TextChoices):
    """Site types modelled on INHOPE's ICCAM list."""

    WEBSITE = "website", _("website")
    IMAGE_HOST = "image-host", _("image host")
    FILE_HOST = "file-host", _("file host")
    VIDEO_PLATFORM = "video-platform", _("video platform")
    SOCIAL_NETWORK = "social-network", _("social network")
    FORUM = "forum", _("forum or board")
    BLOG = "blog", _("blog")
    CHAT = "chat", _("chat or messenger")
    SEARCH = "search", _("search provider")
    REDIRECTOR = "redirector", _("redirector or link shortener")
    OTHER = "other", _("other")


class VictimAgeGroup(models.TextChoices):
    INFANT = "infant", _("infant or toddler")
    PRE_PUBESCENT = "pre-pubescent", _("pre-pubescent")
    PUBESCENT = "pubescent", _("pubescent")
    UNKNOWN = "unknown", _("not determined")


class VictimGender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    BOTH = "both", _("both")
    UNKNOWN = "unknown", _("not determined")


class ReferenceSequence(models.Model):
    """The last number given per prefix and year: ``HL-2026-000123``."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="reports_one_sequence_per_year")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last}"

    @classmethod
    def next_reference(cls, prefix, when):
        with transaction.atomic():
            cls.objects.get_or_create(prefix=prefix, year=when.year)
            sequence = cls.objects.select_for_update().get(prefix=prefix, year=when.year)
            sequence.last += 1
            sequence.save(update_fields=["last"])
        return f"{prefix}-{when.year}-{sequence.last:06d}"


class HotlineReport(PublicCase):
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices, default=Channel.WEB)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hotline_reports",
        help_text=_("The platform that filed the report through the API with its key."),
    )
    category = models.CharField(_("category"), max_length=32, choices=Category.choices, db_index=True)
    source_type = models.CharField(_("where it was seen"), max_length=16, choices=SourceType.choices)
    source_details = models.JSONField(_("details of the source"), default=dict, blank=True)
    description = models.TextField(_("description"), max_length=MAX_DESCRIPTION_LENGTH, blank=True)
    language = models.CharField(_("language"), max_length=8, default="cs")
    reporter_email = EncryptedTextField(_("reporter's e-mail"), blank=True)
    wants_feedback = models.BooleanField(_("wants feedback"), default=False)
    # "It is me in the picture": intimate images of the reporter, shared without consent.
    about_reporter = models.BooleanField(_("the reporter is in the content"), default=False)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("analyst"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hotline_cases",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)
    close_reason = models.CharField(_("reason for closing"), max_length=16, choices=CloseReason.choices, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("hotline report")
        verbose_name_plural = _("hotline reports")
        ordering = ["-received_at", "-pk"]
        permissions = [
            ("access_hotline", _("Can work on hotline cases")),
            ("view_hotline_statistics", _("Can see hotline statistics")),
        ]

    def __str__(self):
        return self.reference


ILLEGAL = (Classification.BASELINE_ILLEGAL, Classification.NATIONAL_ILLEGAL)


class Takedown(models.TextChoices):
    NOT_NOTIFIED = "", _("no notice yet")
    MONITORING = "monitoring", _("notified, monitored")
    REMOVED = "removed", _("removed")


class ReportedUrlQuerySet(models.QuerySet):
    def not_in_open_cases(self):
        """Addresses that no case still open names (another report may share one)."""
        return self.exclude(report_links__report__in=HotlineReport.objects.exclude(status=Status.CLOSED))


class ReportedUrl(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("open")
        ASSESSED = "assessed", _("assessed")
        CLOSED = "closed", _("closed")

    url = models.TextField(_("address"), blank=True)  # emptied by retention; the hash stays
    url_hash = models.CharField(_("SHA-256 of the address"), max_length=64, db_index=True)
    host = models.CharField(_("host"), max_length=255, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.OPEN, db_index=True)
    first_reported_at = models.DateTimeField(_("first reported"), default=timezone.now)
    reports = models.ManyToManyField(HotlineReport, through="ReportedUrlLink", related_name="urls")
    classification = models.CharField(_("classification"), max_length=20, choices=Classification.choices, blank=True)
    content_type = models.CharField(_("content type"), max_length=8, choices=MediaKind.choices, blank=True)
    site_type = models.CharField(_("site type"), max_length=20, choices=SiteType.choices, blank=True)
    victim_age_group = models.CharField(
        _("victim's age group"), max_length=16, choices=VictimAgeGroup.choices, blank=True
    )
    victim_gender = models.CharField(_("victim's gender"), max_length=8, choices=VictimGender.choices, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assessed_at = models.DateTimeField(_("assessed"), null=True, blank=True)
    # Where it is hosted, from the latest trace (or set by an analyst): see models/takedown.py.
    hosting_country = models.CharField(_("hosting country"), max_length=2, blank=True, db_index=True)
    hosting_ip = models.GenericIPAddressField(_("hosting IP address"), null=True, blank=True)
    hosting_asn = models.PositiveBigIntegerField(_("hosting AS number"), null=True, blank=True)
    hosting_organisation = models.CharField(_("hosting network"), max_length=200, blank=True)
    abuse_contact = models.EmailField(_("abuse contact"), blank=True)
    traced_at = models.DateTimeField(_("traced"), null=True, blank=True)
    # Notice and takedown: monitored from the first notice until the content is gone.
    takedown = models.CharField(
        _("takedown"), max_length=12, choices=Takedown.choices, default=Takedown.NOT_NOTIFIED, db_index=True
    )
    first_notice_at = models.DateTimeField(_("first notice"), null=True, blank=True)
    last_notice_at = models.DateTimeField(_("last notice"), null=True, blank=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    objects = ReportedUrlQuerySet.as_manager()

    class Meta:
        verbose_name = _("reported address")
        verbose_name_plural = _("reported addresses")
        constraints = [
            # One open record per address: a new report of it joins that record.
            models.UniqueConstraint(
                fields=["url_hash"], condition=~models.Q(state="closed"), name="reports_one_open_record_per_url"
            )
        ]

    def __str__(self):
        return self.url_hash[:12]


class ReportedUrlLink(models.Model):
    report = models.ForeignKey(HotlineReport, on_delete=models.CASCADE, related_name="url_links")
    reported_url = models.ForeignKey(ReportedUrl, on_delete=models.CASCADE, related_name="report_links")
    created_at = models.DateTimeField(default=timezone.now)
    joined_existing = models.BooleanField(default=False)  # a duplicate report of an open address

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "reported_url"], name="reports_link_once")]

    def __str__(self):
        return f"{self.report} → {self.reported_url}"


class CaseEvent(HistoryEvent):
    """What happened to a case, in order: the case's history, never rewritten."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("report received")
        JOINED = "joined", _("address already open: report joined it")
        ASSIGNED = "assigned", _("assigned")
        ASSESSED = "assessed", _("address assessed")
        NOTE = "note", _("note")
        STATUS = "status", _("status changed")
        CLOSED = "closed", _("closed")
        FEEDBACK = "feedback", _("feedback sent to the reporter")
        ANONYMISED = "anonymised", _("anonymised")
        TRACED = "traced", _("hosting traced")
        FORWARDED = "forwarded", _("forwarded")
        NOTICE = "notice", _("notice sent to the host")
        REMOVED = "removed", _("content removed")

    report = models.ForeignKey(HotlineReport, on_delete=models.PROTECT, related_name="events")
    reported_url = models.ForeignKey(ReportedUrl, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["created_at", "pk"]


class IntakeReceipt(IdempotencyReceipt):
    report = models.ForeignKey(HotlineReport, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["namespace", "key_hash"], name="reports_one_receipt_per_key"),
        ]

    def __str__(self):
        return f"{self.report} ({self.created_at:%Y-%m-%d %H:%M})"
