"""What a locked-out sign-in sees (django-axes' AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation

from .policy import account_security_event


def lockout_response(request, original_response=None, credentials=None):
    username = credentials.get("username", "") if isinstance(credentials, dict) else ""
    account_security_event.send(lockout_response, user=None, what="locked out", username=username)
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    with translation.override(translation.get_language_from_request(request)):
        response = render(request, "two_factor/locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
