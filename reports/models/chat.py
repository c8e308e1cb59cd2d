"""The helpline's live chat: a conversation between an anonymous visitor and a counsellor,
its numbered messages, the counsellors' availability, and the chat's audit trail.

The visitor is known only by a chat token their page holds (its hash is stored); no IP
address, user agent or cookie. The nickname, the messages and the survey comment are
encrypted and deleted by the helpline's retention; the codes statistics count stay.

Delivery rests on two database rules: messages are numbered per conversation without gaps
(``seq``, unique), and a message a client sends again after a lost acknowledgement is
recognised by its ``client_id`` (unique per conversation and side). A conversation is
taken by one counsellor only: the take is a conditional update (see chat/assignment.py),
and a check constraint keeps every active conversation with exactly one counsellor.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.crypto import EncryptedTextField

from .append_only import HistoryEvent
from .helpline import AgeBand, HelplineCategory, HelplineContact, Role

MAX_CHAT_MESSAGE_LENGTH = 2000
MAX_CLIENT_ID_LENGTH = 40
MAX_SURVEY_COMMENT_LENGTH = 1000


class ChatState(models.TextChoices):
    QUEUED = "queued", _("waiting in the queue")
    ACTIVE = "active", _("in conversation")
    LEFT = "left", _("the visitor left, to be wrapped up")
    CLOSED = "closed", _("closed")
    ABANDONED = "abandoned", _("left before a counsellor joined")


# A counsellor's chats that take a place of their capacity (wrapping up takes one too).
HELD_STATES = (ChatState.ACTIVE, ChatState.LEFT)


class ChatConversation(models.Model):
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    state = models.CharField(
        _("state"), max_length=10, choices=ChatState.choices, default=ChatState.QUEUED, db_index=True
    )
    language = models.CharField(_("language"), max_length=8, default="cs")
    nickname = EncryptedTextField(_("nickname"), blank=True)
    age_band = models.CharField(_("age"), max_length=8, choices=AgeBand.choices, default=AgeBand.UNKNOWN)
    role = models.CharField(_("who is asking"), max_length=16, choices=Role.choices, default=Role.OTHER)
    topic = models.CharField(_("topic"), max_length=32, choices=HelplineCategory.choices, blank=True)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("counsellor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpline_chats",
    )
    contact = models.OneToOneField(
        HelplineContact,
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chat",
    )
    queued_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    accepted_at = models.DateTimeField(_("counsellor joined"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    visitor_online = models.BooleanField(default=False)  # until the page joins over the WebSocket
    visitor_seen_at = models.DateTimeField(default=timezone.now)
    blocked_at = models.DateTimeField(_("blocked"), null=True, blank=True)
    last_seq = models.PositiveIntegerField(default=0, editable=False)
    survey_rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    survey_comment = EncryptedTextField(_("comment"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("chat")
        verbose_name_plural = _("chats")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="chat_held_by_one_counsellor",
                condition=~Q(state__in=["active", "left", "closed"]) | Q(counsellor__isnull=False),
            ),
            models.CheckConstraint(
                name="chat_rating_1_to_5",
                condition=Q(survey_rating__isnull=True) | Q(survey_rating__gte=1, survey_rating__lte=5),
            ),
        ]

    def __str__(self):
        return f"chat {self.pk} ({self.state})"


class ChatMessage(models.Model):
    class Sender(models.TextChoices):
        VISITOR = "visitor", _("visitor")
        COUNSELLOR = "counsellor", _("counsellor")

    conversation = models.ForeignKey(ChatConversation, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveIntegerField()
    sender = models.CharField(max_length=10, choices=Sender.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    client_id = models.CharField(max_length=MAX_CLIENT_ID_LENGTH)
    text = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["conversation", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="chat_message_numbered_once"),
            models.UniqueConstraint(fields=["conversation", "sender", "client_id"], name="chat_message_sent_once"),
        ]

    def __str__(self):
        return f"{self.conversation_id}#{self.seq}"


class CounsellorPresence(models.Model):
    class Status(models.TextChoices):
        AVAILABLE = "available", _("available")
        AWAY = "away", _("away")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_presence")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AWAY)
    capacity = models.PositiveSmallIntegerField(default=3)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user} {self.status}"


class ChatEvent(HistoryEvent):
    """What happened to a chat (taken, transferred, ended, blocked, read by a supervisor)."""

    class Kind(models.TextChoices):
        STARTED = "started", _("chat started")
        TAKEN = "taken", _("taken from the queue")
        TRANSFERRED = "transferred", _("transferred")
        VISITOR_LEFT = "visitor-left", _("the visitor ended the chat")
        CLOSED = "closed", _("closed with categories")
        BLOCKED = "blocked", _("chat token blocked")
        READ = "read", _("conversation read by a supervisor")
        SURVEY = "survey", _("survey answered")

    conversation = models.ForeignKey(ChatConversation, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)

    class Meta:
        verbose_name = _("chat event")
        verbose_name_plural = _("chat events")
        ordering = ["created_at", "pk"]
