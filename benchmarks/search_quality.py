"""Search quality: hit@1, hit@5 and MRR of our search and of stock Wagtail search.

Run: ``.venv/bin/python benchmarks/search_quality.py [--databases sqlite postgres]``

For each database, a fresh database is migrated, the demo site is loaded (its 85
resource pages stay as distractors) and the evaluation set
(``benchmarks/search_eval/resources.jsonl``) is imported with ``import_resources``. Every
query of ``search_eval/queries.json`` then goes through ``/api/v1/resources/?q=`` (ours,
with the query's filters). For stock Wagtail search the index is rebuilt with the fields
as Wagtail indexes them (the raw title, summary and body, nothing analysed) and the raw
query goes to the same backend's ``search()`` over the live pages of the language,
with the same filters applied after. A query scores when one of its relevant resources
is in the first 1 (hit@1) or 5 (hit@5) results; MRR averages 1 / rank of the first one.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
EVAL = PROJECT / "benchmarks" / "search_eval"
PG_ADMIN = "postgres://root@127.0.0.1:5432/postgres"


def score(ranked_lists, queries):
    hit1 = hit5 = reciprocal = 0.0
    misses, not_first = [], []
    for query, ranked in zip(queries, ranked_lists, strict=True):
        ranks = [position for position, item in enumerate(ranked, 1) if item in query["relevant"]]
        first = ranks[0] if ranks else None
        hit1 += first == 1
        hit5 += first is not None and first <= 5
        reciprocal += 1 / first if first else 0
        if not first or first > 5:
            misses.append(f"{query['locale']}:{query['q']}")
        if first != 1:
            not_first.append(f"{query['locale']}:{query['q']} (rank {first or '-'}; first {ranked[:1]})")
    n = len(queries)
    by_kind = {}
    for query, ranked in zip(queries, ranked_lists, strict=True):
        first = next((position for position, item in enumerate(ranked, 1) if item in query["relevant"]), None)
        figures = by_kind.setdefault(query.get("kind", "inflection"), {"n": 0, "hit@5": 0.0, "mrr": 0.0})
        figures["n"] += 1
        figures["hit@5"] += bool(first and first <= 5)
        figures["mrr"] += 1 / first if first else 0
    for figures in by_kind.values():
        figures["hit@5"] /= figures["n"]
        figures["mrr"] /= figures["n"]
    return {
        "hit@1": hit1 / n,
        "hit@5": hit5 / n,
        "mrr": reciprocal / n,
        "by_kind": by_kind,
        "misses": misses,
        "not_first": not_first,
    }


def evaluate():
    """Runs inside a worker process whose DATABASE_URL points at a fresh database."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Locale
    from wagtail.search.backends import get_search_backend

    from resources.models import ResourcePage
    from search import fields

    call_command("migrate", verbosity=0)
    call_command("createcachetable")
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115  (the library pages; its resources are distractors)
    call_command("import_resources", str(EVAL / "resources.jsonl"), "--no-progress", stdout=open(os.devnull, "w"))  # noqa: SIM115
    queries = json.loads((EVAL / "queries.json").read_text(encoding="utf-8"))
    external = dict(ResourcePage.objects.values_list("pk", "external_id"))
    client = Client(HTTP_HOST="localhost")

    ours = []
    for query in queries:
        params = {"q": query["q"], "locale": query["locale"], "page_size": 10, **query["filters"]}
        response = client.get("/api/v1/resources/", params)
        assert response.status_code == 200, response.content
        ours.append([external[item["id"]] for item in response.json()["results"]])

    # Stock: index the fields as Wagtail does, search the raw query.
    fields.AnalysedSearchField.get_value = lambda self, obj: (
        fields._as_text(fields.index.SearchField.get_value(self, obj)) if self.keep_text else ""
    )
    fields.FoldedAutocompleteField.get_value = lambda self, obj: ""
    call_command("update_index", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    backend = get_search_backend("wagtail.search.backends.database", SEARCH_CONFIG="simple")  # Wagtail's own ranking
    stock = []
    for query in queries:
        pages = ResourcePage.objects.live().filter(locale_id=Locale.objects.get(language_code=query["locale"]).pk)
        allowed = set(filtered(pages.filter(alias_of__isnull=True), query["filters"]).values_list("pk", flat=True))
        hits = [page.pk for page in backend.search(query["q"], pages)[:100]]
        stock.append([external[pk] for pk in hits if pk in allowed][:10])
    result = {"ours": score(ours, queries), "stock": score(stock, queries), "queries": len(queries)}
    print(json.dumps({**result, "ranked": {"ours": ours, "stock": stock}}))


def filtered(pages, filters):
    relation = {"audience": "audiences__slug", "topic": "topics__slug", "type": "resource_type__slug"}
    for name, value in filters.items():
        pages = pages.filter(**{relation[name]: value})
    return pages


def run(database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    env.pop("REDIS_URL", None)
    env.pop("ELASTICSEARCH_URL", None)
    output = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "--worker"], env=env, capture_output=True, text=True, check=False, cwd=PROJECT
    )
    if output.returncode:
        sys.exit(output.stderr)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"])
    parser.add_argument("--verbose", action="store_true", help="also list our queries not answered first")
    parser.add_argument("--pool", metavar="FILE", help="write every ranked list to FILE, for judging relevance")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        sys.path.insert(0, str(PROJECT))
        evaluate()
        return

    results = {}
    for database in args.databases:
        if database == "sqlite":
            with tempfile.TemporaryDirectory() as workdir:
                results[database] = run(f"sqlite:///{workdir}/eval.sqlite3")
        else:
            name = f"sic_search_eval_{os.getpid()}"
            subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "root", name], check=True)  # noqa: S603, S607
            try:
                results[database] = run(f"postgres://root@127.0.0.1:5432/{name}")
            finally:
                subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "root", name], check=True)  # noqa: S603, S607

    if args.pool:
        Path(args.pool).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    report(results, verbose=args.verbose)


def report(results, verbose=False):
    first = next(iter(results.values()))
    print(f"{first['queries']} queries, {sum(1 for _ in open(EVAL / 'resources.jsonl'))} resources\n")  # noqa: SIM115
    print("| database | search | hit@1 | hit@5 | MRR |\n| --- | --- | ---: | ---: | ---: |")
    for database, result in results.items():
        for who in ("ours", "stock"):
            figures = result[who]
            print(f"| {database} | {who} | {figures['hit@1']:.2f} | {figures['hit@5']:.2f} | {figures['mrr']:.2f} |")
    print("\n| database | search | kind | queries | hit@5 | MRR |\n| --- | --- | --- | ---: | ---: | ---: |")
    for database, result in results.items():
        for who in ("ours", "stock"):
            for kind, figures in result[who]["by_kind"].items():
                row = (
                    f"| {database} | {who} | {kind} | {figures['n']} | {figures['hit@5']:.2f} | {figures['mrr']:.2f} |"
                )
                print(row)
    for database, result in results.items():
        for who in ("ours", "stock"):
            print(f"\n{database}, {who}: not in the first 5: {', '.join(result[who]['misses']) or 'none'}")
        if verbose:
            print(f"\n{database}, ours, not first:\n  " + "\n  ".join(result["ours"]["not_first"]))


if __name__ == "__main__":
    main()
