import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_api_cache(db):
    """Each test starts with no cached API responses."""
    cache.clear()
