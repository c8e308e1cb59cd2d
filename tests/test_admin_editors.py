"""A Czech editor's day in the admin: Czech from the first login whatever the browser
says, a translation that goes live only when published, the resource chooser at the
library, and a resource listing in one language with its classification."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

from home.models import ToolkitPage
from resources.models import ResourcePage

from .factories import UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=["Editors"])


def html_lang(response):
    return re.search(r'<html[^>]* lang="([^"]+)"', response.content.decode())[1]


def test_the_admin_is_czech_for_an_english_browser(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert html_lang(response) == "cs"
    login = client.__class__().get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="en")
    assert html_lang(login) == "cs"


def test_an_editor_who_chooses_english_gets_english(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="cs")
    assert html_lang(response) == "en"


def test_the_public_site_still_follows_its_address_not_the_admin_rule(client, demo):
    assert html_lang(client.get("/en/", HTTP_ACCEPT_LANGUAGE="cs")) == "en"


def test_translating_a_page_makes_a_draft_until_its_editor_publishes_it(
    client, demo, editor, django_capture_on_commit_callbacks
):
    toolkit = ToolkitPage.objects.get(locale__language_code="cs", slug="kybersikana-ve-tride")
    english = Locale.objects.get(language_code="en")
    toolkit.get_translation(english).specific.delete()  # back to an untranslated page
    toolkit.copy_for_translation(english, alias=True)  # the synchronised tree's placeholder
    placeholder = toolkit.get_translation(english)
    assert placeholder.live and placeholder.alias_of_id == toolkit.pk

    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(editor, [english]).create_translations(toolkit)  # "Translate this page"

    translation = ToolkitPage.objects.get(pk=placeholder.pk)
    assert translation.alias_of_id is None
    assert not translation.live  # not published under its Czech title
    assert translation.title == toolkit.title
    assert client.get(f"/api/v1/toolkits/{translation.pk}/").status_code == 404
    assert client.get(translation.url).status_code == 404

    translation.title = "Cyberbullying in the classroom"
    translation.save_revision(user=editor).publish()
    assert ToolkitPage.objects.get(pk=translation.pk).live


def test_a_published_translation_stays_live_when_converted_and_published_at_once(
    demo, editor, django_capture_on_commit_callbacks
):
    toolkit = ToolkitPage.objects.get(locale__language_code="cs", slug="kybersikana-ve-tride")
    english = Locale.objects.get(language_code="en")
    toolkit.get_translation(english).specific.delete()
    toolkit.copy_for_translation(english, alias=True)
    translation_source, _created = TranslationSource.get_or_create_from_instance(toolkit)
    with django_capture_on_commit_callbacks(execute=True):
        translation_source.create_or_update_translation(english, user=editor, publish=True, fallback=True)
    assert toolkit.get_translation(english).live


def test_the_resource_chooser_opens_at_the_library(client, demo, editor):
    client.force_login(editor)
    response = client.get("/admin/choose-page/", {"page_type": "resources.resourcepage"})
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Materiály" in html  # the Czech library is the page being browsed
    listed = ResourcePage.objects.filter(locale__language_code="cs", alias_of__isnull=True)
    assert sum(resource.title in html for resource in listed) >= 10
    assert "Pro rodiče" not in html  # not the site's root with its sections
    other = client.get("/admin/choose-page/", {"page_type": "home.toolkitpage"})
    assert other.status_code == 200


def test_the_resource_chooser_needs_an_admin_login(client, demo):
    response = client.get("/admin/choose-page/", {"page_type": "resources.resourcepage"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_resource_listing_shows_one_language_with_its_classification(client, demo, editor):
    client.force_login(editor)
    html = client.get(reverse("resources:index")).content.decode()
    for column in ("Jazyk", "Typ", "Cílové skupiny", "Témata"):
        assert re.search(rf">\s*{column}\s*<", html), column
    czech = ResourcePage.objects.filter(locale__language_code="cs", alias_of__isnull=True).order_by("title")
    english = ResourcePage.objects.filter(locale__language_code="en", alias_of__isnull=True).first()
    assert czech.first().title in html
    assert english.title not in html  # Czech until the editor chooses another language
    english_only = client.get(reverse("resources:index"), {"locale": "en"}).content.decode()
    assert english.title in english_only and czech.first().title not in english_only
