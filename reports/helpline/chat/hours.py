"""When the chat is staffed: ``HELPLINE_CHAT_HOURS``, e.g. ``"mon-fri 08:00-20:00; sat-sun
10:00-18:00"`` in the site's time zone. Outside these hours the chat page offers the
written form and the emergency numbers instead."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RULE = re.compile(r"^(?P<first>[a-z]{3})(?:-(?P<last>[a-z]{3}))?\s+(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})$")


def _minutes(text, spec):
    hours, minutes = (int(part) for part in text.split(":"))
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        raise ImproperlyConfigured(f"HELPLINE_CHAT_HOURS: {text!r} is not a time of day (in {spec!r})")
    return hours * 60 + minutes


def _rule(rule, spec):
    match = RULE.match(rule.strip().lower())
    if not match or match["first"] not in DAYS or (match["last"] or match["first"]) not in DAYS:
        raise ImproperlyConfigured(f"HELPLINE_CHAT_HOURS: cannot read {rule!r} (e.g. 'mon-fri 08:00-20:00')")
    first, last = DAYS.index(match["first"]), DAYS.index(match["last"] or match["first"])
    start, end = _minutes(match["start"], spec), _minutes(match["end"], spec)
    if start >= end or last < first:
        raise ImproperlyConfigured(f"HELPLINE_CHAT_HOURS: {rule!r} ends before it starts")
    return range(first, last + 1), (start, end)


def schedule(spec=None):
    """``{weekday: [(start minute, end minute), …]}`` (Monday is 0)."""
    spec = settings.HELPLINE_CHAT_HOURS if spec is None else spec
    week = {day: [] for day in range(7)}
    for rule in filter(str.strip, spec.split(";")):
        days, interval = _rule(rule, spec)
        for day in days:
            week[day].append(interval)
    return week


def is_open(now=None):
    local = timezone.localtime(now or timezone.now())
    minute = local.hour * 60 + local.minute
    return any(start <= minute < end for start, end in schedule()[local.weekday()])


def opening_times():
    """The schedule as the page shows it: ``[(weekday index, "08:00", "20:00"), …]``."""
    return [(day, _clock(start), _clock(end)) for day, intervals in schedule().items() for start, end in intervals]


def _clock(minutes):
    return datetime.time(minutes // 60 % 24, minutes % 60).strftime("%H:%M") if minutes < 1440 else "24:00"
