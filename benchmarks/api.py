"""Requests per second and latency of the content API beside Wagtail API v2 and Django's floor.

Run: ``.venv/bin/python benchmarks/api.py [--pages 5000] [--seconds 10]``
(``--workdir DIR --seed-only`` seeds once; ``--workdir DIR`` then measures on it again).

Seeds a throw-away SQLite database with resource pages in Czech and English (through the
import), starts gunicorn (production settings, 2 workers), and measures, side by side in
one run, with wrk when it is installed (else a Python keep-alive client):

(a)  our /api/v1/resources/?page_size=20, every request a cache miss (a unique query string)
(b)  our /api/v1/resources/{id}/, cache misses likewise
(c)  Wagtail API v2 /api/v2/pages/?type=resources.ResourcePage&fields=*&limit=20
(d)  a minimal Django view returning a small fixed JSON (the framework's floor)
(a') (a) with a warm cache, and (a'') with If-None-Match (304)
(s)  the page sweep, ours beside Wagtail API v2 on the same pages: every Czech page of the
     list at page sizes 11–30 in two orderings (by title, newest first), each address asked
     once (so every request is a cache miss, and what varies is what a reader varies)
"""

import argparse
import json
import re
import shutil
import statistics
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

from tests.servers import drain_tasks, gunicorn, manage, production_environment  # noqa: E402

CONCURRENCY = 8


def write_rows(path, pages):
    sources = pages // 2
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(sources):
            handle.write(json.dumps({
                "external_id": f"A-{n}", "locale": "cs", "title": f"Materiál {n} o kyberšikaně",
                "summary": "Shrnutí materiálu pro učitele a rodiče.", "body": "<p>Text materiálu.</p>",
                "audiences": ["teachers", "parents"], "topics": ["cyberbullying", "privacy"],
                "resource_type": "guide", "age_min": 10, "age_max": 15, "url": f"https://example.org/{n}",
            }, ensure_ascii=False) + "\n")  # fmt: skip
        for n in range(pages - sources):
            handle.write(json.dumps({
                "external_id": f"A-{n}-en", "locale": "en", "title": f"Resource {n} on cyberbullying",
                "summary": "A summary for teachers and parents.", "body": "<p>The text.</p>",
                "translation_of": f"A-{n}",
            }) + "\n")  # fmt: skip


def run_wrk(url, seconds, headers=()):
    script = None
    command = ["wrk", "-t2", f"-c{CONCURRENCY}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if "{n}" in url:
        # A Lua script that makes every request's query string unique (a cache miss).
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)  # noqa: SIM115
        base, _, _ = url.partition("{n}")
        path = base.split("://", 1)[1].split("/", 1)[1]
        script.write(f'counter = 0\nrequest = function()\n counter = counter + 1\n'
                     f' return wrk.format("GET", "/{path}" .. counter .. "-" .. math.random(1e9))\nend\n')  # fmt: skip
        script.close()
        command += ["-s", script.name]
        url = base
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    lat = dict(re.findall(r"\s+(50|95)%\s+([\d.]+\w+)", output)) if "95%" in output else {}
    p50 = to_ms(lat.get("50") or re.search(r"50%\s+([\d.]+\w+)", output).group(1))
    p95 = to_ms(lat.get("95") or re.search(r"90%\s+([\d.]+\w+)", output).group(1))
    return rps, p50, p95


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def run_python(url, seconds, headers=()):
    """Keep-alive client threads; used when wrk is not installed."""
    base = url.split("://", 1)[1]
    host, _, path = base.partition("/")
    latencies, lock, deadline = [], threading.Lock(), time.monotonic() + seconds
    extra = dict(header.split(": ", 1) for header in headers)

    def worker(index):
        connection = HTTPConnection(host, timeout=30)
        n = 0
        while time.monotonic() < deadline:
            n += 1
            target = "/" + path.replace("{n}", f"{index}-{n}")
            start = time.perf_counter()
            connection.request("GET", target, headers=extra)
            connection.getresponse().read()
            with lock:
                latencies.append((time.perf_counter() - start) * 1000)

    elapsed = concurrently(worker, CONCURRENCY)
    return rate_and_latency(latencies, elapsed)


