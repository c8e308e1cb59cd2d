"""What the consumers tell each other through the channel layer: group names and the
events sent to them. A stored message travels to the other side's consumers in the event
(with channels-redis, every event is encrypted with a key derived from
FIELD_ENCRYPTION_KEY, so no message text is readable in Redis); the database stays the
record, and a client that missed an event catches up with ``sync``.

The queue's figures change with every chat started, taken or ended; they are computed
and sent at most every ``ANNOUNCE_SECONDS`` per process, however many changes happened
meanwhile (under load, one set of queries instead of one per change)."""

import asyncio

from channels.db import database_sync_to_async

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
    item = {
        "type": "message",
        "conversation": message.conversation_id,
        "seq": message.seq,
        "from": message.sender,
        "client_id": message.client_id,
        "text": message.text,
        "at": message.created_at.isoformat(),
    }
    return for_counsellors(item) if for_counsellor else item


def for_counsellors(item):
    """A message item as counsellors see it: what a visitor wrote, with its addresses defanged."""
    if item["from"] == "visitor":
        return {**item, "text": defanged_text(item["text"])}
    return item


def queue_events():
    """The queue now, computed once: the visitors' event (the line, for each to find its
    place) and the consoles' (figures, counsellors, chats held: nothing personal)."""
    queue.expire_stale_queue()
    snapshot = queue.snapshot()
    waiting = {
        "type": "queue.changed",
        "waiting": snapshot.waiting,
        "free_places": snapshot.free_places,
        "available": snapshot.available,
        "chat_minutes": snapshot.chat_minutes,
    }
    consoles = {
        "type": "console.figures",
        "figures": snapshot.figures(),
        "counsellors": assignment.counsellors(),
        "chats": held_chats(),
    }
    return waiting, consoles


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


async def announce(layer, events):
    waiting, consoles = events
    await layer.group_send(WAITING, waiting)
    await layer.group_send(CONSOLES, consoles)


ANNOUNCE_SECONDS = 0.25
_pending = {}  # event loop → the announcement task waiting to run on it


async def announce_soon(layer):
    """Announce the queue within ANNOUNCE_SECONDS (once, whatever else changes meanwhile)."""
    loop = asyncio.get_running_loop()
    if loop in _pending:
        return
    _pending[loop] = loop.create_task(_announce_later(layer, loop))


async def _announce_later(layer, loop):
    try:
        await asyncio.sleep(ANNOUNCE_SECONDS)
    finally:
        _pending.pop(loop, None)
    await announce(layer, await database_sync_to_async(queue_events)())
