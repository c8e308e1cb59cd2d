"""What schools send the Academy: workshop inquiries (worked through in the staff inbox)
and registrations for a programme's seats, and the e-mails the worker sends about them.

These are case data, not content: plain models, never pages, never searched or public.
The contact person's name, e-mail address and telephone number and the message are kept
encrypted, and blanked by the retention job (``ACADEMY_RETENTION_DAYS``) while the counts
the centre reports (region, audience, group size, outcome, dates) stay.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.crypto import EncryptedTextField
from cms.core.models import IdempotencyReceipt, OutgoingMessage

from .academy import ProgrammePage, Region, WorkshopPage
from .events import EventPage

INQUIRY_PREFIX = "AK"
REGISTRATION_PREFIX = "AP"
MAX_MESSAGE_LENGTH = 3000
MAX_GROUP_SIZE = 500
MAX_SEATS_PER_REGISTRATION = 60


class InquiryStatus(models.TextChoices):
    NEW = "new", _("new")
    IN_DISCUSSION = "in-discussion", _("in discussion")
    SCHEDULED = "scheduled", _("scheduled")
    HELD = "held", _("held")
    CLOSED = "closed", _("closed")
    DECLINED = "declined", _("declined")


# Where an inquiry may go from each status. Any open one may be declined; a held
# workshop is closed once its follow-up is done; a scheduled one may go back to
# discussion when the school moves the date.
NEXT_STATUSES = {
    InquiryStatus.NEW: {InquiryStatus.IN_DISCUSSION, InquiryStatus.SCHEDULED, InquiryStatus.DECLINED},
    InquiryStatus.IN_DISCUSSION: {InquiryStatus.SCHEDULED, InquiryStatus.DECLINED},
    InquiryStatus.SCHEDULED: {InquiryStatus.HELD, InquiryStatus.IN_DISCUSSION, InquiryStatus.DECLINED},
    InquiryStatus.HELD: {InquiryStatus.CLOSED},
    InquiryStatus.CLOSED: set(),
    InquiryStatus.DECLINED: set(),
}
FINISHED = (InquiryStatus.CLOSED, InquiryStatus.DECLINED)


class WorkshopInquiry(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, editable=False)
    channel = models.CharField(_("channel"), max_length=16, editable=False)
    organisation = models.CharField(_("school or organisation"), max_length=200)
    ico = models.CharField(_("company ID (IČO)"), max_length=8, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    contact_name = EncryptedTextField(_("contact person"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("telephone"), blank=True)
    audiences = models.ManyToManyField("resources.Audience", verbose_name=_("audiences"), related_name="+")
    group_size = models.PositiveSmallIntegerField(
        _("group size"), validators=[MinValueValidator(1), MaxValueValidator(MAX_GROUP_SIZE)]
    )
    preferred_dates = models.CharField(_("preferred dates"), max_length=300, blank=True)
    topics = models.ManyToManyField("resources.Topic", verbose_name=_("topics"), blank=True, related_name="+")
    workshop = models.ForeignKey(
        WorkshopPage, verbose_name=_("workshop"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    programme = models.ForeignKey(
        ProgrammePage, verbose_name=_("programme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = EncryptedTextField(_("message"), blank=True)

    status = models.CharField(_("status"), max_length=16, choices=InquiryStatus.choices, default=InquiryStatus.NEW)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now, editable=False)
    lecturer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lecturer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True, help_text=_("For the Academy's staff only."))
    scheduled_start = models.DateTimeField(_("workshop starts"), null=True, blank=True)
    scheduled_end = models.DateTimeField(_("workshop ends"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True, help_text=_("Where it is held, or 'online'."))
    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    participants = models.PositiveSmallIntegerField(
        _("participants"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_GROUP_SIZE)],
        help_text=_("How many took part, once the workshop is held."),
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("workshop inquiry")
        verbose_name_plural = _("workshop inquiries")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "-received_at"], name="home_inquiry_inbox")]

    def __str__(self):
        return f"{self.reference} – {self.organisation}"


class InquiryReceipt(IdempotencyReceipt):
    inquiry = models.ForeignKey(WorkshopInquiry, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["namespace", "key_hash"], name="home_inquiry_receipt_unique")]


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class ProgrammeRegistration(models.Model):
    """Seats a school or organisation asked for on a programme: confirmed while seats last,
    then on the waiting list in the order they came."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, editable=False)
    channel = models.CharField(_("channel"), max_length=16, editable=False)
    programme = models.ForeignKey(
        ProgrammePage, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="registrations"
    )
    organisation = models.CharField(_("school or organisation"), max_length=200)
    contact_name = EncryptedTextField(_("contact person"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    seats = models.PositiveSmallIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(MAX_SEATS_PER_REGISTRATION)]
    )
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("programme registration")
        verbose_name_plural = _("programme registrations")
        ordering = ["received_at", "pk"]
        indexes = [models.Index(fields=["programme", "status", "received_at"], name="home_registration_seats")]

    def __str__(self):
        return f"{self.reference} – {self.organisation}"


class RegistrationReceipt(IdempotencyReceipt):
    registration = models.ForeignKey(ProgrammeRegistration, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["namespace", "key_hash"], name="home_registration_receipt_unique")
        ]


class AcademyEmailKind(models.TextChoices):
    INQUIRY_RECEIVED = "inquiry-received", _("inquiry received")
    INQUIRY_ANSWER = "inquiry-answer", _("answer from the Academy")
    INQUIRY_SCHEDULED = "inquiry-scheduled", _("workshop scheduled")
    REGISTRATION_CONFIRMED = "registration-confirmed", _("registration confirmed")
    REGISTRATION_WAITING = "registration-waiting", _("on the waiting list")
    REGISTRATION_PROMOTED = "registration-promoted", _("a seat came free")


class AcademyEmail(OutgoingMessage):
    """An e-mail to the person who wrote in; the address is read, encrypted, from the
    inquiry or registration when it is sent."""

    kind = models.CharField(_("kind"), max_length=24, choices=AcademyEmailKind.choices)
    inquiry = models.ForeignKey(WorkshopInquiry, null=True, blank=True, on_delete=models.CASCADE, related_name="emails")
    registration = models.ForeignKey(
        ProgrammeRegistration, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    text = EncryptedTextField(_("message"), blank=True, help_text=_("What staff wrote to the school."))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Academy e-mail")
        verbose_name_plural = _("Academy e-mails")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.state})"
