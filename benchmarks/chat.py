"""Delivery latency and throughput of the helpline chat, with the in-memory and the Redis
channel layer, side by side in one run.

Run: ``.venv/bin/python benchmarks/chat.py [--visitors 200] [--counsellors 20] [--seconds 30]``
(``--database-url postgres://…`` for PostgreSQL; SQLite by default).

Seeds a throw-away database (production settings), signs ``--counsellors`` counsellors in
(sessions with their second factor done, as the admin leaves them), and for each layer:

(a) in memory: one uvicorn process serves every visitor and counsellor;
(b) channels-redis: two uvicorn processes, every visitor on the first and every counsellor
    on the second, so each message crosses processes through Redis.

``--visitors`` visitors start chats through the API and join over WebSockets; the
counsellors take them all (capacity ``ceil(visitors / counsellors)`` each). Then, for
``--seconds``, every visitor sends a message every ``--interval`` seconds (jittered) and
its counsellor answers each one. A message's latency is from the sender's ``send`` to the
other side's receipt of it (both sides run in this process, on one clock). Reported:
p50/p95/p99 latency, messages delivered per second, messages lost or duplicated (must be
0), and the servers' memory per visitor connection (resident memory once every visitor has
joined minus that after the first tenth joined, divided by the other nine tenths).
"""

import argparse
import asyncio
import json
import math
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from contextlib import ExitStack
from pathlib import Path

import websockets

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from tests.servers import manage, production_environment, uvicorn  # noqa: E402

SIGN_IN = """
import json
from django.contrib.auth.models import Group, User
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
cookies = []
for number in range({count}):
    user = User.objects.create_user(f"bench{{number}}", first_name=f"Counsellor {{number}}")
    user.groups.add(Group.objects.get(name="Helpline counsellors"))
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    session = SessionStore()
    session.update({{"_auth_user_id": str(user.pk), "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
                    "_auth_user_hash": user.get_session_auth_hash(), DEVICE_ID_SESSION_KEY: device.persistent_id}})
    session.create()
    cookies.append(session.session_key)
print(json.dumps(cookies))
"""

# Between the two runs: every chat of the first one ends (the records are append-only).
RESET = (
    "from reports.models import ChatConversation as C; "
    "C.objects.filter(state='queued').update(state='abandoned'); "
    "C.objects.exclude(state='abandoned').update(state='closed')"
)


def rss_kib(port):
    """Resident memory of the process listening on ``port``."""
    output = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True).stdout  # noqa: S603, S607
    pid = output.split("pid=")[1].split(",")[0]
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def start_chat(base):
    body = json.dumps({"age_band": "12-15", "role": "child", "consent": True, "nickname": "bench"}).encode()
    request = urllib.request.Request(  # noqa: S310 - the local server
        f"{base}/api/v1/reports/helpline/chats/", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())["token"]


class Measure:
    """What one run observed, and the events that pace it (shared by every simulated client)."""

    def __init__(self, interval):
        self.latencies, self.sent, self.received, self.duplicates = [], {}, set(), 0
        self.interval, self.taken = interval, []
        self.active, self.done, self.closed = asyncio.Event(), asyncio.Event(), asyncio.Event()

    def sending(self, key):
        self.sent[key] = time.perf_counter()

    def got(self, key):
        if key in self.received:
            self.duplicates += 1
            return
        self.received.add(key)
        if key in self.sent:
            self.latencies.append((time.perf_counter() - self.sent[key]) * 1000)


def ws_url(base, path):
    return base.replace("http://", "ws://") + path


async def visitor(base, token, measure, ready):
    origin = base
    async with websockets.connect(ws_url(base, "/ws/helpline/chat/"), origin=origin, max_size=2**16) as socket:
        await socket.send(json.dumps({"type": "join", "token": token, "after": 0}))
        joined = json.loads(await socket.recv())
        ready.set_result(joined)

        async def read():
            async for frame in socket:
                event = json.loads(frame)
                if event["type"] == "message" and event["from"] == "counsellor":
                    measure.got(event["text"])

        reader = asyncio.create_task(read())
        await measure.active.wait()
        number = 0
        while not measure.done.is_set():
            await asyncio.sleep(random.uniform(0.5, 1.5) * measure.interval)
            number += 1
            key = f"v-{token[:12]}-{number}"
            measure.sending(key)
            await socket.send(json.dumps({"type": "message", "client_id": uuid.uuid4().hex, "text": key}))
        await asyncio.sleep(2)  # the last answers arrive
        reader.cancel()


async def counsellor(base, session_key, capacity, measure):
    headers = {"Cookie": f"sessionid={session_key}"}
    async with websockets.connect(
        ws_url(base, "/ws/helpline/console/"), origin=base, additional_headers=headers, max_size=2**20
    ) as socket:
        await socket.recv()  # state
        await socket.send(json.dumps({"type": "presence", "status": "available", "capacity": capacity}))
        holding = 0
        async for frame in socket:
            event = json.loads(frame)
            kind = event["type"]
            waiting = kind == "presence" or (kind == "queue" and event["figures"]["waiting"] > 0)
            if waiting and holding < capacity and not measure.active.is_set():
                await socket.send(json.dumps({"type": "take"}))
            elif kind == "assigned":
                holding += 1
                measure.taken.append(event["chat"]["id"])
                if holding < capacity:
                    await socket.send(json.dumps({"type": "take"}))
            elif kind == "message" and event["from"] == "visitor":
                measure.got(event["text"])
                answer = event["text"].replace("v-", "c-", 1)
                measure.sending(answer)
                await socket.send(json.dumps(
                    {"type": "message", "conversation": event["conversation"], "client_id": uuid.uuid4().hex,
                     "text": answer}
                ))  # fmt: skip
            if measure.closed.is_set():
                return


