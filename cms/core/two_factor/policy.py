"""Who must use a second factor, and where the check does not apply."""

from django.conf import settings
from django.dispatch import Signal
from django_otp import devices_for_user

# Sent with ``user`` and ``what`` ("enrolled", "recovery codes renewed", "locked out"), so
# the audit log (in the reports app, above this one) can record it.
account_security_event = Signal()

# Pages a signed-in user may open before the second step: the step itself and signing out.
OPEN_PATHS = ("/admin/two-factor/", "/admin/logout/", "/admin/login/", "/admin/jsi18n/", "/static/", "/media/")


def requires_two_factor(user):
    """Superusers and members of ``TWO_FACTOR_REQUIRED_GROUPS`` (analysts, counsellors,
    administrators); editors may choose it."""
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True) or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()


def has_confirmed_device(user):
    return any(True for _device in devices_for_user(user, confirmed=True))
