"""Shared fixtures: a bilingual site tree on a fresh test database.

The test database is built by the real migrations, so the taxonomy seed, the cs/en
locales and the en ← cs tree synchronisation are present as in production.
"""

import io
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from cms.core.page_translation import create_translation

from . import database_template
from .factories import HomePageFactory, ResourceIndexPageFactory, locale


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """``make mutation``: start from a copy of a migrated file (tests/database_template.py)."""
    template = database_template.schema_template()
    if not template:
        yield
        return
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        raise pytest.UsageError(f"{database_template.SCHEMA_TEMPLATE} is for SQLite runs only")
    copy = database_template.copy_of(template)
    database["TEST"] = {**database.get("TEST", {}), "NAME": copy}
    yield
    Path(copy).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """Keep the copy as it is (no teardown, no re-creation)."""
    return bool(database_template.schema_template()) or request.config.getvalue("reuse_db")


def translate(page, code="en", **fields):
    """Publish an English (or other) translation of ``page`` with the given fields."""
    fields.setdefault("title", f"{page.title} ({code})")
    slug = fields.pop("slug", page.slug)
    translation = create_translation(page, locale(code), slug=slug, **fields)
    translation.save_revision().publish()
    return translation


@pytest.fixture
def cs():
    return locale("cs")


@pytest.fixture
def en():
    return locale("en")


@pytest.fixture
def home(db, cs):
    """The Czech home page as the default site's root, with its English translation."""
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home", locale=cs)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    translate(home, title="Safer Internet")
    return home


@pytest.fixture
def home_en(home, en):
    return home.get_translation(en).specific


@pytest.fixture
def library(home, cs):
    """The Czech resource library and its English translation."""
    library = ResourceIndexPageFactory(parent=home, slug="materialy", locale=cs)
    translate(library, title="Resources", slug="resources")
    return library


@pytest.fixture
def client(client):
    """Django's test client addressing the default site's host."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    """The demo site's rows, loaded once per run and rolled back (tests/database_template.py)."""
    with django_db_blocker.unblock(), transaction.atomic():
        if database_template.demo_template():
            database_template.copy_rows_from(database_template.demo_template())
        else:
            call_command("load_demo", stdout=io.StringIO())
        rows = database_template.RowSnapshot.take()
        transaction.set_rollback(True)
    return rows


@pytest.fixture(scope="module")
def demo_site(demo_rows, django_db_blocker):
    """The full demo site, written back for each test module and rolled back afterwards.

    Each test still runs in its own savepoint (through the ``db`` fixture), so the module's
    tests cannot affect each other.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        demo_rows.restore()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_site, db):
    return None


@pytest.fixture
def redis_cache(settings):
    """The cache and the limiter's counters in Redis, under keys of this test alone
    (tests/redis_keys.py); yields the ``RedisKeys``."""
    from .redis_keys import RedisKeys

    keys = RedisKeys.new()
    settings.REDIS_URL = keys.url
    settings.CACHE_KEY_PREFIX = keys.prefix
    settings.CACHES = keys.cache_settings()
    yield keys
    keys.delete_all()
