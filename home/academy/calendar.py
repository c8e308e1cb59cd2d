"""A scheduled workshop's iCalendar file: for the school (attached to the e-mail that tells
it the date) and for the lecturer (downloaded from the inbox)."""

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def workshop_title(inquiry):
    """``Workshop – school`` in the inquiry's language (the event's title too)."""
    with translation.override(inquiry.language):
        what = inquiry.workshop.title if inquiry.workshop else _("Academy workshop")
    return f"{what} – {inquiry.organisation}"


def inquiry_calendar(inquiry):
    """The ``.ics`` bytes of the inquiry's agreed date, or None before it has one."""
    if not (inquiry.scheduled_start and inquiry.scheduled_end):
        return None
    calendar = Calendar()
    calendar.add("prodid", "-//Safer Internet CMS//Academy//EN")
    calendar.add("version", "2.0")
    entry = Event()
    entry.add("uid", f"academy-{inquiry.reference}@safer-internet-cms")
    entry.add("summary", workshop_title(inquiry))
    entry.add("dtstart", inquiry.scheduled_start)
    entry.add("dtend", inquiry.scheduled_end)
    entry.add("dtstamp", timezone.now())
    if inquiry.venue:
        entry.add("location", inquiry.venue)
    calendar.add_component(entry)
    return calendar.to_ical()
