"""Test clients of the chat: the real ASGI application (origin check, session, second factor,
consumers) driven by Channels' communicator, inside the test's transaction.

The tests are plain functions that run a coroutine with ``async_to_sync``: the consumers'
database calls then run back on the test's own thread, in its transaction, so each test
is rolled back like any other (no flush). ``close_old_connections`` is switched off for
that (it would close the test's connection between calls).
"""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.test import Client

ORIGIN = (b"origin", b"http://localhost")
TIMEOUT = 3


@pytest.fixture(autouse=True)
def chat_in_this_transaction(monkeypatch, settings):
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)
    # A fresh in-memory layer per test: no group left over from another test.
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "cms.core.channel_layers.ProcessChannelLayer"}}
    settings.HELPLINE_CHAT_JOIN_RATE_LIMIT = settings.HELPLINE_CHAT_MESSAGE_RATE_LIMIT = ""


def run(coroutine_function, *args):
    return async_to_sync(coroutine_function)(*args)


def application():
    from cms.asgi import application

    return application


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())


class Peer:
    """One WebSocket connection: send events, receive them (skipping types not asked for)."""

    def __init__(self, path, headers, client=None):
        self.communicator = WebsocketCommunicator(application(), path, headers=headers)
        if client:  # as an ASGI server fills it in (the application holds this very dict)
            self.communicator.scope["client"] = client

    async def open(self):
        connected, code = await self.communicator.connect(timeout=TIMEOUT)
        return connected, code

    async def send(self, **event):
        await self.communicator.send_to(text_data=json.dumps(event))

    async def send_raw(self, text=None, data=None):
        await self.communicator.send_to(text_data=text, bytes_data=data)

    async def receive(self, *types):
        """The next event (of one of ``types``, when given; others are skipped)."""
        while True:
            event = await self.communicator.receive_json_from(timeout=TIMEOUT)
            if not types or event["type"] in types:
                return event

    async def nothing(self):
        return await self.communicator.receive_nothing(timeout=0.2)

    async def close(self):
        await self.communicator.disconnect()


async def visitor(token, after=0):
    peer = Peer("/ws/helpline/chat/", [ORIGIN])
    await peer.open()
    await peer.send(type="join", token=token, after=after)
    return peer, await peer.receive()


async def console(cookie):
    """A counsellor's console; ``cookie`` from ``session_cookie(user)`` (made before the loop)."""
    peer = Peer("/ws/helpline/console/", [ORIGIN, cookie])
    connected, _code = await peer.open()
    assert connected
    return peer, await peer.receive("state")


async def take(desk):
    """The console takes the next visitor; the chat's id."""
    await desk.send(type="take")
    return (await desk.receive("assigned"))["chat"]["id"]


async def talking(token, cookie):
    """A visitor joined with ``token`` and the counsellor of ``cookie`` who took them:
    ``(visitor peer, console peer, chat id)``."""
    guest, _joined = await visitor(token)
    desk, _state = await console(cookie)
    return guest, desk, await take(desk)
