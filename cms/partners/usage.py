"""Partners' daily request counts: counted in the shared counters on each request,
copied into ``PartnerUsage`` when the admin shows them and by ``partner usage``."""

import datetime

from django.utils import timezone

from cms.core import limits

from .access import usage_key
from .models import Partner, PartnerUsage

RECENT_DAYS = 3  # the counters live this long (limits.USAGE_TTL)


def flush_usage(partners=None):
    """Copy the counters of the last days into the database; returns rows written."""
    partners = list(partners if partners is not None else Partner.objects.all())
    today = timezone.localdate()
    days = [today - datetime.timedelta(days=offset) for offset in range(RECENT_DAYS)]
    pairs = [(partner, day) for partner in partners for day in days]
    counts = limits.read([usage_key(partner.pk, day) for partner, day in pairs])
    written = 0
    for (partner, day), count in zip(pairs, counts, strict=True):
        if count:
            PartnerUsage.objects.update_or_create(partner=partner, day=day, defaults={"requests": count})
            written += 1
    return written
