import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_counters(db):
    """Rate-limit and usage counters live in the shared cache: each test starts with none."""
    from cms.core.limits import forget_leases

    cache.clear()
    forget_leases()
    yield
    cache.clear()
    forget_leases()


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


@pytest.fixture(autouse=True)
def steady_clock(monkeypatch):
    """The limiter's windows are fixed minutes: the tests run 30 s into one, so none of
    them straddles a window's end."""
    from cms.core import limits

    monkeypatch.setattr(limits, "clock", lambda: 1_800_000_030.0)
