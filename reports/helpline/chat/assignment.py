"""The counsellors' side of a chat: availability and capacity, taking the next visitor
from the queue, transfer, closing with categories (which files the helpline contact of
part 1, channel ``chat``), blocking a token, and a supervisor's audited reading.

A chat is never held by two counsellors: taking it is a conditional update
(``state=queued`` → ``active``) that only one of several racing counsellors can win, on
any number of server processes; transfer is conditional on the current holder in the
same way. A counsellor's capacity is checked under a lock of their presence row.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ...models import (
    CRISIS_CATEGORIES,
    AuditEntry,
    ChatConversation,
    ChatEvent,
    ChatMessage,
    ChatState,
    ContactChannel,
    ContactEvent,
    ContactStatus,
    CounsellorPresence,
    HelplineContact,
    ReferenceSequence,
    audit,
)
from ...models.chat import HELD_STATES
from .. import workflow
from ..intake import REFERENCE_PREFIX
from . import conversations, queue


class ChatRefused(Exception):
    """An action the chat's state or the counsellor's does not allow; the message says why."""


def presence(user):
    record, _created = CounsellorPresence.objects.get_or_create(
        user=user, defaults={"capacity": settings.HELPLINE_CHAT_CAPACITY}
    )
    return record


def set_presence(user, status, capacity=None):
    record = presence(user)
    record.status = status
    if capacity is not None:
        record.capacity = capacity
    record.changed_at = timezone.now()
    record.save()
    return record


def held(user):
    """The chats ``user`` holds (in conversation or to be wrapped up), oldest first."""
    return list(ChatConversation.objects.filter(counsellor=user, state__in=HELD_STATES).order_by("accepted_at"))


def take_next(user):
    """The next waiting visitor (queue.waiting_line), now ``user``'s; None when nobody waits."""
    queue.expire_stale_queue()  # not a visitor whose page has long gone
    with transaction.atomic():
        record = CounsellorPresence.objects.select_for_update().get(pk=presence(user).pk)
        if record.status != CounsellorPresence.Status.AVAILABLE:
            raise ChatRefused(_("Set yourself available first."))
        if len(held(user)) >= record.capacity:
            raise ChatRefused(_("You hold as many chats as your capacity allows."))
        for candidate in queue.waiting_line().values_list("pk", flat=True)[:20]:
            if _claim(candidate, user):
                return ChatConversation.objects.get(pk=candidate)
    return None


def _claim(conversation_id, user):
    now = timezone.now()
    won = ChatConversation.objects.filter(pk=conversation_id, state=ChatState.QUEUED, counsellor=None).update(
        state=ChatState.ACTIVE, counsellor=user, accepted_at=now
    )
    if not won:
        return False  # another counsellor was quicker
    conversation = ChatConversation.objects.get(pk=conversation_id)
    conversation.contact = _contact_for(conversation, user, now)
    conversation.save(update_fields=["contact"])
    ChatEvent.objects.create(
        conversation=conversation, kind=ChatEvent.Kind.TAKEN, actor=user, actor_name=user.get_username()
    )
    return True


def _contact_for(conversation, user, now):
    """The helpline contact the chat is recorded as (part 1's queue, statistics, retention)."""
    contact = HelplineContact.objects.create(
        reference=ReferenceSequence.next_reference(REFERENCE_PREFIX, now),
        received_at=conversation.queued_at,
        channel=ContactChannel.CHAT,
        nickname=conversation.nickname,
        age_band=conversation.age_band,
        role=conversation.role,
        language=conversation.language,
        consent_at=conversation.queued_at,
        status=ContactStatus.OPEN,
        assigned_to=user,
        urgent=conversation.topic in CRISIS_CATEGORIES,
    )
    ContactEvent.objects.create(
        contact=contact, kind=ContactEvent.Kind.RECEIVED, created_at=now, details={"channel": ContactChannel.CHAT}
    )
    audit(user, AuditEntry.Action.CREATE, contact, ContactChannel.CHAT)
    return contact


def _held_by(conversation_id, user):
    conversation = ChatConversation.objects.filter(pk=conversation_id, counsellor=user).first()
    if conversation is None or conversation.state not in HELD_STATES:
        raise ChatRefused(_("This chat is not yours."))
    return conversation


def reply(conversation_id, user, text, client_id):
    """A counsellor's message in a chat they hold: ``(message, created)`` as conversations.post."""
    conversation = _held_by(conversation_id, user)
    if conversation.state != ChatState.ACTIVE:
        raise ChatRefused(_("The visitor has left this chat."))
    message, created = conversations.post(conversation_id, ChatMessage.Sender.COUNSELLOR, text, client_id, author=user)
    if created and conversation.contact_id:
        first = HelplineContact.objects.filter(pk=conversation.contact_id, first_reply_at=None)
        first.update(first_reply_at=message.created_at)
    return message, created


