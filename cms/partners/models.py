"""Partner sites: organisations that embed the centre's content, read the API with a key,
receive webhooks and, for platforms, file hotline reports."""

from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.models import AbstractAPIKey, BaseAPIKeyManager

from cms.core import page_kinds
from cms.core.crypto import EncryptedTextField


class Partner(models.Model):
    class Kind(models.TextChoices):
        SCHOOL = "school", _("school")
        NGO = "ngo", _("NGO")
        ISP = "isp", _("internet service provider")
        PUBLIC_BODY = "public-body", _("public body")
        INDUSTRY = "industry", _("industry")
        MEDIA = "media", _("media")

    name = models.CharField(_("organisation"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.NGO)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    origins = models.TextField(
        _("allowed web origins"),
        blank=True,
        help_text=_("One per line, e.g. https://www.example.org: pages there may call the API from the browser."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    directory_entry = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("entry in the partners directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="api_partners",
        help_text=_("The public directory's entry for this organisation, if it is listed there."),
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def origin_list(self):
        return [line.strip().rstrip("/").lower() for line in self.origins.splitlines() if line.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        validate = URLValidator(schemes=["http", "https"])
        for origin in self.origin_list:
            try:
                validate(origin)
            except ValidationError:
                raise ValidationError({"origins": _("Not a web origin: %(origin)s") % {"origin": origin}}) from None
            if origin.count("/") != 2:
                raise ValidationError(
                    {"origins": _("An origin has no path: %(origin)s") % {"origin": origin}}
                ) from None


class PartnerKeyManager(BaseAPIKeyManager):
    def get_usable_keys(self):
        return super().get_usable_keys().select_related("partner")


class PartnerKey(AbstractAPIKey):
    """An API key of a partner: only its prefix and a hash are kept."""

    objects = PartnerKeyManager()

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="keys")
    scopes = models.JSONField(_("scopes"), default=list)
    last_used_on = models.DateField(_("last used"), null=True, blank=True)

    class Meta(AbstractAPIKey.Meta):
        verbose_name = _("partner API key")
        verbose_name_plural = _("partner API keys")

    def allows(self, scope):
        return scope in self.scopes


class PartnerUsage(models.Model):
    """Requests made with a partner's keys, per day (from the shared counters)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="usage")
    day = models.DateField(_("day"))
    requests = models.PositiveIntegerField(_("requests"), default=0)

    class Meta:
        verbose_name = _("usage")
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["partner", "day"], name="partners_usage_per_day")]

    def __str__(self):
        return f"{self.partner} {self.day}: {self.requests}"


class ContentReach(models.Model):
    """How often the centre's content was used, per day: embedded cards and lists shown on a
    partner's site, documents downloaded. Counted without personal data (the referring
    site's origin names the partner and is not kept); ``partner`` is empty for the centre's
    own site and any site that is no partner's. From the shared counters (``reach``)."""

    class Kind(models.TextChoices):
        EMBED_VIEW = "embed-view", _("embed views")
        DOWNLOAD = "download", _("downloads")

    day = models.DateField(_("day"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), null=True, blank=True, on_delete=models.CASCADE, related_name="reach"
    )
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("content reach")
        verbose_name_plural = _("content reach")
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["day", "kind", "partner"], name="partners_reach_per_day"),
            models.UniqueConstraint(
                fields=["day", "kind"], condition=models.Q(partner__isnull=True), name="partners_own_reach_per_day"
            ),
        ]
        permissions = [("view_impact_figures", _("Can see the impact figures"))]

    def __str__(self):
        return f"{self.day} {self.kind} {self.partner_id or '-'}: {self.count}"


class WebhookSubscription(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(_("address"), max_length=500)
    events = models.JSONField(_("events"), default=list)
    secret = EncryptedTextField(_("signing secret"))
    active = models.BooleanField(_("active"), default=True)
    failures_in_a_row = models.PositiveIntegerField(_("failed attempts in a row"), default=0)
    disabled_at = models.DateTimeField(_("disabled after failures"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        ordering = ["partner", "url"]

    def __str__(self):
        return f"{self.partner}: {self.url}"


class WebhookDelivery(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("event"), max_length=32, choices=page_kinds.webhook_event_choices)
    payload = models.JSONField(_("payload"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(_("last HTTP status"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.event} → {self.subscription.url} ({self.state})"
