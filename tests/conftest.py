"""Shared fixtures: a bilingual site tree on a fresh test database.

The test database is built by the real migrations, so the taxonomy seed, the cs/en
locales and the en ← cs tree synchronisation are present as in production.
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from cms.page_translation import create_translation

from .factories import HomePageFactory, ResourceIndexPageFactory, locale


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


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The full demo site, built once per test module and rolled back afterwards.

    Building it takes seconds, so the module's tests share it; each test still runs
    in its own savepoint (through the ``db`` fixture), so they cannot affect each other.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_site, db):
    return None
