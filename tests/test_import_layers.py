"""The layers of docs/development.md hold, and no import hides in a function to dodge them.

import-linter (``make lint``) proves the module-level arrows; this test runs it too, so the
suite alone shows a broken layer, and it finds the imports Python would only run inside a
function, which import-linter cannot tell apart from the others.
"""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("cms", "home", "resources", "search", "reports")
# Imports that wait for a function on purpose, each with its reason; nothing else may.
DEFERRED_ON_PURPOSE = {
    # The Elasticsearch client is loaded only where ELASTICSEARCH_URL is set.
    ("search/service.py", "search.engines"),
    ("search/tasks.py", "search"),
    ("search/tasks.py", "search.engines.elasticsearch"),
    ("search/management/commands/search_index.py", "search"),
    ("search/management/commands/search_index.py", "search.engines.elasticsearch"),
    # Wagtail's SQLite ranking backend is imported only on SQLite.
    ("search/database_backend.py", "search.sqlite_ranking"),
    # The batched PostgreSQL index, and modelsearch's PostgreSQL module under it, only on
    # PostgreSQL (as modelsearch loads it).
    ("search/database_backend.py", "search.postgres_index"),
}


def project_modules():
    for package in PROJECT:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def absolute(node, path):
    """The module an ``import``/``from … import`` names, made absolute."""
    if isinstance(node, ast.Import):
        return node.names[0].name
    if node.level == 0:
        return node.module
    package = list(path.relative_to(ROOT).with_suffix("").parts[:-1])
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports_inside_functions(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if function.name == "ready" and path.name == "apps.py":
            continue  # Django's documented place to connect signals and registries
        for node in ast.walk(function):
            if isinstance(node, ast.Import | ast.ImportFrom):
                module = absolute(node, path)
                if module.split(".")[0] in PROJECT:
                    yield module


def test_no_project_import_waits_inside_a_function_except_the_listed_ones():
    found = {
        (str(path.relative_to(ROOT)), module) for path in project_modules() for module in imports_inside_functions(path)
    }
    assert found - DEFERRED_ON_PURPOSE == set()
    assert DEFERRED_ON_PURPOSE - found == set(), "an entry of the list is no longer needed: remove it"


def test_the_import_layers_hold():
    result = subprocess.run(  # noqa: S603 - our own lint-imports, fixed arguments
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Contracts: 5 kept, 0 broken." in result.stdout