@transaction.atomic
def transfer(conversation_id, user, to_user):
    """Hand a chat (and its history, which stays with it) to another available counsellor."""
    if to_user.pk == user.pk or not to_user.has_perm("reports.access_helpline"):
        raise ChatRefused(_("Choose another counsellor."))
    target = CounsellorPresence.objects.select_for_update().filter(user=to_user).first()
    if target is None or target.status != CounsellorPresence.Status.AVAILABLE:
        raise ChatRefused(_("That counsellor is not available."))
    if len(held(to_user)) >= target.capacity:
        raise ChatRefused(_("That counsellor has no free place."))
    conversation = _held_by(conversation_id, user)
    if not ChatConversation.objects.filter(pk=conversation.pk, counsellor=user).update(counsellor=to_user):
        raise ChatRefused(_("This chat is not yours."))
    if conversation.contact_id:
        HelplineContact.objects.filter(pk=conversation.contact_id).update(assigned_to=to_user)
    ChatEvent.objects.create(
        conversation=conversation,
        kind=ChatEvent.Kind.TRANSFERRED,
        actor=user,
        actor_name=user.get_username(),
        details={"to": to_user.get_username()},
    )
    return ChatConversation.objects.get(pk=conversation.pk)


@transaction.atomic
def close(conversation_id, user, categories, outcome):
    """End the chat (if the visitor has not) and close its contact with ``categories``."""
    conversation = _held_by(conversation_id, user)
    if not categories:
        raise ChatRefused(_("Choose at least one category."))
    now = timezone.now()
    ChatConversation.objects.filter(pk=conversation.pk).update(
        state=ChatState.CLOSED, ended_at=conversation.ended_at or now
    )
    contact = HelplineContact.objects.get(pk=conversation.contact_id)
    for category in dict.fromkeys(categories):
        workflow.categorise(contact, user, contact.version, category)
    minutes = max(1, round((now - conversation.accepted_at).total_seconds() / 60))
    HelplineContact.objects.filter(pk=contact.pk).update(duration_minutes=minutes)
    workflow.close(contact, user, contact.version, outcome)
    ChatEvent.objects.create(
        conversation=conversation,
        kind=ChatEvent.Kind.CLOSED,
        actor=user,
        actor_name=user.get_username(),
        details={"categories": list(dict.fromkeys(categories)), "outcome": outcome},
    )
    return conversation.state


@transaction.atomic
def block(conversation_id, user):
    """The token opens nothing any more: the visitor is disconnected and cannot return
    with it (they may start a new chat, within the start limit)."""
    conversation = _held_by(conversation_id, user)
    now = timezone.now()
    ChatConversation.objects.filter(pk=conversation.pk).update(
        blocked_at=now,
        state=ChatState.LEFT if conversation.state == ChatState.ACTIVE else conversation.state,
        ended_at=conversation.ended_at or now,
    )
    ChatEvent.objects.create(
        conversation=conversation, kind=ChatEvent.Kind.BLOCKED, actor=user, actor_name=user.get_username()
    )
    audit(user, AuditEntry.Action.CHANGE, conversation, "chat token blocked")


def read_as_supervisor(conversation_id, user):
    """A supervisor opens a conversation they do not hold: allowed, and recorded."""
    if not user.has_perm("reports.supervise_helpline"):
        raise ChatRefused(_("Only supervisors can read other counsellors' chats."))
    conversation = ChatConversation.objects.filter(pk=conversation_id).first()
    if conversation is None or conversation.anonymised_at:
        raise ChatRefused(_("This chat is not available."))
    ChatEvent.objects.create(
        conversation=conversation, kind=ChatEvent.Kind.READ, actor=user, actor_name=user.get_username()
    )
    audit(user, AuditEntry.Action.VIEW, conversation, "chat read by a supervisor")
    return conversation


def counsellors():
    """Available counsellors and their free places (for transfer and the supervisor)."""
    rows = (
        CounsellorPresence.objects.filter(status=CounsellorPresence.Status.AVAILABLE)
        .select_related("user")
        .annotate(holding=Count("user__helpline_chats", filter=Q(user__helpline_chats__state__in=HELD_STATES)))
        .order_by("user__first_name", "user__username")
    )
    return [
        {
            "id": row.user_id,
            "name": row.user.get_full_name() or row.user.get_username(),
            "free": row.capacity - row.holding,
        }
        for row in rows
    ]
