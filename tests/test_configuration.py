"""Configuration comes from the environment, with defaults that run a fresh clone.

Each check starts a separate Python process, since settings are read once per process.
"""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .servers import PROJECT, clean_environment, gunicorn, manage, production_environment


def django(code, settings="cms.settings.dev", **env):
    script = f"import django; django.setup(); from django.conf import settings; {code}"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env=clean_environment(DJANGO_SETTINGS_MODULE=settings, **env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result


def test_no_variables_mean_sqlite_database_search_and_a_shared_cache():
    result = django(
        "print(settings.DATABASES['default']['ENGINE']); print(settings.DATABASES['default']['NAME']);"
        "print(settings.CACHES['default']['BACKEND']); print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    engine, name, cache, search = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert Path(name) == PROJECT / "db.sqlite3"
    assert cache == "django.core.cache.backends.db.DatabaseCache"  # shared by every worker process
    assert search == "search.database_backend"  # Wagtail's database backend, title-weighted on SQLite


def test_database_url_and_redis_url_switch_on_postgresql_and_redis():
    result = django(
        "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME']);"
        "print(settings.CACHES['default']['BACKEND'])",
        DATABASE_URL="postgres://sic@db.internal:5432/sic",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "sic", "django_redis.cache.RedisCache"]


def test_production_refuses_to_start_without_a_secret_key():
    result = django("pass", settings="cms.settings.production")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_redis_cache_is_shared_between_processes():
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    key = f"sic-test-{os.getpid()}-{time.time_ns()}"
    writer = django(f"from django.core.cache import cache; cache.set('{key}', 'ahoj', 30)", REDIS_URL=redis_url)
    assert writer.returncode == 0, writer.stderr
    reader = django(
        f"from django.core.cache import cache; print(cache.get('{key}')); cache.delete('{key}')", REDIS_URL=redis_url
    )
    assert reader.stdout.strip() == "ahoj", reader.stderr


@pytest.fixture
def gunicorn_server(tmp_path):
    env = production_environment(tmp_path)
    manage(env, "collectstatic", "--no-input", "-v0")
    with gunicorn(env) as url:
        yield url


def test_gunicorn_serves_static_files_with_debug_off(gunicorn_server):
    with urllib.request.urlopen(f"{gunicorn_server}/static/css/site.css", timeout=10) as response:  # noqa: S310
        assert response.status == 200
        assert "Safer Internet CMS" in response.read().decode()
        assert "max-age" in response.headers.get("Cache-Control", "")
