"""The read-replica router (cms/core/read_replica.py), tested with a second connection
alias to the same test database: read-only API requests read from it, everything else
(writes, the admin and site pages, the cache and sessions) stays on the primary."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from resources.models import ResourcePage, ResourceType
from tests.factories import HomePageFactory, ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture
def resource():
    # Transactional tests run last, after others emptied the tables (migrations' rows too).
    czech, _created = Locale.objects.get_or_create(language_code="cs")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=czech))
    home = HomePageFactory(parent=root, slug="replica-home", locale=czech)
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    library = ResourceIndexPageFactory(parent=home, slug="materialy", locale=czech)
    guide, _created = ResourceType.objects.get_or_create(slug="guide", defaults={"name": "Průvodce"})
    return ResourcePageFactory(parent=library, slug="z-repliky", title="Materiál z repliky", resource_type=guide)


def tables(captured):
    return " ".join(query["sql"] for query in captured.captured_queries)


def test_a_read_only_api_request_reads_from_the_replica(client, resource, settings):
    settings.API_READ_DATABASE = "replica"
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get("/api/v1/resources/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["results"]] == ["Materiál z repliky"]
    assert "resources_resourcepage" in tables(replica) and "wagtailcore_page" in tables(replica)
    assert "resources_resourcepage" not in tables(primary) and "wagtailcore_page" not in tables(primary)


def test_writes_site_pages_and_a_router_without_a_replica_stay_on_the_primary(client, resource, settings):
    settings.API_READ_DATABASE = "replica"
    with CaptureQueriesContext(connections["replica"]) as replica:
        page = client.get("/cs/materialy/z-repliky/", HTTP_HOST="localhost")  # a site page, not the API
        ResourcePage.objects.filter(pk=resource.pk).update(title="Změněno")  # a write, outside any request
        refused = client.post("/api/v1/resources/", {}, HTTP_HOST="localhost")  # not a safe method
    assert page.status_code == 200 and refused.status_code == 405
    assert not replica.captured_queries

    settings.API_READ_DATABASE = ""  # no replica configured: the API reads the primary
    with CaptureQueriesContext(connections["replica"]) as replica:
        assert client.get("/api/v1/resources/", HTTP_HOST="localhost").status_code == 200
    assert not replica.captured_queries


def test_the_replica_is_never_migrated():
    from cms.core.read_replica import ReadReplicaRouter

    router = ReadReplicaRouter()
    assert router.allow_migrate("replica", "resources") is False
    assert router.allow_migrate("default", "resources") is None
    assert router.db_for_write(ResourcePage) is None and router.allow_relation(None, None)
