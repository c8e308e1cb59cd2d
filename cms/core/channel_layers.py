"""The channel layer of a single-process install (the embedded default): Channels' in-memory
layer, made fit for a few hundred connections.

Channels' own ``InMemoryChannelLayer`` is written for tests: it walks every channel and
every group membership looking for expired entries on each receive and each group send,
and deep-copies each event for each receiver, so its cost grows with the square of the
connections (200 chats: most of a core). This one looks for expired entries at most once
a second, hands each receiver a shallow copy (events are flat dicts of strings, numbers
and lists that nobody changes), and puts a group's events on the queues directly. What it
keeps: capacities (a full channel drops the event, as the base layer's group send does),
message expiry, group expiry.
"""

import asyncio
import contextlib
import time

from channels.exceptions import ChannelFull
from channels.layers import InMemoryChannelLayer

CLEAN_EVERY_SECONDS = 1.0


class ProcessChannelLayer(InMemoryChannelLayer):
    _cleaned_at = 0.0

    def _clean_expired(self):
        now = time.monotonic()
        if now - self._cleaned_at < CLEAN_EVERY_SECONDS:
            return
        self._cleaned_at = now
        super()._clean_expired()

    def _put(self, channel, message):
        queue = self.channels.setdefault(channel, asyncio.Queue(maxsize=self.get_capacity(channel)))
        try:
            queue.put_nowait((time.time() + self.expiry, dict(message)))
        except asyncio.QueueFull:
            raise ChannelFull(channel) from None

    async def send(self, channel, message):
        assert isinstance(message, dict), "message is not a dict"
        self.require_valid_channel_name(channel)
        self._put(channel, message)

    async def group_send(self, group, message):
        assert isinstance(message, dict), "message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        for channel in list(self.groups.get(group, {})):
            # As the base layer: a client too slow to take its events misses this one.
            with contextlib.suppress(ChannelFull):
                self._put(channel, message)
