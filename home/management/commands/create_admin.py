"""``manage.py create_admin``: create a superuser with a generated password, printed once."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Create an administrator with a generated password and print the login once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, username, email, url, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            message = _(
                "The administrator “%(username)s” already exists; its password was printed when it was created."
            )
            self.stdout.write(message % {"username": username})
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        # Framed, so that it stands out at the end of the set-up's output: it is shown once.
        rule = "=" * 64
        self.stdout.write(rule)
        self.stdout.write(self.style.SUCCESS(_("Administrator created. Log in and change the password:")))
        self.stdout.write(f"  {url}\n  {_('username')}: {username}\n  {_('password')}: {password}")
        self.stdout.write(_("This password is shown only now: write it down."))
        self.stdout.write(rule)
