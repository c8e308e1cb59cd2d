"""Per-client limits on the public report endpoints, on the shared limiter.

The client is known to the limiter by a keyed hash of its address; the counters live in
Redis or the database (``cms.partners.limits``) and are gone when the window ends. Nothing
identifying is written anywhere.

Report intake has two limits: every attempt counts against a looser one, and only a
submission that passes validation counts against the report quota, so a reporter who
mistypes an address is not locked out.
"""

from django.conf import settings
from rest_framework.exceptions import Throttled
from rest_framework.throttling import BaseThrottle

from cms.partners import limits


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


class HotlineAttemptThrottle(LimiterThrottle):
    scope = "hotline-attempts"
    setting = "HOTLINE_ATTEMPT_RATE_LIMIT"
    partner_setting = "HOTLINE_PARTNER_ATTEMPT_RATE_LIMIT"


class HotlineReportThrottle(LimiterThrottle):
    scope = "hotline-intake"
    setting = "HOTLINE_RATE_LIMIT"
    partner_setting = "HOTLINE_PARTNER_RATE_LIMIT"


class HotlineStatusThrottle(LimiterThrottle):
    scope = "hotline-status"
    setting = "HOTLINE_STATUS_RATE_LIMIT"


def count_report(request):
    """Count a valid submission against the report quota; Throttled when it is used up."""
    throttle = HotlineReportThrottle()
    if not throttle.allow_request(request, None):
        raise Throttled(throttle.wait())
