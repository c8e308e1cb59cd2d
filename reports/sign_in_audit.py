"""Sign-in security events in the audit log: lockouts, second factors set up, recovery
codes renewed. The user name only; no address, no password."""

from django.dispatch import receiver

from cms.core.two_factor.policy import account_security_event

from .models import AuditEntry, audit


@receiver(account_security_event)
def record_sign_in_event(sender, user, what, username="", **kwargs):
    name = user.get_username() if user is not None else username
    audit(user, AuditEntry.Action.SIGN_IN, ("account", name[:64]), what)
