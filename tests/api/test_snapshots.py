"""The API's answers, stored: one item of each list endpoint (and its detail) in each language.

A refactoring must leave the public contract byte for byte as it was, so an accidental
change of a field, its order or its format fails here loudly. What differs between runs
(database ids, UUIDs, timestamps) is replaced by placeholders before comparing.

After an intended change of the contract, rewrite the files with
``SIC_UPDATE_SNAPSHOTS=1 pytest tests/api/test_snapshots.py`` and review the diff.
"""

import json
import os
import re
from pathlib import Path

import pytest
from django.db import connection

SNAPSHOTS = Path(__file__).parent / "snapshots"
LISTS = {
    "resources": "/api/v1/resources/?page_size=1",
    "toolkits": "/api/v1/toolkits/?page_size=1",
    "sections": "/api/v1/sections/?page_size=1",
    "news": "/api/v1/news/?page_size=1",
    "events": "/api/v1/events/?page_size=1",
    "audiences": "/api/v1/taxonomy/audiences/",
    "topics": "/api/v1/taxonomy/topics/",
    "resource-types": "/api/v1/taxonomy/resource-types/",
    "search": "/api/v1/search/?page_size=1&q={query}",
    "search-suggest": "/api/v1/search/suggest/?q=kyber",
    "navigation": "/api/v1/navigation/",
}
SEARCHED = {"cs": "kyber%C5%A1ikana", "en": "cyberbullying"}
VOLATILE = [
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "<uuid>"),
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?"), "<datetime>"),
    (re.compile(r'"(id|page_id|parent_id)": \d+'), r'"\1": <id>'),
    (re.compile(r"/(\d+)/"), "/<id>/"),
    (re.compile(r"/print/\d+\.pdf"), "/print/<id>.pdf"),
    # A file saved where one of its name exists (the demo loaded again) gets Django's suffix.
    (re.compile(r"_[A-Za-z0-9]{7}(?=\.)"), ""),
]


def normalised(data):
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for pattern, placeholder in VOLATILE:
        text = pattern.sub(placeholder, text)
    return text + "\n"


def first_only(data):
    """The answer with its lists cut to their first item (the shape is what matters)."""
    if isinstance(data, dict):
        return {key: first_only(value) for key, value in data.items()}
    if isinstance(data, list):
        return [first_only(item) for item in data[:1]]
    return data


def assert_matches_snapshot(name, data):
    path = SNAPSHOTS / f"{name}.json"
    text = normalised(first_only(data))
    if os.environ.get("SIC_UPDATE_SNAPSHOTS") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no stored answer {path.name}: run with SIC_UPDATE_SNAPSHOTS=1 once"
    assert text == path.read_text(encoding="utf-8"), f"the answer differs from {path.name}"


@pytest.mark.parametrize("locale", ["cs", "en"])
@pytest.mark.parametrize("name", list(LISTS))
def test_list_answers_as_stored(client, demo, name, locale):
    url = LISTS[name].format(query=SEARCHED[locale])
    response = client.get(f"{url}&locale={locale}" if "?" in url else f"{url}?locale={locale}")
    assert response.status_code == 200
    # Each engine ranks in its own way, so the first hit is stored per database.
    stored_as = f"{name}.{locale}.{connection.vendor}" if name.startswith("search") else f"{name}.{locale}"
    assert_matches_snapshot(stored_as, response.json())


@pytest.mark.parametrize("locale", ["cs", "en"])
@pytest.mark.parametrize("name", ["resources", "toolkits", "sections", "news", "events"])
def test_detail_of_the_first_item_answers_as_stored(client, demo, name, locale):
    first = client.get(f"{LISTS[name]}&locale={locale}").json()["results"][0]
    response = client.get(f"/api/v1/{name}/{first['id']}/")
    assert response.status_code == 200
    assert_matches_snapshot(f"{name}-detail.{locale}", response.json())
