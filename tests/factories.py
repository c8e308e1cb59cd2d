"""Factories for the page types and the seeded taxonomy."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from home.models import (
    AcademyPage,
    ArticlePage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ProgrammePage,
    SectionPage,
    ToolkitPage,
    WorkshopPage,
)
from resources.models import Audience, ResourceIndexPage, ResourcePage, ResourceType, Topic


def locale(code):
    return Locale.objects.get(language_code=code)


def audience(slug):
    return Audience.objects.get(slug=slug)


def topic(slug):
    return Topic.objects.get(slug=slug)


def resource_type(slug):
    return ResourceType.objects.get(slug=slug)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Bezpečnější internet"
    lead = "Rady a pomoc pro bezpečný internet."

    class Meta:
        model = HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sekce {n}")
    audience = factory.LazyFunction(lambda: audience("parents"))

    class Meta:
        model = SectionPage


class ToolkitPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Balíček {n}")
    intro = "Jak na to, krok za krokem."

    class Meta:
        model = ToolkitPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Článek {n}")
    lead = "Perex článku."

    class Meta:
        model = ArticlePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuality"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Zpráva {n}")
    lead = "Perex zprávy."
    date = datetime.date(2026, 11, 1)

    class Meta:
        model = NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Akce"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Akce {n}")
    lead = "Popis akce."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    place = "Praha"

    class Meta:
        model = EventPage


class AcademyPageFactory(wagtail_factories.PageFactory):
    title = "Akademie"
    lead = "Workshopy pro školy."

    class Meta:
        model = AcademyPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    lead = "O kyberšikaně."

    class Meta:
        model = WorkshopPage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Program {n}")
    lead = "Dva dny pro učitele."
    region = "jihomoravsky"
    city = "Brno"
    start = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(days=1))
    capacity = 10

    class Meta:
        model = ProgrammePage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Materiály"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Materiál {n}")
    summary = "Krátké shrnutí materiálu."
    resource_type = factory.LazyFunction(lambda: resource_type("guide"))

    class Meta:
        model = ResourcePage
