import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_counters(db):
    """Rate-limit and usage counters live in the shared cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def partner(db):
    from cms.partners.models import Partner

    return Partner.objects.create(
        name="ZŠ Example", kind="school", contact_email="ict@zs.example", origins="https://www.zs.example"
    )


@pytest.fixture
def issue(partner):
    """An API key of ``partner`` with the given scopes: ``(record, key)``."""
    from cms.partners.keys import issue_key

    def make(*scopes):
        return issue_key(partner, list(scopes) or None)

    return make


@pytest.fixture
def administrator(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("admin1", "admin1@centre.example", "pass")
    user.groups.add(Group.objects.get(name="Administrators"))
    return user
