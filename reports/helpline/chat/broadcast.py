"""What the consumers tell each other through the channel layer: group names and the
events sent to them. The layer carries notices and message numbers, never a message's
text or a nickname (each receiving consumer reads the message from the database), so
nothing personal passes through Redis; the database stays the record, and a client that
missed a notice catches up with ``sync``."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from ...models import ChatConversation
from ...models.chat import HELD_STATES
from ..defang import defanged_text
from . import assignment, queue

CONSOLES = "helpline-consoles"  # every counsellor's console: queue figures
WAITING = "helpline-waiting"  # every visitor's page: places in the queue


def chat_group(conversation_id):
    return f"helpline-chat-{conversation_id}"


def counsellor_group(user_id):
    return f"helpline-counsellor-{user_id}"


def counsellor_name(user):
    return user.first_name or user.get_username() if user else ""


def message_item(message, for_counsellor=False):
    """A stored message as clients receive it; counsellors see addresses defanged."""
    text = message.text
    if for_counsellor and message.sender == message.Sender.VISITOR:
        text = defanged_text(text)
    return {
        "type": "message",
        "conversation": message.conversation_id,
        "seq": message.seq,
        "from": message.sender,
        "client_id": message.client_id,
        "text": text,
        "at": message.created_at.isoformat(),
    }


def queue_event():
    """The queue now, for ``queue.changed`` (computed once, sent to everyone)."""
    queue.expire_stale_queue()
    snapshot = queue.snapshot()
    return {
        "type": "queue.changed",
        "waiting": snapshot.waiting,
        "free_places": snapshot.free_places,
        "available": snapshot.available,
        "chat_minutes": snapshot.chat_minutes,
        "figures": snapshot.figures(),
        "counsellors": assignment.counsellors(),
        "chats": held_chats(),
    }


def held_chats():
    """The chats in conversation or being wrapped up, without anything personal: what the
    supervisor's list shows (a supervisor opens one with ``read``, which is audited)."""
    rows = ChatConversation.objects.filter(state__in=HELD_STATES).select_related("counsellor").order_by("accepted_at")
    return [
        {
            "id": row.pk,
            "state": row.state,
            "counsellor": counsellor_name(row.counsellor),
            "since": row.accepted_at.isoformat() if row.accepted_at else "",
        }
        for row in rows
    ]


async def announce(layer, event):
    await layer.group_send(WAITING, event)
    await layer.group_send(CONSOLES, event)


def announce_from_sync(event):
    """For a plain view (starting a chat is an HTTP request)."""
    layer = get_channel_layer()
    async_to_sync(announce)(layer, event)
