"""Rows per second of ``import_resources`` on 20,000 rows, beside a naive Wagtail loop.

Run: ``.venv/bin/python benchmarks/import_resources.py [--rows 20000] [--database-url URL]``
(defaults to a throw-away SQLite file; give a PostgreSQL URL to measure there).

Measured side by side in one run, on the same fresh database:
- dry run: reading and validating every row, no writes;
- first import: creates and publishes every page, links translations, and mirrors the
  untranslated ones into the synchronised English tree;
- second import of the same file: the idempotent no-op;
- a third import with 10% of the rows changed (a new title): those are published again;
- first, a naive loop creating Czech pages with ``add_child`` + ``publish`` (no validation,
  no translations): what a one-off script would do (``--naive-rows`` of them, 1,000 by
  default), on the nearly empty site, where it is fastest.

Peak memory: the process's peak resident size after each step (it only grows), so the
growth during the first import is what the import held.
"""

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))


def generate(path, rows, translated_share=0.3, changed_share=0.0):
    """``rows`` records: Czech sources, then English translations of some of them;
    ``changed_share`` of the Czech titles carry a new edition."""
    from resources.models import Audience, ResourceType, Topic

    audiences = list(Audience.objects.values_list("slug", flat=True))
    topics = list(Topic.objects.values_list("slug", flat=True))
    types = list(ResourceType.objects.values_list("slug", flat=True))
    rng = random.Random(2026)
    sources = round(rows / (1 + translated_share))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["external_id", "locale", "title", "summary", "body", "audiences", "topics",
                         "resource_type", "age_min", "age_max", "url", "translation_of"])  # fmt: skip
        for n in range(sources):
            age_min = rng.randint(0, 15)
            edition = " (2. vydání)" if n < sources * changed_share else ""
            writer.writerow([
                f"B-{n}", "cs", f"Materiál číslo {n}: kyberšikana a bezpečí{edition}", "Shrnutí materiálu pro učitele.",
                "První odstavec textu.\n\nDruhý odstavec textu.", ",".join(rng.sample(audiences, 2)),
                ",".join(rng.sample(topics, 2)), rng.choice(types), age_min, age_min + rng.randint(0, 10),
                f"https://example.org/r/{n}", "",
            ])  # fmt: skip
        for n in range(rows - sources):
            writer.writerow([f"B-{n}-en", "en", f"Resource number {n}", "A summary for teachers.",
                             "<p>First paragraph.</p>", "", "", "", "", "", "", f"B-{n}"])  # fmt: skip
    return sources


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--naive-rows", type=int, default=1000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--profile", metavar="FILE", help="Write a cProfile of the first import to FILE.")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="sic-bench-"))
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    old_config = setup_databases(verbosity=0, interactive=False) if args.database_url else None
    if not args.database_url:
        call_command("migrate", verbosity=0)
        call_command("createcachetable")

    from wagtail.models import Page, Site

    from resources.importing import import_resources, read_file
    from resources.models import ResourcePage, ResourceType
    from tests.conftest import translate
    from tests.factories import HomePageFactory, ResourceIndexPageFactory, locale

    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="home", locale=locale("cs"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    translate(home, title="Home")
    library = ResourceIndexPageFactory(parent=home, slug="materialy", locale=locale("cs"))
    translate(library, title="Resources", slug="resources")

    path = workdir / "resources.csv"
    sources = generate(path, args.rows)
    results = {}

    changed_path = workdir / "resources-changed.csv"
    generate(changed_path, args.rows, changed_share=0.1)

    def peak_mib():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def timed(label, func, count):
        start = time.perf_counter()
        func()
        elapsed = time.perf_counter() - start
        results[label] = (count, elapsed, count / elapsed, peak_mib())

    results["(before)"] = (0, 0.0, 0.0, peak_mib())
    # The naive loop runs first, on the nearly empty site (its rate only falls as the site
    # grows: every publish updates the search index), under a library page of its own.
    naive_parent = ResourceIndexPageFactory(parent=home, slug="naive", locale=locale("cs"))
    guide = ResourceType.objects.get(slug="guide")
    naive_count = min(sources, args.naive_rows)

    def naive_loop():
        for n in range(naive_count):
            page = ResourcePage(title=f"Naive {n}", slug=f"naive-{n}", summary="S.", resource_type=guide)
            naive_parent.add_child(instance=page)
            page.save_revision().publish()

    timed("naive add_child + publish loop", naive_loop, naive_count)
    timed("dry run (read + validate)", lambda: import_resources(read_file(path), dry_run=True), args.rows)
    if args.profile:
        import cProfile

        with cProfile.Profile() as profile:
            timed("first import", lambda: import_resources(read_file(path)), args.rows)
        profile.dump_stats(args.profile)
    else:
        timed("first import", lambda: import_resources(read_file(path)), args.rows)
    pages_after_import = ResourcePage.objects.count()
    timed("second import (no changes)", lambda: import_resources(read_file(path)), args.rows)
    changed = {}
    timed("third import (10% changed)", lambda: changed.update(vars(import_resources(read_file(changed_path)))),
          args.rows)  # fmt: skip

    engine = connection.vendor
    print(f"\nimport_resources benchmark: {args.rows} rows ({sources} Czech, {args.rows - sources} English "
          f"translations) on {engine}; {pages_after_import} resource pages after the import "
          f"(translations and synchronised placeholders included)\n")  # fmt: skip
    print(f"third import: {changed['updated']} updated, {changed['unchanged']} unchanged\n")
    print(f"{'run':34} {'rows':>6} {'seconds':>9} {'rows/s':>9} {'peak RSS MiB':>13}")
    for label, (count, elapsed, rate, peak) in results.items():
        print(f"{label:34} {count:6d} {elapsed:9.1f} {rate:9.1f} {peak:13.0f}")
    ratio = results["first import"][2] / results["naive add_child + publish loop"][2]
    print(f"\nfirst import ÷ naive loop (rows/s): {ratio:.2f}")
    if old_config:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()
