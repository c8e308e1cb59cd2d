"""Who is on the other end of a WebSocket: the signed-in user of the session cookie, with
the same second-factor rule as every HTTP request (cms/core/two_factor/middleware.py): a
user who has not completed the second step is anonymous here too. Connections from
another site's pages are refused (the Origin header must name one of ALLOWED_HOSTS), so
a page elsewhere cannot drive a counsellor's console with their cookie."""

from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.security.websocket import AllowedHostsOriginValidator
from django.contrib.auth.models import AnonymousUser
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from .two_factor.policy import has_confirmed_device, requires_two_factor


def verified(user, session):
    """``user`` if they may act (second step done, or not needed), else AnonymousUser."""
    if not user.is_authenticated:
        return user
    persistent_id = session.get(DEVICE_ID_SESSION_KEY) if session is not None else None
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    user.otp_device = device if device is not None and device.user_id == user.pk else None
    if user.otp_device is not None:
        return user
    if has_confirmed_device(user) or requires_two_factor(user):
        return AnonymousUser()
    return user


class SecondFactorMiddleware:
    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        user = scope.get("user")
        if user is not None:
            scope = {**scope, "user": await database_sync_to_async(verified)(user, scope.get("session"))}
        return await self.inner(scope, receive, send)


def signed_in_websocket(application):
    """``application`` behind origin checks, the session, the user and the second factor."""
    return AllowedHostsOriginValidator(AuthMiddlewareStack(SecondFactorMiddleware(application)))


def same_site_websocket(application):
    """``application`` (anonymous) behind the origin check only: no cookie is read."""
    return AllowedHostsOriginValidator(application)
