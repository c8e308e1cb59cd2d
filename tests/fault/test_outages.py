"""Faults a data centre has: PostgreSQL restarted and Redis stopped while the site is under
load. Run by ``make fault`` (it restarts the local PostgreSQL, so it never runs by itself):
gunicorn with production settings on a throw-away PostgreSQL database, a Redis of its own.

What must hold: no answer is a 500; while the database is away the answer is 503 with
Retry-After (JSON under /api/); every report answered 201 is in the database afterwards;
both services are running when the test ends.
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

import psycopg
import pytest

from ..servers import drain_tasks, free_port, gunicorn, manage, production_environment

pytestmark = [
    pytest.mark.fault,
    pytest.mark.skipif(os.environ.get("FAULT_TESTS") != "1", reason="restarts services: run with make fault"),
]
POSTGRES = os.environ.get("FAULT_POSTGRES", "postgres://root@127.0.0.1:5432")
LIMITS_OFF = {
    "HOTLINE_RATE_LIMIT": "1000000/hour",
    "HOTLINE_ATTEMPT_RATE_LIMIT": "1000000/hour",
    "HOTLINE_STATUS_RATE_LIMIT": "1000000/hour",
    "API_RATE_LIMIT_ANONYMOUS": "1000000/minute",
}


def port_open(port):
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


def wait_for(port, up=True, seconds=60):
    deadline = time.monotonic() + seconds
    while port_open(port) != up:
        if time.monotonic() > deadline:
            raise RuntimeError(f"127.0.0.1:{port} did not {'open' if up else 'close'}")
        time.sleep(0.2)


def pg_cluster(action):
    version = sorted(os.listdir("/etc/postgresql"))[0]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action], check=True)  # noqa: S603,S607


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    name = f"sic_fault_{os.getpid()}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    env = production_environment(tmp_path_factory.mktemp("fault"), DATABASE_URL=f"{POSTGRES}/{name}", **LIMITS_OFF)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(env, "load_demo")
    drain_tasks(env)
    yield env, f"{POSTGRES}/{name}"
    if not port_open(5432):
        pg_cluster("start")
        wait_for(5432)
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Load:
    """Threads sending requests until stopped; every answer's status and body is kept."""

    def __init__(self, base, requests, threads=4):
        self.base, self.requests, self.answers = base, requests, []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(index,)) for index in range(threads)]

    def run(self, index):
        number = 0
        while not self.stopping.is_set():
            method, path, body = self.requests[(index + number) % len(self.requests)]
            number += 1
            self.answers_append(method, path, *self.send(method, path, body))

    def send(self, method, path, body):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.base}{path}", data=data, method=method)  # noqa: S310 - loopback
        request.add_header("Content-Type", "application/json")
        request.add_header("Accept-Language", "en")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            return 0, str(error).encode(), {}

    def answers_append(self, *answer):
        with self.lock:
            self.answers.append(answer)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def statuses(self):
        return Counter(status for _method, _path, status, _body, _headers in self.answers)


def report(number):
    return {"urls": [f"https://fault-{number}.example/page"], "category": "csam", "source_type": "webpage"}


def check_answers(load, database_url):
    statuses = load.statuses()
    assert statuses[500] == 0, [a[:4] for a in load.answers if a[2] == 500][:3]
    for method, path, status, body, headers in load.answers:
        if status == 503:
            assert headers.get("Retry-After") == "10", (method, path)
            if path.startswith("/api/"):
                assert json.loads(body)["error"]["code"] == "unavailable"
    created = [json.loads(body)["reference"] for method, _p, status, body, _h in load.answers if status == 201]
    with psycopg.connect(database_url) as connection:
        stored = {row[0] for row in connection.execute("SELECT reference FROM reports_hotlinereport")}
    missing = set(created) - stored
    assert not missing, f"{len(missing)} reports answered 201 are not stored"
    return statuses, len(created)


def test_postgresql_restarted_during_intake(database):
    env, database_url = database
    requests = [("POST", "/api/v1/reports/hotline/", report(number)) for number in range(50)]
    requests += [("GET", "/api/v1/resources/?page_size=5", None), ("GET", "/cs/", None)]
    with gunicorn(env) as base, Load(base, requests) as load:
        time.sleep(3)
        pg_cluster("restart")
        wait_for(5432)
        time.sleep(5)  # the app recovers without a restart of its own
    statuses, created = check_answers(load, database_url)
    print(f"PostgreSQL restart: {sum(statuses.values())} requests, {dict(statuses)}, {created} reports all stored")
    assert created > 0 and statuses[0] == 0
    assert port_open(5432)


@pytest.fixture
def own_redis():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]

    def start():
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
        wait_for(port)
        return server

    yield port, start
    subprocess.run(["pkill", "-f", f"redis-server 127.0.0.1:{port}"], check=False)  # noqa: S603,S607


def test_redis_stopped_and_started_during_reads_and_intake(database, own_redis):
    env, database_url = database
    port, start = own_redis
    server = start()
    env = {**env, "REDIS_URL": f"redis://127.0.0.1:{port}/0"}
    requests = [
        ("GET", "/cs/", None),
        ("GET", "/en/hotline/", None),
        ("GET", "/api/v1/resources/?topic=sexting", None),
        ("GET", "/api/v1/search/?q=sikana", None),
        ("GET", "/embed/resources/?limit=3", None),
        *[("POST", "/api/v1/reports/hotline/", report(1000 + number)) for number in range(40)],
    ]
    with gunicorn(env) as base, Load(base, requests) as load:
        time.sleep(3)
        server.terminate()
        server.wait(timeout=10)
        wait_for(port, up=False)
        time.sleep(6)
        server = start()
        time.sleep(4)
    statuses, created = check_answers(load, database_url)
    print(f"Redis stop and start: {sum(statuses.values())} requests, {dict(statuses)}, {created} reports all stored")
    assert statuses[503] == 0 and statuses[0] == 0 and created > 0
    assert set(statuses) <= {200, 201}
    server.terminate()
    server.wait(timeout=10)
    assert port_open(6379)  # the shared Redis on its usual port was never touched
