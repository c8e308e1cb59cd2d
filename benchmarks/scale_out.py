"""Scale-out, shown: one to three app servers behind haproxy, sharing PostgreSQL and Redis.

Run: ``make scale-out`` or ``.venv/bin/python benchmarks/scale_out.py [--pages 2000] [--seconds 8]``
(needs Debian's ``haproxy``; ``wrk`` when installed, else a Python client).

Seeds a PostgreSQL database of its own (``--database``, dropped and created again) and a
Redis database of its own (``--redis``, flushed), starts three gunicorn app servers (one
worker each, production settings) and the task worker, and puts haproxy in front of one,
two, then three of them. It then shows, in one run:

1. throughput growing with servers, for cached reads (one address) and uncached reads
   (every address new);
2. a publish made in another process (one more app server, as far as the database and
   Redis can tell) seen by every server within the documented bound (each worker memoises
   the content version for ``API_VERSION_MEMO_SECONDS``, 1 s);
3. the anonymous rate limit held across servers: the servers count in the same Redis, so
   a client gets its limit through all of them together, not once per server;
4. one server killed mid-load (SIGKILL): haproxy's health check takes it out, and only
   requests in flight on it fail.
"""

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from benchmarks.api import run_python, run_wrk, write_rows  # noqa: E402
from tests.servers import (  # noqa: E402
    drain_tasks,
    free_port,
    manage,
    production_environment,
    task_worker,
    wait_for_port,
)

HAPROXY = """
global
    maxconn 512
defaults
    mode http
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    timeout queue 10s
    retries 2
    option redispatch
frontend site
    bind 127.0.0.1:{port}
    default_backend app
backend app
    balance roundrobin
    option httpchk
    http-check send meth GET uri /bench/floor/ ver HTTP/1.1 hdr Host 127.0.0.1
    # Two requests at a time per server (one sync worker: one answered, the next ready);
    # the rest wait in haproxy's queue, not in a server's socket backlog where a killed
    # server would lose them.
    default-server inter 300ms fall 1 rise 2 maxconn 2
{servers}
"""
LIST = "/api/v1/resources/?page_size=20"
RATE_LIMIT = 200  # a minute, in the rate-limit step


def reset_database(url):
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def reset_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


@contextlib.contextmanager
def app_server(env, port):
    """One gunicorn app server with one worker; stopped (or killed) on exit."""
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process, "gunicorn")
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


