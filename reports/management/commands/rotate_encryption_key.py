"""``manage.py rotate_encryption_key``: re-encrypt personal data with the current key.

Put the new key first in FIELD_ENCRYPTION_KEY (keep the old ones after it), deploy,
run this command, then remove the old keys.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from reports.models import HotlineReport, IntakeReceipt

ENCRYPTED = [(HotlineReport, "reporter_email"), (IntakeReceipt, "status_token")]


class Command(BaseCommand):
    help = "Re-encrypt every encrypted value with the first key of FIELD_ENCRYPTION_KEY."

    def handle(self, *args, **options):
        total = 0
        for model, field in ENCRYPTED:
            with transaction.atomic():
                # Reading decrypts with any key of the ring; saving encrypts with the first.
                for record in model.objects.exclude(**{field: ""}).select_for_update().iterator():
                    model.objects.filter(pk=record.pk).update(**{field: getattr(record, field)})
                    total += 1
        self.stdout.write(_("Re-encrypted %(count)s values with the current key.") % {"count": total})
