"""The chat's two WebSocket endpoints: ``/ws/helpline/chat/`` for the visitor (anonymous,
known by the chat token sent in its first event) and ``/ws/helpline/console/`` for
counsellors (signed in, second factor done, ``reports.access_helpline``).

Every event is checked by ``protocol`` and, for anything that writes or reads a chat, by
the services against the database (is this chat yours?), not against what the client
says. Stored messages are acknowledged with their number; clients show messages in
number order and ask for what they missed (``sync``) when a number is skipped or after
reconnecting.
"""

import asyncio

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from ...models import ChatConversation, ChatMessage, ChatState
from . import assignment, broadcast, conversations, limits, protocol
from .protocol import BadEvent

JOIN_SECONDS = 10  # a visitor's connection must name its chat this soon
CLOSE_UNKNOWN = 4404
CLOSE_BLOCKED = 4403
CLOSE_FORBIDDEN = 4401


def db(function):
    """``function`` (database work) run off the event loop: in a pool of threads, so that
    one chat's commit does not wait for another's (each thread has its own connection), or
    with ``HELPLINE_CHAT_PARALLEL_DATABASE`` off in one thread (the tests: their
    transaction lives on that thread's connection)."""
    return database_sync_to_async(function, thread_sensitive=not settings.HELPLINE_CHAT_PARALLEL_DATABASE)


def admin_language(user):
    """The language the counsellor chose for the admin (Wagtail's account settings)."""
    chosen = UserProfile.get_for_user(user).get_preferred_language()
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class ChatConsumer(AsyncWebsocketConsumer):
    """What both sides share: parsing, refusals, message copies and the queue."""

    events = {}
    language = settings.LANGUAGE_CODE  # the visitor's chat's, the counsellor's admin language

    async def receive(self, text_data=None, bytes_data=None):
        with translation.override(self.language):
            await self.handle(text_data, bytes_data)

    async def handle(self, text_data, bytes_data):
        if bytes_data is not None:
            await self.refuse(BadEvent("text_only"))
            return
        try:
            event = protocol.parse(text_data, self.events)
            await getattr(self, f"on_{event.pop('type')}")(**event)
        except BadEvent as bad:
            await self.refuse(bad)
        except (assignment.ChatRefused, conversations.ChatEnded, conversations.SurveyRefused) as refused:
            await self.refuse(BadEvent("refused"), str(refused) or _("This chat has ended."))

    async def refuse(self, bad, message=""):
        event = bad.as_event()
        await self.send_json({**event, "message": message or event["message"]})

    async def send_json(self, content):
        await self.send(text_data=protocol.dumps(content))

    async def send_after_limit(self, allowed):
        granted, retry_after = allowed
        if not granted:
            await self.send_json({"type": "error", "code": "too_many", "field": "", "retry_after": retry_after})
        return granted

    async def announce_queue(self):
        await broadcast.announce_soon(self.channel_layer)

    # Group events every member receives; each side overrides what it shows.
    async def chat_typing(self, event):
        pass

    async def chat_presence(self, event):
        pass

    async def chat_joined(self, event):
        pass

    async def chat_blocked(self, event):
        pass

    async def chat_ended(self, event):
        pass