async def run_load(bases, sessions, load, servers):
    """``bases``: the visitors' server and the counsellors'; ``load``: (visitors, seconds, interval)."""
    (visitor_base, counsellor_base), (visitors, seconds, interval) = bases, load
    measure = Measure(interval)
    capacity = math.ceil(visitors / len(sessions))
    desks = [asyncio.create_task(counsellor(counsellor_base, key, capacity, measure)) for key in sessions]
    tokens = await asyncio.gather(*(asyncio.to_thread(start_chat, visitor_base) for _ in range(visitors)))
    ready = [asyncio.get_running_loop().create_future() for _ in tokens]
    guests = []

    def join(batch):
        for token, future in batch:
            guests.append(asyncio.create_task(visitor(visitor_base, token, measure, future)))

    # The first tenth warms the servers up (code, templates, connections); the memory of a
    # connection is measured on the other nine tenths.
    pairs, warm = list(zip(tokens, ready, strict=True)), max(1, visitors // 10)
    join(pairs[:warm])
    await asyncio.gather(*ready[:warm])
    await asyncio.sleep(1)
    before = sum(rss_kib(port) for port in servers)
    join(pairs[warm:])
    await asyncio.gather(*ready)
    deadline = time.monotonic() + 120
    while len(measure.taken) < visitors and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    after = sum(rss_kib(port) for port in servers)
    measure.active.set()
    started = time.perf_counter()
    await asyncio.sleep(seconds)
    measure.done.set()
    elapsed = time.perf_counter() - started
    await asyncio.gather(*guests)
    measure.closed.set()
    for desk in desks:
        desk.cancel()
    lost = len(set(measure.sent) - measure.received)
    latencies = sorted(measure.latencies)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return {
        "taken": len(measure.taken),
        "messages": len(latencies),
        "per_second": len(latencies) / elapsed,
        "p50": quantiles[49],
        "p95": quantiles[94],
        "p99": quantiles[98],
        "lost": lost,
        "duplicates": measure.duplicates,
        "kib_per_connection": (after - before) / max(1, visitors - warm),
    }


def sign_in(env, count):
    output = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", SIGN_IN.format(count=count)],
        cwd=PROJECT, env=env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def print_row(name, result):
    print(
        f"{name:<28} {result['taken']:>6} {result['messages']:>8} {result['per_second']:>8.1f} "
        f"{result['p50']:>7.1f} {result['p95']:>7.1f} {result['p99']:>7.1f} {result['lost']:>5} "
        f"{result['duplicates']:>5} {result['kib_per_connection']:>9.1f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visitors", type=int, default=200)
    parser.add_argument("--counsellors", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between a visitor's messages")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12")
    arguments = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="sic-chat-bench-"))
    overrides = {
        "HELPLINE_CHAT_HOURS": "mon-sun 00:00-24:00",
        "HELPLINE_CHAT_START_RATE_LIMIT": "",
        "HELPLINE_CHAT_JOIN_RATE_LIMIT": "",
        "HELPLINE_CHAT_MESSAGE_RATE_LIMIT": "",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    if arguments.database_url:
        overrides["DATABASE_URL"] = arguments.database_url
    env = production_environment(workdir, **overrides)
    try:
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "createcachetable")
        manage(env, "collectstatic", "--no-input", "-v0")
        sessions = sign_in(env, arguments.counsellors)
        database = "PostgreSQL" if arguments.database_url.startswith("postgres") else "SQLite"
        print(f"{arguments.visitors} visitors, {arguments.counsellors} counsellors, {arguments.seconds:.0f} s, "
              f"a message every ~{arguments.interval:.0f} s per visitor and an answer to each; {database}")  # fmt: skip
        print(f"{'layer':<28} {'chats':>6} {'messages':>8} {'msg/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
              f"{'lost':>5} {'dup':>5} {'KiB/conn':>9}")  # fmt: skip
        load = (arguments.visitors, arguments.seconds, arguments.interval)
        with uvicorn(env) as base:
            port = int(base.rsplit(":", 1)[1])
            print_row("in memory, 1 process", asyncio.run(run_load((base, base), sessions, load, [port])))
        manage(env, "shell", "-v", "0", "-c", RESET)
        redis_env = {**env, "REDIS_URL": arguments.redis, "CACHE_KEY_PREFIX": f"chat-bench-{uuid.uuid4().hex[:6]}"}
        with ExitStack() as stack:
            first, second = (stack.enter_context(uvicorn(redis_env)) for _ in range(2))
            ports = [int(url.rsplit(":", 1)[1]) for url in (first, second)]
            print_row("channels-redis, 2 processes", asyncio.run(run_load((first, second), sessions, load, ports)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
