"""News feeds (RSS 2.0 and Atom) and the events calendar (iCalendar), one per language."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import EventPage, NewsIndexPage, NewsPage

FEED_ITEMS = 30


def feed_language(language):
    """``language`` if the site is written in it; anything else is not an address of the site."""
    if language not in dict(settings.LANGUAGES):
        raise Http404(language)
    return language


class LanguageFeed(Feed):
    """A feed whose titles and links are in the language of its address."""

    def get_object(self, request, language):
        return feed_language(language)

    def __call__(self, request, *args, **kwargs):
        with translation.override(feed_language(kwargs["language"])):
            return super().__call__(request, *args, **kwargs)

    def item_link(self, item):
        return item.full_url


class NewsFeed(LanguageFeed):
    """``/feeds/cs/news.xml``: the latest news of one language."""

    def title(self, language):
        return _("News – Safer Internet Centre")

    def link(self, language):
        index = NewsIndexPage.objects.live().filter(locale__language_code=language).first()
        return index.full_url if index else f"/{language}/"

    def description(self, language):
        return _("News from the Safer Internet Centre.")

    def items(self, language):
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale__language_code=language, alias_of__isnull=True)
            .order_by("-date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8)))

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


# iCalendar ---------------------------------------------------------------------------------


def _calendar():
    calendar = Calendar()
    calendar.add("prodid", "-//Safer Internet CMS//events//EN")
    calendar.add("version", "2.0")
    return calendar


def _event_entry(page):
    entry = Event()
    entry.add("uid", f"event-{page.translation_key}-{page.locale.language_code}@safer-internet-cms")
    entry.add("summary", page.title)
    entry.add("dtstart", page.start)
    entry.add("dtend", page.end or page.start + datetime.timedelta(hours=1))
    entry.add("dtstamp", page.last_published_at or timezone.now())
    entry.add("description", page.lead)
    entry.add("url", page.full_url)
    location = page.place or page.online_url
    if location:
        entry.add("location", location)
    return entry


def _ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def events_calendar(request, language):
    """``/calendar/cs/events.ics``: upcoming events of one language, to subscribe to."""
    feed_language(language)
    calendar = _calendar()
    with translation.override(language):
        calendar.add("x-wr-calname", _("Events – Safer Internet Centre"))
        events = EventPage.objects.upcoming().filter(locale__language_code=language, alias_of__isnull=True)
        for page in events.select_related("locale"):
            calendar.add_component(_event_entry(page))
    return _ics_response(calendar, f"events-{language}.ics")


def event_calendar(request, page_id):
    """``/calendar/event/<id>.ics``: one event, to add to a calendar."""
    page = get_object_or_404(EventPage.objects.live().public().select_related("locale"), pk=page_id)
    calendar = _calendar()
    calendar.add_component(_event_entry(page))
    return _ics_response(calendar, f"{page.slug}.ics")
