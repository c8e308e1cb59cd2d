import pytest
from django.core.cache import cache

from cms.core.api.caching import memo


@pytest.fixture(autouse=True)
def empty_api_cache(db):
    """Each test starts with no cached API responses, shared or remembered by this process."""
    cache.clear()
    memo.forget()
