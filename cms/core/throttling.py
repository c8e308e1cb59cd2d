"""DRF throttles on the shared limiter (``limits``), for every public write endpoint."""

from django.conf import settings
from rest_framework.throttling import BaseThrottle

from . import limits
from .submission import OverQuota


class LimiterThrottle(BaseThrottle):
    """A DRF throttle counted by ``limits.hit``: atomic, and its ``wait()`` is the true time
    until the window ends."""

    scope = ""
    setting = ""
    partner_setting = ""  # a platform filing with its API key is counted by its own limit

    def __init__(self):
        self.retry_after = None

    def identity(self, request):
        partner_key = getattr(request, "partner_key", None)
        if partner_key is not None and self.partner_setting:
            return f"partner:{partner_key.partner_id}", getattr(settings, self.partner_setting)
        return f"client:{limits.client_digest(request)}", getattr(settings, self.setting)

    def allow_request(self, request, view):
        who, rate = self.identity(request)
        if not rate:
            return True
        allowed, self.retry_after = limits.hit(f"{self.scope}:{who}", rate)
        return allowed

    def wait(self):
        return self.retry_after


def count_against(throttle_class, request):
    """Count a valid submission against ``throttle_class``'s quota (an intake's ``quota``
    callable); OverQuota, with the seconds to wait, when it is used up."""
    throttle = throttle_class()
    if not throttle.allow_request(request, None):
        raise OverQuota(throttle.wait())
