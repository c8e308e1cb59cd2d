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
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from cms.core import limits
from cms.core.api.errors import envelope
from cms.core.scopes import Scope

from .keys import InvalidKey, authenticate, sent_key

PARTNER_PATHS = ("/api/", "/embed/")
OWN_LIMITS = ("/api/v1/reports/",)


def usage_key(partner_id, day):
    return f"usage:{partner_id}:{day.isoformat()}"


def _refusal(request, status, code, message, params=None, **headers):
    """An API error answered here, before the locale middleware: in the client's language."""
    with translation.override(translation.get_language_from_request(request)):
        response = JsonResponse(envelope(code, str(message) % (params or {})), status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def too_many(request, retry_after):
    message = gettext_lazy("Too many requests. Try again in %(seconds)s seconds.")
    return _refusal(request, 429, "throttled", message, {"seconds": retry_after}, **{"Retry-After": str(retry_after)})


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
                message = gettext_lazy("The API key is unknown, revoked or expired.")
                return _refusal(request, 401, "invalid_api_key", message, **{"WWW-Authenticate": "Api-Key"})
        refusal = self.count(request)
        return refusal or self.get_response(request)

    def count(self, request):
        partner_key = request.partner_key
        usage = usage_key(partner_key.partner_id, timezone.localdate()) if partner_key else None
        if request.path.startswith(OWN_LIMITS) or request.method == "OPTIONS":
            identity, rate = None, ""  # the hotline endpoints limit themselves; preflights are free
        elif partner_key and partner_key.allows(Scope.CONTENT_READ):
            identity, rate = f"partner:{partner_key.partner_id}", settings.API_RATE_LIMIT_PARTNER
        else:
            identity, rate = f"client:{limits.client_digest(request)}", settings.API_RATE_LIMIT_ANONYMOUS
        if not rate:  # no limit here (or one turned off): a partner's usage is still counted
            if usage:
                limits.count(usage)
            return None
        allowed, retry_after = limits.hit(identity, rate, usage_key=usage)
        return None if allowed else too_many(request, retry_after)
