"""The visitor's side of a chat: start it, find it by its token, send and read messages,
end it, answer the survey. Every function is a short transaction; the consumers call them
from their worker thread and then tell the connected clients (chat/consumers.py)."""

import secrets

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from ...models import AuditEntry, ChatConversation, ChatEvent, ChatMessage, ChatState, audit
from ...models.public_case import hash_token
from . import hours

HISTORY_LIMIT = 1000  # messages sent at once to a client catching up; a chat has fewer


class ChatUnavailable(Exception):
    """Outside the opening hours."""


class ChatEnded(Exception):
    """The conversation is over: nothing more can be sent to it."""


def start(data, language):
    """A new conversation in the queue and the token that opens it (shown once, to the page)."""
    if not hours.is_open():
        raise ChatUnavailable
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        conversation = ChatConversation.objects.create(
            token_hash=hash_token(token),
            language=language,
            nickname=data.get("nickname") or "",
            age_band=data["age_band"],
            role=data["role"],
            topic=data.get("topic") or "",
        )
        ChatEvent.objects.create(conversation=conversation, kind=ChatEvent.Kind.STARTED)
        audit(None, AuditEntry.Action.CREATE, conversation, "chat started")
    return conversation, token


def find(token):
    """The conversation ``token`` opens, or None (also for a blocked token)."""
    if not token or len(token) > 100:
        return None
    conversation = ChatConversation.objects.filter(token_hash=hash_token(token)).first()
    if conversation is None or conversation.blocked_at or conversation.anonymised_at:
        return None
    return conversation


def post(conversation_id, sender, text, client_id, author=None):
    """Store a message once: ``(message, created)``. The same ``client_id`` sent again (a
    retry after a lost acknowledgement) returns the stored message, numbered as before."""
    try:
        with transaction.atomic():
            return _numbered(conversation_id, sender, text, client_id, author), True
    except IntegrityError:
        # Sent before (the unique client id refused it, and the number taken with it).
        earlier = ChatMessage.objects.filter(conversation_id=conversation_id, sender=sender, client_id=client_id)
        if earlier := earlier.first():
            return earlier, False
        raise


# One statement takes the next number: the update holds the conversation's row lock
# (PostgreSQL) or the write lock (SQLite) until commit, so numbers are handed out one at a
# time, in commit order, without gaps. RETURNING: PostgreSQL, and SQLite 3.35 or newer.
NEXT_NUMBER = (
    "UPDATE {table} SET last_seq = last_seq + 1 "
    "WHERE id = %s AND state IN ({states}) AND blocked_at IS NULL RETURNING last_seq"
)


def _numbered(conversation_id, sender, text, client_id, author):
    states = [ChatState.ACTIVE] if sender == ChatMessage.Sender.COUNSELLOR else [ChatState.QUEUED, ChatState.ACTIVE]
    sql = NEXT_NUMBER.format(table=ChatConversation._meta.db_table, states=", ".join(["%s"] * len(states)))
    with connection.cursor() as cursor:
        cursor.execute(sql, [conversation_id, *states])
        row = cursor.fetchone()
    if row is None:
        raise ChatEnded
    return ChatMessage.objects.create(
        conversation_id=conversation_id,
        seq=row[0],
        sender=sender,
        author=author,
        client_id=client_id,
        text=text,
        created_at=timezone.now(),
    )


def since(conversation_id, after=0):
    """The messages numbered after ``after``, in order."""
    messages = ChatMessage.objects.filter(conversation_id=conversation_id, seq__gt=after).select_related("author")
    return list(messages.order_by("seq")[:HISTORY_LIMIT])


def visitor_seen(conversation_id, online):
    ChatConversation.objects.filter(pk=conversation_id).update(visitor_online=online, visitor_seen_at=timezone.now())


@transaction.atomic
def visitor_ends(conversation_id):
    """The visitor ends the chat: a queued one is abandoned, an active one waits for the
    counsellor to wrap it up. Returns the new state (None when it had ended already)."""
    now = timezone.now()
    if ChatConversation.objects.filter(pk=conversation_id, state=ChatState.QUEUED).update(
        state=ChatState.ABANDONED, ended_at=now
    ):
        state = ChatState.ABANDONED
    elif ChatConversation.objects.filter(pk=conversation_id, state=ChatState.ACTIVE).update(
        state=ChatState.LEFT, ended_at=now
    ):
        state = ChatState.LEFT
    else:
        return None
    ChatEvent.objects.create(conversation_id=conversation_id, kind=ChatEvent.Kind.VISITOR_LEFT, details={"was": state})
    return state


class SurveyRefused(Exception):
    pass


@transaction.atomic
def answer_survey(conversation_id, rating, comment=""):
    """The post-chat survey, once, after the chat has ended."""
    ended = [ChatState.LEFT, ChatState.CLOSED, ChatState.ABANDONED]
    updated = ChatConversation.objects.filter(pk=conversation_id, state__in=ended, survey_rating=None)
    if not updated.update(survey_rating=rating):
        raise SurveyRefused
    conversation = ChatConversation.objects.get(pk=conversation_id)
    conversation.survey_comment = comment
    conversation.save(update_fields=["survey_comment"])
    ChatEvent.objects.create(conversation=conversation, kind=ChatEvent.Kind.SURVEY, details={"rating": rating})
