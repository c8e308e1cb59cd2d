import pytest

from tests.partners.conftest import fresh_counters  # noqa: F401 - autouse: limits start at zero
from tests.reports.conftest import analyst, as_user, make_report  # noqa: F401 - shared fixtures


@pytest.fixture
def partner(db):
    from cms.partners.models import Partner

    return Partner.objects.create(name="Platform", kind="industry", contact_email="t@platform.example", origins="")


@pytest.fixture
def partner_key(partner):
    from cms.partners.keys import issue_key

    return issue_key(partner, ["reports:submit", "content:read"])[1]
