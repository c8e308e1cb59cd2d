"""Helpline contacts: a person's request for help, the conversation with a counsellor, and
the cases that link several contacts of the same person.

The person stays anonymous: a nickname at most, an e-mail address only when they want the
answer by e-mail, and never an IP address or user agent. What identifies or describes them
(nickname, e-mail, messages, notes) is encrypted and blanked by the retention job; the
codes that statistics count (channel, age band, gender, role, platform, categories,
urgency, outcome, times) stay.

Codes follow Insafe's helpline statistics grid (docs/helpline.md cites the revision).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.crypto import EncryptedTextField
from cms.core.models import IdempotencyReceipt

from .append_only import HistoryEvent, user_reference
from .hotline import HotlineReport
from .outgoing import OutgoingMessage
from .public_case import PublicCase

MAX_MESSAGE_LENGTH = 5000
MAX_NICKNAME_LENGTH = 40


class AgeBand(models.TextChoices):
    UNDER_5 = "under-5", _("under 5")
    AGE_5_11 = "5-11", _("5–11")
    AGE_12_15 = "12-15", _("12–15")
    AGE_16_18 = "16-18", _("16–18")
    ADULT = "adult", _("adult (over 18)")
    UNKNOWN = "unknown", _("unknown")


class Gender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    OTHER = "other", _("other")
    UNKNOWN = "unknown", _("unknown or not said")


class Role(models.TextChoices):
    CHILD = "child", _("child or young person")
    PARENT = "parent", _("parent or carer")
    TEACHER = "teacher", _("teacher or educator")
    PROFESSIONAL = "professional", _("other professional")
    OTHER = "other", _("other")


class Platform(models.TextChoices):
    SOCIAL_NETWORK = "social-network", _("social network")
    MESSAGING = "messaging", _("messaging app")
    GAMING = "gaming", _("online game")
    VIDEO_SHARING = "video-sharing", _("video sharing")
    OTHER = "other", _("somewhere else")
    UNKNOWN = "unknown", _("not said")


class HelplineCategory(models.TextChoices):
    """Insafe's helpline reasons for contact (2023 revision)."""

    CYBERBULLYING = "cyberbullying", _("Cyberbullying")
    E_CRIME = "e-crime", _("E-crime (fraud, hacking, scams)")
    EXCESSIVE_USE = "excessive-use", _("Excessive use")
    GAMING = "gaming", _("Gaming")
    HATE_SPEECH = "hate-speech", _("Hate speech")
    RELATIONSHIPS = "relationships-sexuality", _("Love, relationships, sexuality")
    SEXTING = "sexting", _("Sexting")
    SEXUAL_HARASSMENT = "sexual-harassment", _("Sexual harassment")
    SEXTORTION = "sextortion", _("Sextortion")
    INTIMATE_IMAGES = "non-consensual-images", _("Intimate images shared without consent")
    ONLINE_REPUTATION = "online-reputation", _("Online reputation")
    PRIVACY = "privacy", _("Data privacy")
    HARMFUL_CONTENT = "harmful-content", _("Potentially harmful content")
    TECHNICAL_SETTINGS = "technical-settings", _("Technical settings")
    ADVERTISING = "advertising", _("Advertising and commercialism")
    MEDIA_LITERACY = "media-literacy", _("Media literacy and education")
    SELF_HARM = "self-harm", _("Suicide and self-harm")
    PORNOGRAPHY = "pornography", _("Pornography")
    FAKE_NEWS = "fake-news", _("Fake news and disinformation")
    RADICALISATION = "radicalisation", _("Radicalisation")
    OTHER = "other", _("Something else")


# A contact about these goes to the top of the queue and shows the crisis procedure.
CRISIS_CATEGORIES = frozenset({HelplineCategory.SELF_HARM, HelplineCategory.SEXTORTION})


class ContactChannel(models.TextChoices):
    WEB = "web", _("web form")
    API = "api", _("API")
    PARTNER = "partner", _("platform (partner)")
    HOTLINE = "hotline", _("passed on by the hotline")
    PHONE = "phone", _("telephone")
    EMAIL = "email", _("e-mail")
    CHAT = "chat", _("chat")
    IN_PERSON = "in-person", _("in person")


