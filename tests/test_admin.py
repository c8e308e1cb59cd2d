"""Editors work in the Wagtail admin: in Czech, on every page type, with filters on resources."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from home.models import (
    ArticlePage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SectionPage,
    ToolkitPage,
)
from resources.models import ResourceIndexPage, ResourcePage

from .factories import UserFactory

PAGE_TYPES = [
    HomePage,
    SectionPage,
    ToolkitPage,
    ArticlePage,
    NewsIndexPage,
    NewsPage,
    EventIndexPage,
    EventPage,
    ResourceIndexPage,
    ResourcePage,
]


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=["Editors"])


def test_editor_logs_in_with_a_password(client, editor):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "editor", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_editor_opens_the_edit_view_of_every_page_type(client, demo, editor, model):
    client.force_login(editor)
    for code in ("cs", "en"):
        page = model.objects.filter(locale__language_code=code, alias_of__isnull=True).first()
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, (model.__name__, code)
        form = response.context["form"]
        assert (form.instance.pk, form["title"].value()) == (page.pk, page.title)
        assert type(form.instance) is model and response.context["page"].locale.language_code == code
        assert 'name="title"' in response.content.decode()


ONE_PER_PARENT = {NewsIndexPage, EventIndexPage, ResourceIndexPage}


@pytest.mark.parametrize("model", PAGE_TYPES[1:], ids=lambda model: model.__name__)
def test_editor_opens_the_create_view_under_an_allowed_parent(client, demo, editor, model):
    client.force_login(editor)
    parent_model = model.allowed_parent_page_models()[0]
    parent = parent_model.objects.filter(locale__language_code="cs").first()
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    response = client.get(url)
    if model in ONE_PER_PARENT:
        # The demo home already has one: the admin refuses a second instead of failing.
        assert response.status_code == 302
        assert not model.can_create_at(parent)
    else:
        assert response.status_code == 200


def test_admin_speaks_czech_to_a_czech_editor(client, demo, editor):
    client.force_login(editor)
    page = ResourcePage.objects.filter(locale__language_code="cs").first()
    body = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'lang="cs"' in body
    assert "Zařazení" in body  # our "Classification" tab
    assert "Uložit návrh" in body  # Wagtail's own "Save draft"


def test_resource_listing_filters_by_topic_and_locale(client, demo, editor):
    client.force_login(editor)
    from resources.models import Topic

    url = reverse("resources:index")
    topic = Topic.objects.get(slug="sextortion")
    response = client.get(url, {"topics": topic.pk, "locale": "cs"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Sextortion: postup pro školy" in body
    assert "Nebuď divák" not in body


def test_an_editor_sees_no_django_admin_or_user_management(client, editor):
    client.force_login(editor)
    assert client.get(reverse("wagtailusers_users:index")).status_code in {302, 403}


def test_toolkit_steps_offer_a_resource_chooser(client, demo, editor):
    client.force_login(editor)
    toolkit = ToolkitPage.objects.filter(locale__language_code="cs").first()
    body = client.get(reverse("wagtailadmin_pages:edit", args=[toolkit.pk])).content.decode()
    assert "resources.resourcepage" in body.lower()


def test_unknown_page_id_in_admin_is_a_404_not_a_500(client, editor):
    client.force_login(editor)
    missing = (Page.objects.order_by("-pk").first().pk or 0) + 1000
    assert client.get(reverse("wagtailadmin_pages:edit", args=[missing])).status_code == 404


def test_create_admin_prints_a_generated_password_once(db):
    import io
    import re

    from django.contrib.auth import authenticate
    from django.core.management import call_command
    from django.utils import translation

    first, second = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("create_admin", username="boss", stdout=first)
        call_command("create_admin", username="boss", stdout=second)
    password = re.search(r"password: (\S+)", first.getvalue()).group(1)
    assert len(password) >= 16 and password != "admin"
    user = authenticate(username="boss", password=password)
    assert user is not None and user.is_superuser
    assert "already exists" in second.getvalue()
    assert password not in second.getvalue()
