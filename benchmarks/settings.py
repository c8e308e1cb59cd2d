"""Production settings plus a framework-floor view, for ``benchmarks/api.py`` only."""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
# Cache-miss scenarios make every address unique with ``_=<n>``; the API refuses parameters
# it does not document unless they are listed here.
API_IGNORED_QUERY_PARAMETERS = ("_",)
# The page sweep asks Wagtail API v2 for the same pages as ours, up to 30 a page.
WAGTAILAPI_LIMIT_MAX = 100