OFFLINE_CHANNELS = (ContactChannel.PHONE, ContactChannel.EMAIL, ContactChannel.IN_PERSON)


class AnswerBy(models.TextChoices):
    NONE = "none", _("no answer needed")
    STATUS_PAGE = "status-page", _("on the status page")
    EMAIL = "email", _("by e-mail")


class ContactStatus(models.TextChoices):
    NEW = "new", _("new")
    OPEN = "open", _("being answered")
    WAITING = "waiting", _("waiting for the person")
    CLOSED = "closed", _("closed")


class ContactOutcome(models.TextChoices):
    ADVICE = "advice", _("advice and support given")
    REFERRED = "referred", _("referred to another service")
    INFORMATION = "information", _("information given")
    NO_RESPONSE = "no-response", _("the person did not come back")
    OUT_OF_SCOPE = "out-of-scope", _("outside the helpline's scope")
    TEST_OR_PRANK = "test-or-prank", _("test or prank contact")
    OTHER = "other", _("other")


class HelplineCase(models.Model):
    """Several contacts of the same person, worked as one story."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    opened_at = models.DateTimeField(_("opened"), default=timezone.now, db_index=True)
    opened_by = user_reference(_("opened by"))
    summary = EncryptedTextField(_("summary"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("helpline case")
        verbose_name_plural = _("helpline cases")
        ordering = ["-opened_at", "-pk"]

    def __str__(self):
        return self.reference


class HelplineContact(PublicCase):
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    channel = models.CharField(_("channel"), max_length=16, choices=ContactChannel.choices, db_index=True)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="helpline_contacts",
    )
    nickname = EncryptedTextField(_("nickname"), blank=True)
    age_band = models.CharField(_("age"), max_length=8, choices=AgeBand.choices, default=AgeBand.UNKNOWN)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices, default=Gender.UNKNOWN)
    role = models.CharField(_("who is asking"), max_length=16, choices=Role.choices, default=Role.OTHER)
    platform = models.CharField(
        _("where it happened"), max_length=16, choices=Platform.choices, default=Platform.UNKNOWN
    )
    language = models.CharField(_("language"), max_length=8, default="cs")
    answer_by = models.CharField(_("answer"), max_length=12, choices=AnswerBy.choices, default=AnswerBy.STATUS_PAGE)
    email = EncryptedTextField(_("e-mail"), blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ContactStatus.choices, default=ContactStatus.NEW, db_index=True
    )
    urgent = models.BooleanField(_("urgent"), default=False, db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("counsellor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpline_contacts",
    )
    case = models.ForeignKey(
        HelplineCase,
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)
    first_reply_at = models.DateTimeField(_("first reply"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=ContactOutcome.choices, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("helpline contact")
        verbose_name_plural = _("helpline contacts")
        ordering = ["-received_at", "-pk"]
        permissions = [
            ("access_helpline", _("Can work on helpline contacts")),
            ("supervise_helpline", _("Can supervise the helpline")),
            ("view_helpline_statistics", _("Can see helpline statistics")),
        ]

    def __str__(self):
        return self.reference


class Subcategory(models.Model):
    """A finer reason under one Insafe category, managed by supervisors."""

    category = models.CharField(_("category"), max_length=32, choices=HelplineCategory.choices)
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("helpline subcategory")
        verbose_name_plural = _("helpline subcategories")
        ordering = ["category", "name"]

    def __str__(self):
        return f"{self.get_category_display()} › {self.name}"


class ContactCategory(models.Model):
    contact = models.ForeignKey(HelplineContact, on_delete=models.CASCADE, related_name="categories")
    category = models.CharField(_("category"), max_length=32, choices=HelplineCategory.choices, db_index=True)
    subcategory = models.ForeignKey(
        Subcategory, verbose_name=_("subcategory"), null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("category of a contact")
        verbose_name_plural = _("categories of contacts")
        constraints = [
            models.UniqueConstraint(fields=["contact", "category", "subcategory"], name="reports_category_once"),
        ]

    def __str__(self):
        return self.subcategory.name if self.subcategory_id else self.get_category_display()


class ContactMessage(models.Model):
    """One message of the conversation, or a counsellor's internal note."""

    class Kind(models.TextChoices):
        FROM_PERSON = "person", _("from the person")
        REPLY = "reply", _("reply of the counsellor")
        NOTE = "note", _("internal note")

    contact = models.ForeignKey(HelplineContact, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    author = user_reference(_("counsellor"))
    text = EncryptedTextField(_("text"), blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.contact} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"


class ContactEvent(HistoryEvent):
    """What happened to a contact, in order; never rewritten, and never holds personal data."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("contact received")
        ASSIGNED = "assigned", _("assigned")
        REPLIED = "replied", _("reply sent")
        ANSWERED = "answered", _("the person answered")
        NOTE = "note", _("note")
        CATEGORISED = "categorised", _("categorised")
        URGENCY = "urgency", _("urgency changed")
        REFERRED = "referred", _("referred")
        FOLLOW_UP = "follow-up", _("follow-up date set")
        CASE = "case", _("linked to a case")
        CLOSED = "closed", _("closed")
        REOPENED = "reopened", _("reopened")
        EMAILED = "emailed", _("reply e-mailed")
        ANONYMISED = "anonymised", _("anonymised")

    contact = models.ForeignKey(HelplineContact, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)

    class Meta:
        verbose_name = _("contact event")
        verbose_name_plural = _("contact events")
        ordering = ["created_at", "pk"]


class CannedResponse(models.Model):
    """A ready answer counsellors start from, per language; managed by supervisors."""

    title = models.CharField(_("title"), max_length=100)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="cs")
    text = models.TextField(_("text"), max_length=MAX_MESSAGE_LENGTH)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("canned response")
        verbose_name_plural = _("canned responses")
        ordering = ["language", "title"]

    def __str__(self):
        return f"{self.title} ({self.language})"


class ReferralService(models.Model):
    """A service a counsellor can refer a person to: police, child protection, other lines."""

    class Kind(models.TextChoices):
        POLICE = "police", _("police")
        CHILD_PROTECTION = "child-protection", _("child protection (OSPOD)")
        HELPLINE = "helpline", _("another helpline")
        HOTLINE = "hotline", _("the centre's hotline")
        HEALTH = "health", _("health and crisis services")
        SCHOOL = "school", _("school counselling")
        PLATFORM = "platform", _("platform or service provider")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("when to refer"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("referral service")
        verbose_name_plural = _("referral directory")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class Referral(models.Model):
    """A contact referred to a service; to the hotline, with the report it filed."""

    contact = models.ForeignKey(HelplineContact, on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey(ReferralService, verbose_name=_("service"), on_delete=models.PROTECT)
    hotline_report = models.OneToOneField(
        HotlineReport,
        verbose_name=_("hotline report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpline_referral",
    )
    created_at = models.DateTimeField(_("referred"), default=timezone.now)
    created_by = user_reference(_("by"))

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.contact} → {self.service}"


class HelplineEmail(OutgoingMessage):
    """A counsellor's reply sent by e-mail to a person who asked for it; sent by the worker,
    retried when it fails. The address is read from the contact (encrypted) when sending."""

    message = models.OneToOneField(ContactMessage, on_delete=models.CASCADE, related_name="email")

    class Meta:
        verbose_name = _("helpline e-mail")
        verbose_name_plural = _("helpline e-mails")

    def __str__(self):
        return f"{self.message} ({self.state})"


class HelplineReceipt(IdempotencyReceipt):
    contact = models.ForeignKey(HelplineContact, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["namespace", "key_hash"], name="reports_one_helpline_receipt_per_key"),
        ]

    def __str__(self):
        return f"{self.contact} ({self.created_at:%Y-%m-%d %H:%M})"
