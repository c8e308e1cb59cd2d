import pytest
from django.test import Client
from wagtail.users.models import UserProfile

from tests.api.conftest import empty_api_cache  # noqa: F401  (the same clean cache for every test)
from tests.factories import UserFactory


@pytest.fixture
def editor_client(db):
    """An editor of the Editors group, signed in to the admin, which speaks English to them."""
    editor = UserFactory(username="search-editor", groups=["Editors"])
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)
    return client
