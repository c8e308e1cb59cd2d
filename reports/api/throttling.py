"""Per-client limits on the public report endpoints, counted in the shared cache only.

The client is known to the limiter by a keyed hash of its address, kept in the cache
(Redis with REDIS_URL, Django's database cache otherwise: shared by every worker, never
per-process memory) and gone when the window ends. Nothing is written to the database
or the logs.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from cms.partners.limits import client_digest


class ClientRateThrottle(SimpleRateThrottle):
    setting = ""
    partner_setting = ""  # a platform filing with its API key is counted by its own limit

    def get_rate(self):
        return getattr(settings, self.setting)

    def allow_request(self, request, view):
        partner_key = getattr(request, "partner_key", None)
        if partner_key is not None and self.partner_setting:
            self.rate = getattr(settings, self.partner_setting)
            self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        partner_key = getattr(request, "partner_key", None)
        if partner_key is not None and self.partner_setting:
            return f"throttle:{self.scope}:partner:{partner_key.partner_id}"
        return f"throttle:{self.scope}:{client_digest(request)}"


class HotlineIntakeThrottle(ClientRateThrottle):
    scope = "hotline-intake"
    setting = "HOTLINE_RATE_LIMIT"
    partner_setting = "HOTLINE_PARTNER_RATE_LIMIT"


class HotlineStatusThrottle(ClientRateThrottle):
    scope = "hotline-status"
    setting = "HOTLINE_STATUS_RATE_LIMIT"