def concurrently(worker, count):
    """Run ``worker(index)`` on ``count`` threads; the seconds they took together."""
    threads = [threading.Thread(target=worker, args=(index,)) for index in range(count)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def rate_and_latency(latencies, elapsed):
    """(requests per second, p50 ms, p95 ms)."""
    latencies.sort()
    return len(latencies) / elapsed, statistics.median(latencies), latencies[int(len(latencies) * 0.95)]


SWEEP_ORDERINGS = (("title", "title"), ("-first_published_at", "-first_published_at"))


def sweep_urls(server, count):
    """The same pages for both APIs: ours by page number, Wagtail's by offset."""
    ours, theirs = [], []
    for size in range(11, 31):
        for ours_order, their_order in SWEEP_ORDERINGS:
            for page in range(1, -(-count // size) + 1):
                ours.append(f"{server}/api/v1/resources/?locale=cs&page_size={size}&page={page}&ordering={ours_order}")
                theirs.append(
                    f"{server}/api/v2/pages/?type=resources.ResourcePage&fields=*&locale=cs"
                    f"&limit={size}&offset={(page - 1) * size}&order={their_order}"
                )
    return ours, theirs


def run_urls(urls):
    """Each address once, from CONCURRENCY keep-alive connections; (req/s, p50, p95)."""
    host = urls[0].split("://", 1)[1].partition("/")[0]
    pending, latencies, lock = list(reversed(urls)), [], threading.Lock()
    failures = []

    def worker():
        connection = HTTPConnection(host, timeout=60)
        while True:
            with lock:
                if not pending:
                    return
                url = pending.pop()
            start = time.perf_counter()
            connection.request("GET", "/" + url.split("://", 1)[1].partition("/")[2])
            response = connection.getresponse()
            response.read()
            with lock:
                latencies.append((time.perf_counter() - start) * 1000)
                if response.status != 200:
                    failures.append((response.status, url))

    elapsed = concurrently(lambda _index: worker(), CONCURRENCY)
    if failures:
        raise SystemExit(f"{len(failures)} requests failed, e.g. {failures[:3]}")
    return rate_and_latency(latencies, elapsed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--redis", default="", help="REDIS_URL for the cache (default: the database cache)")
    parser.add_argument("--workdir", help="keep the seeded SQLite database here, and reuse it when already seeded")
    parser.add_argument("--seed-only", action="store_true", help="seed --workdir and stop")
    parser.add_argument("--no-rate-limit", action="store_true", help="turn the API rate limit off")
    parser.add_argument("--sweep-only", action="store_true", help="measure only the page sweep (s)")
    parser.add_argument(
        "--database-url", default="", help="a PostgreSQL database to seed afresh and use (default: SQLite in --workdir)"
    )
    args = parser.parse_args()
    measure = run_wrk if shutil.which("wrk") else run_python

    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="sic-api-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = production_environment(workdir, DJANGO_SETTINGS_MODULE="benchmarks.settings", ALLOWED_HOSTS="127.0.0.1")
    env["PYTHONPATH"] = str(PROJECT)
    # The anonymous rate limit stays on (its counter is part of what a request costs) but
    # high enough never to refuse the benchmark's own requests; --no-rate-limit measures
    # what the counter costs.
    env["API_RATE_LIMIT_ANONYMOUS"] = "" if args.no_rate_limit else "1000000000/minute"
    if args.redis:
        env["REDIS_URL"] = args.redis
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    manage(env, "collectstatic", "--no-input", "-v0")
    if (workdir / "seeded").exists():
        print(f"Reusing the database seeded in {workdir}")
    else:
        if args.database_url:
            from benchmarks.scale_out import reset_database

            reset_database(args.database_url)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "createcachetable")
        manage(env, "load_demo")
        rows = workdir / "rows.jsonl"
        write_rows(rows, args.pages)
        manage(env, "import_resources", str(rows), "--no-progress")
        drain_tasks(env)
        (workdir / "seeded").touch()
    if args.seed_only:
        return

    with gunicorn(env, workers=2) as server:
        with urllib.request.urlopen(f"{server}/api/v1/resources/?page_size=20") as response:  # noqa: S310
            etag = response.headers["ETag"]
            detail_id = json.load(response)["results"][0]["id"]
        scenarios = [
            ("(a) ours: resources list, page_size 20, cache miss",
             f"{server}/api/v1/resources/?page_size=20&_={{n}}", ()),
            ("(b) ours: resource detail, cache miss", f"{server}/api/v1/resources/{detail_id}/?_={{n}}", ()),
            ("(c) Wagtail API v2: same pages, fields=*, limit 20",
             f"{server}/api/v2/pages/?type=resources.ResourcePage&fields=*&limit=20", ()),
            ("(d) Django floor: fixed small JSON", f"{server}/bench/floor/", ()),
            ("(a') ours: list, warm cache", f"{server}/api/v1/resources/?page_size=20", ()),
            ("(a'') ours: list, If-None-Match → 304", f"{server}/api/v1/resources/?page_size=20",
             (f"If-None-Match: {etag}",)),
        ]  # fmt: skip
        results = {}
        for label, url, headers in [] if args.sweep_only else scenarios:
            measure(url, 2, headers)  # warm up
            results[label] = measure(url, args.seconds, headers)
        with urllib.request.urlopen(f"{server}/api/v1/resources/?locale=cs&page_size=1") as response:  # noqa: S310
            czech = json.load(response)["count"]
        ours, theirs = sweep_urls(server, czech)
        run_urls(ours[:20]), run_urls(theirs[:20])  # warm up (those addresses are then cached: skip them)
        results[f"(s) ours: the page sweep, {len(ours) - 20} pages"] = run_urls(ours[20:])
        results["(s') Wagtail API v2: the same pages"] = run_urls(theirs[20:])

    print(f"\nContent API benchmark: {args.pages} imported resource pages (+ the demo), gunicorn 2 workers, "
          f"{CONCURRENCY} connections, {args.seconds}s each, {measure.__name__.removeprefix('run_')}, "
          f"database: {'PostgreSQL' if args.database_url else 'SQLite'}, "
          f"cache: {'Redis' if args.redis else 'database'}, "
          f"rate limit: {'off' if args.no_rate_limit else 'on'}\n")  # fmt: skip
    print(f"{'scenario':56} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for label, (rps, p50, p95) in results.items():
        print(f"{label:56} {rps:8.0f} {p50:8.1f} {p95:8.1f}")
    rps = {label[: label.index(")") + 1]: value[0] for label, value in results.items()}
    print(
        f"\n(s) ÷ (s') = {rps['(s)'] / rps[chr(40) + 's' + chr(39) + ')']:.2f}   target ≥ 3 (the sweep, {czech} Czech)"
    )
    if args.sweep_only:
        return
    print(f"(a) ÷ (c) = {rps['(a)'] / rps['(c)']:.2f}   target ≥ 3")
    print(f"(a) ÷ (d) = {rps['(a)'] / rps['(d)']:.2f}   target ≥ 0.5")
    print(f"(a') ÷ (d) = {rps[chr(40) + 'a' + chr(39) + ')'] / rps['(d)']:.2f}")
    print(f"(a'') ÷ (d) = {rps['(a' + chr(39) * 2 + ')'] / rps['(d)']:.2f}   target ≥ 0.8 (the 304 path)")


if __name__ == "__main__":
    main()
