"""Who is calling the public endpoints, and how often they may.

For ``/api/`` and ``/embed/``: a request with ``Authorization: Api-Key <key>`` is a
partner's (a wrong, revoked or expired key is refused with 401, never treated as
anonymous); every request is counted against a limit, the partner's when it has a key
with ``content:read`` and the lower anonymous one otherwise, and answered 429 with
``Retry-After`` beyond it. The hotline endpoints keep their own, stricter limits.
A partner's requests are also counted per day (see ``usage``).
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.api.errors import envelope

from . import limits
from .keys import InvalidKey, authenticate, sent_key
from .models import Scope

PARTNER_PATHS = ("/api/", "/embed/")
OWN_LIMITS = ("/api/v1/reports/",)


def usage_key(partner_id, day):
    return f"usage:{partner_id}:{day.isoformat()}"


def too_many(retry_after):
    response = JsonResponse(
        envelope("throttled", _("Too many requests. Try again in %(seconds)s seconds.") % {"seconds": retry_after}),
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


class PartnerAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.partner_key = None
        if not request.path.startswith(PARTNER_PATHS):
            return self.get_response(request)
        key = sent_key(request)
        if key is not None:
            try:
                request.partner_key = authenticate(key)
            except InvalidKey:
                response = JsonResponse(
                    envelope("invalid_api_key", _("The API key is unknown, revoked or expired.")), status=401
                )
                response["WWW-Authenticate"] = "Api-Key"
                return response
        refusal = self.count(request)
        return refusal or self.get_response(request)

    def count(self, request):
        partner_key = request.partner_key
        usage = usage_key(partner_key.partner_id, timezone.localdate()) if partner_key else None
        if request.path.startswith(OWN_LIMITS) or request.method == "OPTIONS":
            if usage:
                limits.count(usage)
            return None
        if partner_key and partner_key.allows(Scope.CONTENT_READ):
            identity, rate = f"partner:{partner_key.partner_id}", settings.API_RATE_LIMIT_PARTNER
        else:
            identity, rate = f"client:{limits.client_digest(request)}", settings.API_RATE_LIMIT_ANONYMOUS
        if not rate:  # no limit here (e.g. a gateway in front limits): usage is still counted
            if usage:
                limits.count(usage)
            return None
        allowed, retry_after = limits.hit(identity, rate, usage_key=usage)
        return None if allowed else too_many(retry_after)
