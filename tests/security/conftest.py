import pytest
from django.core.cache import cache

from tests.reports.conftest import analyst, as_user, make_report  # noqa: F401 - shared fixtures


@pytest.fixture(autouse=True)
def fresh_counters(db):
    """Limits are counted in the shared cache and the counter table: each test starts clean."""
    from cms.partners.limits import forget_leases

    cache.clear()
    forget_leases()
    yield
    cache.clear()
    forget_leases()


@pytest.fixture
def partner(db):
    from cms.partners.models import Partner

    return Partner.objects.create(name="Platform", kind="industry", contact_email="t@platform.example", origins="")


@pytest.fixture
def partner_key(partner):
    from cms.partners.keys import issue_key

    return issue_key(partner, ["reports:submit", "content:read"])[1]
