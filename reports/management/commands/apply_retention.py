"""``manage.py apply_retention``: anonymise closed hotline cases past the retention period.

Run it daily (cron, a systemd timer, or enqueue ``reports.tasks.apply_retention_task``).
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from reports.hotline.retention import apply_retention, due_reports


class Command(BaseCommand):
    help = "Anonymise closed hotline cases older than HOTLINE_RETENTION_DAYS, keeping the statistics."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be anonymised.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.HOTLINE_RETENTION_DAYS
        if dry_run:
            count = due_reports().count()
            self.stdout.write(
                _("%(count)s closed cases are older than %(days)s days and would be anonymised.")
                % {"count": count, "days": days}
            )
            return
        result = apply_retention()
        self.stdout.write(
            _(
                "Anonymised %(reports)s closed cases older than %(days)s days (%(addresses)s addresses "
                "replaced by their hash); deleted %(receipts)s expired idempotency receipts."
            )
            % {"reports": result.reports, "days": days, "addresses": result.addresses, "receipts": result.receipts}
        )
