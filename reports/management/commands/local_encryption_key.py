"""``manage.py local_encryption_key``: make sure a development checkout has a key."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from cms.core.local_key import create_local_key


class Command(BaseCommand):
    help = "Create a local encryption key for development (never used in production)."

    def handle(self, *args, **options):
        if os.environ.get("FIELD_ENCRYPTION_KEY"):
            self.stdout.write(_("FIELD_ENCRYPTION_KEY is set; no local key needed."))
            return
        path, created = create_local_key(settings.BASE_DIR)
        if created:
            message = _(
                "Generated a local encryption key for personal data in %(path)s. It is for this "
                "checkout only: production needs FIELD_ENCRYPTION_KEY (see docs/hotline.md)."
            )
            self.stdout.write(self.style.WARNING(message % {"path": path}))
        else:
            self.stdout.write(_("Using the local encryption key in %(path)s.") % {"path": path})
