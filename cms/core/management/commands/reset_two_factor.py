"""``manage.py reset_two_factor USERNAME``: remove a user's second factor (a lost phone).

The user sets up a new one at the next sign-in, as their role requires; the reset is
written to the audit log.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django_otp import devices_for_user

from cms.core.two_factor.policy import account_security_event


class Command(BaseCommand):
    help = "Remove a user's authenticator app and recovery codes, so they set up a new second factor."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("No user is called “%(username)s”.") % {"username": username})
        removed = 0
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
        account_security_event.send(self, user=user, what="second factor reset")
        self.stdout.write(
            _("Removed %(count)s devices of %(username)s; a new second factor is set up at the next sign-in.")
            % {"count": removed, "username": username}
        )