class VisitorConsumer(ChatConsumer):
    events = protocol.VISITOR_EVENTS
    conversation_id = None
    waiting = False

    async def connect(self):
        await self.accept()
        self.deadline = asyncio.get_running_loop().call_later(JOIN_SECONDS, self._too_slow)

    def _too_slow(self):
        if self.conversation_id is None:
            self.closing = asyncio.ensure_future(self.close(code=CLOSE_UNKNOWN))

    async def disconnect(self, code):
        self.deadline.cancel()
        if self.conversation_id is None:
            return
        await self.channel_layer.group_discard(broadcast.chat_group(self.conversation_id), self.channel_name)
        await self.channel_layer.group_discard(broadcast.WAITING, self.channel_name)
        await db(conversations.visitor_seen)(self.conversation_id, online=False)
        await self.to_chat({"type": "chat.presence", "online": False})

    async def to_chat(self, event):
        await self.channel_layer.group_send(
            broadcast.chat_group(self.conversation_id), {**event, "conversation": self.conversation_id}
        )

    def require_joined(self):
        if self.conversation_id is None:
            raise BadEvent("join_first", "type")

    async def on_join(self, token, after):
        if self.conversation_id is not None:
            raise BadEvent("already_joined", "type")
        if not await self.send_after_limit(await db(limits.join_allowed)(self.scope)):
            return
        conversation = await db(conversations.find)(token)
        if conversation is None:
            await self.refuse(BadEvent("unknown_chat", "token"), _("This chat does not exist or has ended."))
            await self.close(code=CLOSE_UNKNOWN)
            return
        self.conversation_id, self.language = conversation.pk, conversation.language
        await self.channel_layer.group_add(broadcast.chat_group(conversation.pk), self.channel_name)
        await self.channel_layer.group_add(broadcast.WAITING, self.channel_name)
        await db(conversations.visitor_seen)(conversation.pk, online=True)
        await self.send_json(await db(self._joined)(conversation, after))
        await self.to_chat({"type": "chat.presence", "online": True})
        if self.waiting:
            await self.announce_queue()  # a new visitor in the line: the consoles' figures change

    def _joined(self, conversation, after):
        self.waiting = conversation.state == ChatState.QUEUED
        state = {
            "type": "joined",
            "state": conversation.state,
            "counsellor": broadcast.counsellor_name(conversation.counsellor),
        }
        if self.waiting:
            snapshot = broadcast.queue.snapshot()
            place = snapshot.place(conversation.pk) or len(snapshot.waiting) + 1
            state.update(place=place, wait_minutes=snapshot.expected_minutes(place))
        state["messages"] = [broadcast.message_item(message) for message in conversations.since(conversation.pk, after)]
        return state

    async def on_message(self, client_id, text):
        self.require_joined()
        if not await self.send_after_limit(await db(limits.message_allowed)("visitor", self.conversation_id)):
            return
        message, created = await db(conversations.post)(
            self.conversation_id, ChatMessage.Sender.VISITOR, text, client_id
        )
        item = broadcast.message_item(message)
        await self.send_json({"type": "ack", "client_id": client_id, "seq": message.seq, "message": item})
        if created:
            await self.to_chat({"type": "chat.message", "message": item})

    async def on_sync(self, after):
        self.require_joined()
        messages = await db(conversations.since)(self.conversation_id, after)
        await self.send_json({"type": "history", "messages": [broadcast.message_item(item) for item in messages]})

    async def on_typing(self):
        self.require_joined()
        await self.to_chat({"type": "chat.typing", "from": "visitor"})

    async def on_end(self):
        self.require_joined()
        state = await db(conversations.visitor_ends)(self.conversation_id)
        if state:
            await self.to_chat({"type": "chat.ended", "by": "visitor", "state": state})
            await self.announce_queue()

    async def on_survey(self, rating, comment=""):
        self.require_joined()
        await db(conversations.answer_survey)(self.conversation_id, rating, comment)
        await self.send_json({"type": "survey_saved"})

    # Group events.
    async def chat_message(self, event):
        if event["message"]["from"] == "counsellor":  # the visitor's own came with its ack
            await self.send_json(event["message"])

    async def chat_typing(self, event):
        if event["from"] == "counsellor":
            await self.send_json({"type": "typing"})

    async def chat_joined(self, event):
        self.waiting = False
        await self.send_json({"type": "counsellor", "name": event["name"]})

    async def chat_ended(self, event):
        self.waiting = False
        await self.send_json({"type": "ended", "by": event["by"]})

    async def chat_blocked(self, event):
        await self.send_json({"type": "blocked"})
        await self.close(code=CLOSE_BLOCKED)

    async def queue_changed(self, event):
        if not self.waiting:
            return
        snapshot = broadcast.queue.Snapshot(
            waiting=event["waiting"],
            free_places=event["free_places"],
            available=event["available"],
            chat_minutes=event["chat_minutes"],
        )
        place = snapshot.place(self.conversation_id)
        if place is not None:
            await self.send_json({"type": "queue", "place": place, "wait_minutes": snapshot.expected_minutes(place)})


