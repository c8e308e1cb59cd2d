"""Counting the reach of the centre's content per partner, without personal data: an
embedded card or list shown, a document downloaded. The request's ``Origin`` or
``Referer`` is reduced to its origin and looked up among the partners' registered origins;
only the partner's id (or "none") and the day are counted, in the shared counters
(Redis or the database: one atomic increment, no write to a table on the request), and
copied into ``ContentReach`` by ``flush_reach`` (the impact figures and ``manage.py
partner usage`` call it). Nothing of the request is kept."""

import datetime
from urllib.parse import urlsplit

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from cms.core import limits

from .models import ContentReach, Partner

RECENT_DAYS = 3  # the counters live this long (limits.USAGE_TTL)
ORIGIN_MAP_KEY = "partners:origin-map"
ORIGIN_MAP_TTL = 300
OWN = 0  # the counters' id for the centre's site and sites of no partner


def reach_key(kind, partner_id, day):
    return f"reach:{kind}:{partner_id}:{day.isoformat()}"


def origin_map():
    """``{origin: partner id}`` of the active partners, cached."""
    mapping = cache.get(ORIGIN_MAP_KEY)
    if mapping is None:
        mapping = {
            origin: partner.pk for partner in Partner.objects.filter(active=True) for origin in partner.origin_list
        }
        cache.set(ORIGIN_MAP_KEY, mapping, ORIGIN_MAP_TTL)
    return mapping


@receiver([post_save, post_delete], sender=Partner)
def forget_origin_map(sender, **kwargs):
    cache.delete(ORIGIN_MAP_KEY)


def referring_origin(request):
    """``scheme://host[:port]`` of the page the request came from, or ``""``."""
    origin = request.headers.get("Origin", "")
    if not origin or origin == "null":
        origin = request.headers.get("Referer", "")
    try:
        parts = urlsplit(origin)
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def count_reach(request, kind):
    """Count one ``kind`` (``ContentReach.Kind``) for the partner the request came from."""
    partner_id = origin_map().get(referring_origin(request), OWN)
    limits.count(reach_key(kind, partner_id, timezone.localdate()))


def flush_reach(today=None):
    """Copy the counters of the last days into ``ContentReach``; returns rows written."""
    today = today or timezone.localdate()
    days = [today - datetime.timedelta(days=offset) for offset in range(RECENT_DAYS)]
    partner_ids = [OWN, *Partner.objects.values_list("pk", flat=True)]
    keys = [(kind, pk, day) for kind in ContentReach.Kind.values for pk in partner_ids for day in days]
    counts = limits.read([reach_key(*key) for key in keys])
    written = 0
    for (kind, partner_id, day), count in zip(keys, counts, strict=True):
        if count:
            ContentReach.objects.update_or_create(
                day=day, kind=kind, partner_id=partner_id or None, defaults={"count": count}
            )
            written += 1
    return written
