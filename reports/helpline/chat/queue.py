"""The queue as people see it: a visitor's place and expected wait, and the supervisor's
live figures. One snapshot (three small queries) serves every connected client: the
consumers compute each visitor's place from it without asking the database again."""

import math
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Avg, Case, Count, F, Q, Sum, Value, When
from django.utils import timezone

from ...models import CRISIS_CATEGORIES, ChatConversation, ChatState, CounsellorPresence
from ...models.chat import HELD_STATES

DEFAULT_CHAT_MINUTES = 15  # until the day has chats of its own to average


@dataclass
class Snapshot:
    waiting: list = field(default_factory=list)  # conversation ids, first in line first
    active: int = 0
    wrapping_up: int = 0
    available: int = 0
    free_places: int = 0
    longest_wait_seconds: int = 0
    chat_minutes: float = DEFAULT_CHAT_MINUTES
    today: dict = field(default_factory=dict)

    def place(self, conversation_id):
        """1 for the first in line; None when not waiting."""
        try:
            return self.waiting.index(conversation_id) + 1
        except ValueError:
            return None

    def expected_minutes(self, place):
        """A cautious estimate: nothing while a counsellor has a free place, else the
        visitors ahead spread over the available counsellors, each chat the day's average."""
        ahead = place - self.free_places
        if ahead <= 0:
            return 0
        return math.ceil(ahead * self.chat_minutes / max(1, self.available))

    def figures(self):
        return {key: value for key, value in asdict(self).items() if key != "waiting"} | {"waiting": len(self.waiting)}


def waiting_line():
    """The visitors waiting, in the order counsellors take them: a chat about suicide,
    self-harm or sextortion first (as urgent contacts are in the helpline's queue), then
    the longest waiting."""
    crisis_first = Case(When(topic__in=sorted(CRISIS_CATEGORIES), then=Value(0)), default=Value(1))
    waiting = ChatConversation.objects.filter(state=ChatState.QUEUED, blocked_at=None)
    return waiting.order_by(crisis_first, "queued_at", "pk")


def snapshot(now=None):
    now = now or timezone.now()
    waiting = list(waiting_line().values_list("pk", "queued_at"))
    presences = CounsellorPresence.objects.filter(status=CounsellorPresence.Status.AVAILABLE).aggregate(
        counsellors=Count("pk"), capacity=Sum("capacity")
    )
    day_start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    counts = ChatConversation.objects.aggregate(
        active=Count("pk", filter=Q(state=ChatState.ACTIVE)),
        wrapping_up=Count("pk", filter=Q(state=ChatState.LEFT)),
        held_by_available=Count(
            "pk",
            filter=Q(state__in=HELD_STATES, counsellor__chat_presence__status=CounsellorPresence.Status.AVAILABLE),
        ),
        started=Count("pk", filter=Q(queued_at__gte=day_start)),
        answered=Count("pk", filter=Q(queued_at__gte=day_start, accepted_at__isnull=False)),
        abandoned=Count("pk", filter=Q(queued_at__gte=day_start, state=ChatState.ABANDONED)),
        average=Avg(
            F("ended_at") - F("accepted_at"),
            filter=Q(ended_at__gte=now - timedelta(days=1), accepted_at__isnull=False),
        ),
    )
    average = counts["average"]
    return Snapshot(
        waiting=[pk for pk, _queued in waiting],
        active=counts["active"],
        wrapping_up=counts["wrapping_up"],
        available=presences["counsellors"],
        free_places=max(0, (presences["capacity"] or 0) - counts["held_by_available"]),
        longest_wait_seconds=int((now - min(queued for _pk, queued in waiting)).total_seconds()) if waiting else 0,
        chat_minutes=round(average.total_seconds() / 60, 1) if average else DEFAULT_CHAT_MINUTES,
        today={key: counts[key] for key in ("started", "answered", "abandoned")},
    )


def is_staffed():
    """Whether anyone is available now (the page warns that the wait may be long if not)."""
    return CounsellorPresence.objects.filter(status=CounsellorPresence.Status.AVAILABLE).exists()


def expire_stale_queue(now=None):
    """Queued visitors whose page has been gone for ``HELPLINE_CHAT_QUEUE_GRACE_SECONDS``
    left without saying so: the queue forgets them (state ``abandoned``)."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.HELPLINE_CHAT_QUEUE_GRACE_SECONDS)
    return ChatConversation.objects.filter(
        state=ChatState.QUEUED, visitor_online=False, visitor_seen_at__lt=cutoff
    ).update(state=ChatState.ABANDONED, ended_at=now)
