import pytest
from django.core.cache import cache

VALID = {
    "urls": ["https://Example.COM/some/page#top"],
    "category": "csam",
    "source_type": "webpage",
    "description": "Seen on a forum.",
    "language": "cs",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    """Rate limits live in the shared cache: each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def report_data():
    return {**VALID, "urls": list(VALID["urls"])}


@pytest.fixture
def post_report(client, db):
    def post(data, **headers):
        return client.post("/api/v1/reports/hotline/", data, content_type="application/json", headers=headers)

    return post
