"""``/feeds/cs/resources.xml``: resources new in the library, of one language, optionally one topic."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import ResourceIndexPage, ResourcePage, Topic

FEED_ITEMS = 30


class NewResourcesFeed(Feed):
    """The newest resources; ``?topic=cyberbullying`` narrows them to one topic (unknown: 404)."""

    def __call__(self, request, *args, **kwargs):
        if kwargs["language"] not in dict(settings.LANGUAGES):
            raise Http404(kwargs["language"])
        with translation.override(kwargs["language"]):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, language):
        slug = request.GET.get("topic", "").strip()
        topic = get_object_or_404(Topic, slug=slug) if slug else None
        return {"language": language, "topic": topic}

    def title(self, chosen):
        if chosen["topic"] is not None:
            return _("New resources: %(topic)s – Safer Internet Centre") % {"topic": chosen["topic"].name}
        return _("New resources – Safer Internet Centre")

    def link(self, chosen):
        library = ResourceIndexPage.objects.live().filter(locale__language_code=chosen["language"]).first()
        url = library.full_url if library else f"/{chosen['language']}/"
        return f"{url}?topic={chosen['topic'].slug}" if chosen["topic"] else url

    def description(self, chosen):
        return _("Lesson plans, worksheets, videos and guides newly in the library.")

    def items(self, chosen):
        resources = (
            ResourcePage.objects.live().public().filter(locale__language_code=chosen["language"], alias_of__isnull=True)
        )
        if chosen["topic"] is not None:
            resources = resources.filter(topics=chosen["topic"])
        return resources.order_by("-first_published_at", "-pk")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at


class NewResourcesAtomFeed(NewResourcesFeed):
    feed_type = Atom1Feed
    subtitle = NewResourcesFeed.description
