"""The seeded vocabularies: exactly DESIGN.md §4's slugs, labelled in Czech and English."""

import pytest
from django.urls import reverse
from django.utils import translation

from resources.models import Audience, ResourceType, Topic

from ..conftest import translate
from ..factories import ResourcePageFactory, UserFactory, audience

AUDIENCES = ["children", "young-people", "parents", "grandparents", "caretakers", "teachers", "social-workers"]
TOPICS = [
    "cyberbullying", "grooming", "sexting", "sextortion", "hate-speech", "privacy", "online-reputation",
    "screen-time", "gaming", "misinformation", "online-scams", "security", "social-networks", "harmful-content",
    "illegal-content", "digital-skills", "relationships", "advertising",
]  # fmt: skip
TYPES = [
    "guide", "lesson-plan", "worksheet", "video", "game", "quiz", "poster", "presentation", "article", "course",
    "podcast", "tool",
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("model, slugs", [(Audience, AUDIENCES), (Topic, TOPICS), (ResourceType, TYPES)])
def test_migration_seeds_exactly_the_contract_slugs_with_both_labels(model, slugs):
    assert sorted(model.objects.values_list("slug", flat=True)) == sorted(slugs)
    for term in model.objects.all():
        assert term.name_cs and term.name_en, term.slug
        assert term.name_cs != term.name_en or term.slug in {"sexting", "sextortion", "video", "podcast"}


@pytest.mark.django_db
def test_labels_follow_the_active_language():
    topic = Topic.objects.get(slug="cyberbullying")
    with translation.override("cs"):
        assert str(topic) == "Kyberšikana"
    with translation.override("en"):
        assert str(topic) == "Cyberbullying"


def test_resource_page_shows_audience_labels_in_the_page_language(client, library, en):
    resource = ResourcePageFactory(parent=library, locale=library.locale, title="Příručka pro rodiče")
    resource.audiences = [audience("parents")]
    resource.save_revision().publish()
    english = translate(resource, title="A guide for parents")

    assert "Rodiče" in client.get(resource.url).content.decode()
    assert "Parents" in client.get(english.url).content.decode()


@pytest.mark.django_db
def test_taxonomy_is_managed_in_the_admin_in_both_languages(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = reverse("wagtailsnippets_resources_topic:edit", args=[Topic.objects.get(slug="gaming").pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="name_cs"' in page.content.decode() and 'name="name_en"' in page.content.decode()

    response = client.post(
        url,
        {"name_cs": "Hraní videoher", "name_en": "Video games", "description_cs": "", "description_en": "",
         "slug": "gaming", "sort_order": 8},
    )  # fmt: skip
    assert response.status_code == 302
    topic = Topic.objects.get(slug="gaming")
    assert (topic.name_cs, topic.name_en) == ("Hraní videoher", "Video games")


@pytest.mark.django_db
def test_a_term_needs_its_english_label(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = reverse("wagtailsnippets_resources_topic:add")
    response = client.post(url, {"name_cs": "Nové téma", "name_en": "", "slug": "new-topic", "sort_order": 0})
    assert response.status_code == 200
    assert not Topic.objects.filter(slug="new-topic").exists()
