"""The second step of signing in, enforced on every request.

A user who signed in with a password but not yet with a second factor is sent to it on
admin pages (to set it up first when their role requires it and they have none), and is
anonymous everywhere else: a password alone never reads case data, not even through the
API's session-authenticated endpoints.
"""

from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from .policy import OPEN_PATHS, has_confirmed_device, requires_two_factor


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified() or request.path.startswith(OPEN_PATHS):
            return self.get_response(request)
        has_device = has_confirmed_device(user)
        if not has_device and not requires_two_factor(user):
            return self.get_response(request)  # an editor who has not chosen a second factor
        if not request.path.startswith("/admin/"):
            request.user = AnonymousUser()
            return self.get_response(request)
        step = "two-factor-verify" if has_device else "two-factor-setup"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
