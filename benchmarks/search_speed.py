"""Search latency and index build time at scale: ours vs stock Wagtail search.

Run: ``.venv/bin/python benchmarks/search_speed.py [--pages 20000] [--requests 20]``

Seeding 20,000 pages through the importer takes about half an hour; ``--keep NAME``
seeds the PostgreSQL database NAME and keeps it, ``--reuse NAME`` measures on it again
without seeding (the index build is then not timed).

Seeds a throw-away PostgreSQL database (``--database sqlite`` for SQLite) with resource
pages cycled from the evaluation set (Czech, with English translations), times a full
rebuild of the search index (``search_index rebuild``), starts gunicorn (production
settings, 2 workers) and measures, side by side in one run, p50/p95 latency of ten
typical queries, one request at a time, each a cache miss:

- ours: ``/api/v1/resources/?q=…&locale=cs`` (page of 20 with all fields and facets);
- stock: Wagtail API v2 search, ``/api/v2/pages/?type=resources.ResourcePage&search=…``
  (the same backend's ``search()`` on the raw query, titles only).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from tests.servers import drain_tasks, gunicorn, manage, production_environment  # noqa: E402

IMPORT_CHUNK = 2000
QUERIES = [
    "šikana",
    "kyberšikanou",
    "nebezpečné kontakty",
    "hesla",
    "sikana ve skole",
    "digitální stopa",
    "falešné zprávy",
    "obrazovkou",
    "intimní fotky",
    "podvody na internetu",
]


def write_rows(path, pages, offset=0):
    """``pages`` rows cycled from the evaluation set, ids made unique per cycle."""
    source = [json.loads(line) for line in (PROJECT / "benchmarks/search_eval/resources.jsonl").open(encoding="utf-8")]
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(offset, offset + pages):
            cycle, row = divmod(n, len(source))
            row = dict(source[row], external_id=f"{cycle}-{source[row]['external_id']}")
            if "translation_of" in row:
                row["translation_of"] = f"{cycle}-{row['translation_of']}"
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def latencies(base, path_template, query, requests):
    host = base.split("://", 1)[1]
    connection = HTTPConnection(host, timeout=60)
    times = []
    for n in range(requests):
        path = path_template.format(q=urllib.parse.quote(query), n=f"{n}-{time.monotonic_ns()}")
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        assert response.status == 200, (path, response.status)
        times.append((time.perf_counter() - started) * 1000)
    return times


def seed(env, workdir, args, name):
    """Create and fill the database; returns the seconds a full index rebuild took."""
    if args.database == "postgres":
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "root", name], check=True)  # noqa: S603, S607
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "createcachetable")
    manage(env, "load_demo")
    # Imported in files of 2,000 rows: one import is one transaction, and PostgreSQL slows
    # down as one transaction updates the same parent page's row thousands of times.
    for start in range(0, args.pages, IMPORT_CHUNK):
        rows = workdir / f"rows-{start}.jsonl"
        write_rows(rows, min(IMPORT_CHUNK, args.pages - start), offset=start)
        manage(env, "import_resources", str(rows), "--no-progress")
    drain_tasks(env)
    started = time.perf_counter()
    manage(env, "search_index", "rebuild", "--no-progress")
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=20, help="per query and side")
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--redis", default="", help="REDIS_URL for the cache, as a large install runs")
    parser.add_argument("--keep", metavar="NAME", help="seed the PostgreSQL database NAME and keep it")
    parser.add_argument("--reuse", metavar="NAME", help="measure on the PostgreSQL database NAME seeded by --keep")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="sic-search-bench-"))
    name = args.reuse or args.keep or f"sic_search_speed_{os.getpid()}"
    overrides = {
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",  # production, with ``_=<n>`` accepted
        "ALLOWED_HOSTS": "127.0.0.1",
        "API_RATE_LIMIT_ANONYMOUS": "1000000000/minute",  # counted, never refusing the benchmark
    }
    if args.database == "postgres":
        overrides["DATABASE_URL"] = f"postgres://root@127.0.0.1:5432/{name}"
    if args.redis:
        overrides["REDIS_URL"] = args.redis
    env = production_environment(workdir, **overrides)
    build_seconds = None
    try:
        manage(env, "collectstatic", "--no-input", "-v0")
        if not args.reuse:
            build_seconds = seed(env, workdir, args, name)
        results = {}
        with gunicorn(env, workers=2) as server:
            sides = {
                "ours": "/api/v1/resources/?q={q}&locale=cs&page_size=20&_={n}",
                "stock": "/api/v2/pages/?type=resources.ResourcePage&search={q}&locale=cs&limit=20&_={n}",
            }
            for query in QUERIES:
                for side, template in sides.items():
                    latencies(server, template, query, 2)  # warm up
                    results[(query, side)] = latencies(server, template, query, args.requests)
    finally:
        if args.database == "postgres" and not (args.keep or args.reuse):
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "root", name], check=False)  # noqa: S603, S607

    cache = "Redis" if args.redis else "the database cache"
    print(f"\nSearch speed: {args.pages} imported resources (+ the demo), {args.database}, {cache}, "
          "gunicorn 2 workers, "
          f"{args.requests} sequential cache-miss requests per query and side\n")  # fmt: skip
    if build_seconds is not None:
        print(f"index build (search_index rebuild, every page): {build_seconds:.1f} s\n")
    print("| query | ours p50 | ours p95 | stock p50 | stock p95 |\n| --- | ---: | ---: | ---: | ---: |")
    every = {"ours": [], "stock": []}
    for query in QUERIES:
        row = []
        for side in ("ours", "stock"):
            times = sorted(results[(query, side)])
            every[side] += times
            row += [statistics.median(times), times[int(len(times) * 0.95) - 1]]
        print(f"| {query} | " + " | ".join(f"{value:.1f}" for value in row) + " |")
    p95 = {side: sorted(times)[int(len(times) * 0.95) - 1] for side, times in every.items()}
    p50 = {side: statistics.median(times) for side, times in every.items()}
    print(f"| all | {p50['ours']:.1f} | {p95['ours']:.1f} | {p50['stock']:.1f} | {p95['stock']:.1f} |")
    print(f"\nours p95 ÷ stock p95 = {p95['ours'] / p95['stock']:.2f}   target ≤ 1.5")


if __name__ == "__main__":
    main()
