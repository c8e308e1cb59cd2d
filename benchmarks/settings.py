"""Production settings plus a framework-floor view, for ``benchmarks/api.py`` only."""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
