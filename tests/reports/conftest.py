import pytest
from django.core.cache import cache

VALID = {
    "urls": ["https://Example.COM/some/page#top"],
    "category": "csam",
    "source_type": "webpage",
    "description": "Seen on a forum.",
    "language": "cs",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    """Rate limits live in the shared cache: each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def report_data():
    return {**VALID, "urls": list(VALID["urls"])}


@pytest.fixture
def post_report(client, db):
    def post(data, **headers):
        return client.post("/api/v1/reports/hotline/", data, content_type="application/json", headers=headers)

    return post


@pytest.fixture
def make_report(db):
    from reports.hotline.intake import receive_report
    from reports.hotline.reported_urls import normalise_url

    def make(*urls, **fields):
        data = {**VALID, **fields, "urls": [normalise_url(url) for url in (urls or VALID["urls"])]}
        return receive_report(data, "web").report

    return make


def _user(django_user_model, name, group=None, **extra):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(name, f"{name}@centre.example", "pass", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def analyst(django_user_model):
    return _user(django_user_model, "analyst", "Hotline analysts")


@pytest.fixture
def second_analyst(django_user_model):
    return _user(django_user_model, "analyst2", "Hotline analysts")


@pytest.fixture
def editor(django_user_model):
    return _user(django_user_model, "editor", "Editors")


@pytest.fixture
def administrator(django_user_model):
    return _user(django_user_model, "administrator", "Administrators")