@contextlib.contextmanager
def balancer(ports, workdir):
    """haproxy on a free port in front of ``ports``; yields its base URL."""
    port = free_port()
    servers = "\n".join(f"    server app{n} 127.0.0.1:{server} check" for n, server in enumerate(ports, start=1))
    config = Path(workdir) / f"haproxy-{len(ports)}.cfg"
    config.write_text(HAPROXY.format(port=port, servers=servers))
    process = subprocess.Popen(  # noqa: S603
        [shutil.which("haproxy") or "/usr/sbin/haproxy", "-f", str(config), "-db"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process, "haproxy")
        time.sleep(1)  # every server's health check has passed (rise 2 × 300 ms)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        return response.read()


# 1. Throughput -------------------------------------------------------------------------


def throughput(env, ports, workdir, seconds, measure):
    rows = []
    for count in (1, 2, 3):
        with balancer(ports[:count], workdir) as site:
            cached, uncached = f"{site}{LIST}", f"{site}{LIST}&_={{n}}"
            measure(cached, 2)  # warm every server's worker
            rows.append((count, measure(cached, seconds)[0], measure(uncached, seconds)[0]))
    return rows


# 2. A publish seen everywhere ----------------------------------------------------------

PUBLISH = """
import time
from resources.models import ResourcePage
page = ResourcePage.objects.live().filter(locale__language_code="cs").order_by("-first_published_at", "-pk").first()
page.title = {title!r}
page.save_revision().publish()
print(time.time())
"""


def publish_visibility(env, ports):
    """Seconds from a publish's commit to each server's first answer that shows it."""
    url = "/api/v1/resources/?page_size=5&ordering=-first_published_at&locale=cs"
    for port in ports:
        get(f"http://127.0.0.1:{port}{url}")  # cached and memoised in every worker
    title = f"Scale-out {time.time_ns()}"
    seen, stop = {}, threading.Event()

    def watch(port):
        while not stop.is_set():
            if title.encode() in get(f"http://127.0.0.1:{port}{url}"):
                seen[port] = time.time()
                return
            time.sleep(0.02)

    watchers = [threading.Thread(target=watch, args=(port,)) for port in ports]
    for watcher in watchers:
        watcher.start()
    output = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", PUBLISH.format(title=title)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    committed = float(output.strip().splitlines()[-1])
    for watcher in watchers:
        watcher.join(timeout=10)
    stop.set()
    return [seen[port] - committed if port in seen else None for port in ports]


# 3. The rate limit across servers ------------------------------------------------------


def rate_limited(site, requests):
    """Statuses of ``requests`` sequential requests through the balancer (round robin)."""
    statuses = {}
    for _ in range(requests):
        try:
            with urllib.request.urlopen(f"{site}{LIST}", timeout=10) as response:  # noqa: S310
                status = response.status
        except urllib.error.HTTPError as refused:
            status = refused.code
        statuses[status] = statuses.get(status, 0) + 1
    return statuses


# 4. A server killed mid-load -----------------------------------------------------------


def load(site, seconds, kill_at, victim):
    """Keep-alive load from 8 connections; kills ``victim`` at ``kill_at`` seconds; returns
    the counts of answers by status and of failed connections, before and after."""
    host = site.split("://", 1)[1]
    counts, lock = {}, threading.Lock()
    started = time.monotonic()
    deadline = started + seconds

    def record(phase, outcome):
        with lock:
            counts[(phase, outcome)] = counts.get((phase, outcome), 0) + 1

    def worker(index):
        connection, n = HTTPConnection(host, timeout=10), 0
        while time.monotonic() < deadline:
            n += 1
            phase = "before" if time.monotonic() - started < kill_at else "after"
            try:
                connection.request("GET", f"{LIST}&_={index}-{n}")
                response = connection.getresponse()
                response.read()
                record(phase, response.status)
            except Exception:  # noqa: BLE001 - any failure counts
                record(phase, "connection failed")
                connection.close()
                connection = HTTPConnection(host, timeout=10)

    def kill():
        time.sleep(kill_at)
        victim.send_signal(signal.SIGKILL)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)] + [threading.Thread(target=kill)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--database", default="postgres://root@127.0.0.1:5432/sic_scale_out")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7")
    args = parser.parse_args()
    measure = run_wrk if shutil.which("wrk") else run_python
    workdir = Path(tempfile.mkdtemp(prefix="sic-scale-out-"))
    reset_database(args.database)
    reset_redis(args.redis)
    env = production_environment(
        workdir,
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=args.database,
        REDIS_URL=args.redis,
        API_RATE_LIMIT_ANONYMOUS="1000000000/minute",
        PYTHONPATH=str(PROJECT),
    )
    print("Seeding (migrate, demo, import)…", flush=True)
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo")
    rows = workdir / "rows.jsonl"
    write_rows(rows, args.pages)
    manage(env, "import_resources", str(rows), "--no-progress")
    drain_tasks(env)

    ports = [free_port() for _ in range(3)]
    with task_worker(env), contextlib.ExitStack() as servers:
        processes = [servers.enter_context(app_server(env, port)) for port in ports]
        scaling = throughput(env, ports, workdir, args.seconds, measure)
        delays = publish_visibility(env, ports)
        with balancer(ports, workdir) as site:
            counts = load(site, args.seconds, args.seconds / 3, processes[1])

    limited_env = {**env, "API_RATE_LIMIT_ANONYMOUS": f"{RATE_LIMIT}/minute"}
    reset_redis(args.redis)
    with contextlib.ExitStack() as servers:
        for port in ports:
            servers.enter_context(app_server(limited_env, port))
        with balancer(ports, workdir) as site:
            statuses = rate_limited(site, RATE_LIMIT * 2)

    print(f"\nScale-out: {args.pages} imported resource pages (+ the demo) on PostgreSQL, Redis shared, "
          f"gunicorn 1 worker per app server behind haproxy, {os.cpu_count()} CPUs, "
          f"{measure.__name__.removeprefix('run_')}, {args.seconds}s each\n")  # fmt: skip
    print(f"{'app servers':>11} {'cached req/s':>13} {'uncached req/s':>15} {'cached ×':>9} {'uncached ×':>11}")
    for count, cached, uncached in scaling:
        print(f"{count:>11} {cached:13.0f} {uncached:15.0f} {cached / scaling[0][1]:9.2f} "
              f"{uncached / scaling[0][2]:11.2f}")  # fmt: skip
    shown = ", ".join("not seen" if delay is None else f"{delay:.2f} s" for delay in delays)
    print(f"\nA publish in another process, seen by the three servers after: {shown} (bound: 1 s memo)")
    allowed = statuses.get(200, 0)
    print(f"Rate limit {RATE_LIMIT}/minute, {RATE_LIMIT * 2} requests round robin over 3 servers: "
          f"{allowed} answered, {statuses.get(429, 0)} refused (429); others: "
          f"{ {k: v for k, v in statuses.items() if k not in (200, 429)} }")  # fmt: skip
    for phase in ("before", "after"):
        answered = {outcome: n for (when, outcome), n in counts.items() if when == phase}
        print(f"Load {phase} one server was killed: {answered}")


if __name__ == "__main__":
    main()
