from tests.api.conftest import empty_api_cache  # noqa: F401  (the same clean cache for every test)
