"""CORS for partner sites: a browser on an active partner's origin may call the API.

django-cors-headers does the protocol; this receiver tells it which origins are allowed,
from the partner table, cached in the shared cache and forgotten when a partner changes.
No credentials are ever allowed (``CORS_ALLOW_CREDENTIALS`` stays off).
"""

import re

from corsheaders.signals import check_request_enabled
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Partner

ORIGINS_KEY = "partners:origins"
ORIGINS_TTL = 300


def partner_origins():
    origins = cache.get(ORIGINS_KEY)
    if origins is None:
        origins = sorted({origin for partner in Partner.objects.filter(active=True) for origin in partner.origin_list})
        cache.set(ORIGINS_KEY, origins, ORIGINS_TTL)
    return origins


@receiver(check_request_enabled)
def allow_partner_origins(sender, request, **kwargs):
    # django-cors-headers lets any receiver enable CORS, outside CORS_URLS_REGEX too.
    if not re.match(settings.CORS_URLS_REGEX, request.path_info):
        return False
    origin = request.headers.get("Origin", "").rstrip("/").lower()
    return bool(origin) and origin in partner_origins()


@receiver([post_save, post_delete], sender=Partner)
def forget_origins(sender, **kwargs):
    cache.delete(ORIGINS_KEY)