class CounsellorConsumer(ChatConsumer):
    events = protocol.COUNSELLOR_EVENTS

    async def connect(self):
        self.user = self.scope.get("user")
        if not await db(self._may_connect)():
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.held, self.reading = set(), set()
        await self.accept()
        await self.channel_layer.group_add(broadcast.counsellor_group(self.user.pk), self.channel_name)
        await self.channel_layer.group_add(broadcast.CONSOLES, self.channel_name)
        state = await db(self._state)()
        for chat in state["chats"]:
            await self.follow(chat["id"])
        await self.send_json(state)

    def _may_connect(self):
        if not (self.user and self.user.is_authenticated and self.user.has_perm("reports.access_helpline")):
            return False
        self.language = admin_language(self.user)
        return True

    def _state(self):
        presence = assignment.presence(self.user)
        return {
            "type": "state",
            "presence": {"status": presence.status, "capacity": presence.capacity},
            "supervisor": self.user.has_perm("reports.supervise_helpline"),
            "chats": [self._chat(conversation) for conversation in assignment.held(self.user)],
            **self._queue(),
        }

    def _queue(self):
        _waiting, consoles = broadcast.queue_events()
        return {"figures": consoles["figures"], "counsellors": consoles["counsellors"], "held": consoles["chats"]}

    def _chat(self, conversation):
        chat = {
            "id": conversation.pk,
            "state": conversation.state,
            "nickname": conversation.nickname,
            "age_band": conversation.get_age_band_display(),
            "role": conversation.get_role_display(),
            "topic": conversation.get_topic_display() if conversation.topic else "",
            "language": conversation.language,
            "visitor_online": conversation.visitor_online,
            "contact": conversation.contact.reference if conversation.contact_id else "",
            "contact_id": conversation.contact_id,
            "counsellor": broadcast.counsellor_name(conversation.counsellor),
        }
        messages = conversations.since(conversation.pk)
        chat["messages"] = [broadcast.message_item(message, for_counsellor=True) for message in messages]
        return chat

    async def disconnect(self, code):
        if not hasattr(self, "held"):
            return
        await self.channel_layer.group_discard(broadcast.counsellor_group(self.user.pk), self.channel_name)
        await self.channel_layer.group_discard(broadcast.CONSOLES, self.channel_name)
        for conversation_id in self.held | self.reading:
            await self.channel_layer.group_discard(broadcast.chat_group(conversation_id), self.channel_name)

    async def follow(self, conversation_id, reading=False):
        (self.reading if reading else self.held).add(conversation_id)
        await self.channel_layer.group_add(broadcast.chat_group(conversation_id), self.channel_name)

    async def unfollow(self, conversation_id):
        self.held.discard(conversation_id)
        if conversation_id not in self.reading:
            await self.channel_layer.group_discard(broadcast.chat_group(conversation_id), self.channel_name)

    async def to_mine(self, user_id, event):
        await self.channel_layer.group_send(broadcast.counsellor_group(user_id), event)

    async def to_chat(self, conversation_id, event):
        await self.channel_layer.group_send(
            broadcast.chat_group(conversation_id), {**event, "conversation": conversation_id}
        )

    def require_held(self, conversation_id):
        if conversation_id not in self.held:
            raise assignment.ChatRefused(_("This chat is not yours."))

    async def on_presence(self, status, capacity=None):
        presence = await db(assignment.set_presence)(self.user, status, capacity)
        await self.to_mine(
            self.user.pk, {"type": "chat.presence_changed", "status": presence.status, "capacity": presence.capacity}
        )
        await self.announce_queue()

    async def on_take(self):
        conversation = await db(assignment.take_next)(self.user)
        if conversation is None:
            await self.refuse(BadEvent("queue_empty"), _("Nobody is waiting."))
            return
        await self.to_mine(self.user.pk, {"type": "chat.assigned", "conversation": conversation.pk})
        await self.to_chat(conversation.pk, {"type": "chat.joined", "name": broadcast.counsellor_name(self.user)})
        await self.announce_queue()

    async def on_message(self, conversation, client_id, text):
        self.require_held(conversation)
        if not await self.send_after_limit(await db(limits.message_allowed)("counsellor", self.user.pk)):
            return
        message, created = await db(assignment.reply)(conversation, self.user, text, client_id)
        item = broadcast.message_item(message)
        await self.send_json(
            {"type": "ack", "conversation": conversation, "client_id": client_id, "seq": message.seq, "message": item}
        )
        if created:
            await self.to_chat(conversation, {"type": "chat.message", "message": item})

    async def on_sync(self, conversation, after):
        if conversation not in self.held | self.reading:
            raise assignment.ChatRefused(_("This chat is not yours."))
        messages = await db(conversations.since)(conversation, after)
        items = [broadcast.message_item(message, for_counsellor=True) for message in messages]
        await self.send_json({"type": "history", "conversation": conversation, "messages": items})

    async def on_typing(self, conversation):
        self.require_held(conversation)
        await self.to_chat(conversation, {"type": "chat.typing", "from": "counsellor"})

    async def on_transfer(self, conversation, to):
        self.require_held(conversation)
        target = await db(get_user_model().objects.filter(pk=to, is_active=True).first)()
        if target is None:
            raise assignment.ChatRefused(_("Choose another counsellor."))
        await db(assignment.transfer)(conversation, self.user, target)
        await self.to_mine(
            self.user.pk, {"type": "chat.released", "conversation": conversation, "reason": "transferred"}
        )
        await self.to_mine(target.pk, {"type": "chat.assigned", "conversation": conversation})
        await self.to_chat(conversation, {"type": "chat.joined", "name": broadcast.counsellor_name(target)})
        await self.announce_queue()

    async def on_close(self, conversation, categories, outcome):
        self.require_held(conversation)
        await db(assignment.close)(conversation, self.user, categories, outcome)
        await self.to_chat(conversation, {"type": "chat.ended", "by": "counsellor"})
        await self.to_mine(self.user.pk, {"type": "chat.released", "conversation": conversation, "reason": "closed"})
        await self.announce_queue()

    async def on_block(self, conversation):
        self.require_held(conversation)
        await db(assignment.block)(conversation, self.user)
        await self.to_chat(conversation, {"type": "chat.blocked"})
        await self.send_json({"type": "blocked", "conversation": conversation})

    async def on_read(self, conversation):
        record = await db(assignment.read_as_supervisor)(conversation, self.user)
        await self.follow(record.pk, reading=True)
        chat = await db(self._chat)(record)
        await self.send_json({"type": "transcript", "chat": chat})

    # Group events.
    async def chat_assigned(self, event):
        conversation = await db(ChatConversation.objects.select_related("counsellor", "contact").get)(
            pk=event["conversation"]
        )
        await self.follow(conversation.pk)
        await self.send_json({"type": "assigned", "chat": await db(self._chat)(conversation)})

    async def chat_released(self, event):
        await self.unfollow(event["conversation"])
        await self.send_json({"type": "released", "conversation": event["conversation"], "reason": event["reason"]})

    async def chat_presence_changed(self, event):
        await self.send_json({"type": "presence", "status": event["status"], "capacity": event["capacity"]})

    async def chat_message(self, event):
        await self.send_json(broadcast.for_counsellors(event["message"]))

    async def chat_typing(self, event):
        if event["from"] == "visitor":
            await self.send_json({"type": "typing", "conversation": event["conversation"]})

    async def chat_presence(self, event):
        await self.send_json({"type": "visitor", "conversation": event["conversation"], "online": event["online"]})

    async def chat_ended(self, event):
        await self.send_json({"type": "ended", "conversation": event["conversation"], "by": event["by"]})

    async def console_figures(self, event):
        await self.send_json(
            {"type": "queue", "figures": event["figures"], "counsellors": event["counsellors"], "held": event["chats"]}
        )
