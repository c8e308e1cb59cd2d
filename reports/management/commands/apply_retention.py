"""``manage.py apply_retention``: anonymise closed hotline cases and helpline contacts past
their retention periods, keeping the statistics, then run every other app's registered
retention job (``cms.core.retention``: the Academy's inquiries and registrations).

Run it daily (cron, a systemd timer, or enqueue ``reports.tasks.apply_retention_task``).
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core import retention
from reports.helpline import retention as helpline_retention
from reports.hotline.retention import apply_retention, due_reports


class Command(BaseCommand):
    help = (
        "Anonymise closed hotline cases older than HOTLINE_RETENTION_DAYS and closed helpline contacts "
        "older than HELPLINE_RETENTION_DAYS, keeping the statistics."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be anonymised.")

    def handle(self, *args, dry_run=False, **options):
        days, helpline_days = settings.HOTLINE_RETENTION_DAYS, settings.HELPLINE_RETENTION_DAYS
        if dry_run:
            self.stdout.write(
                _("%(count)s closed cases are older than %(days)s days and would be anonymised.")
                % {"count": due_reports().count(), "days": days}
            )
            self.stdout.write(
                _("%(count)s closed helpline contacts are older than %(days)s days and would be anonymised.")
                % {"count": helpline_retention.due_contacts().count(), "days": helpline_days}
            )
            self.stdout.write(
                _("%(count)s helpline chats ended more than %(days)s days ago and would be anonymised.")
                % {"count": helpline_retention.due_chats(timezone.now(), helpline_days).count(), "days": helpline_days}
            )
            for job in retention.registered():
                self.stdout.write(job.due())
            return
        result = apply_retention()
        self.stdout.write(
            _(
                "Anonymised %(reports)s closed cases older than %(days)s days (%(addresses)s addresses "
                "replaced by their hash); deleted %(receipts)s expired idempotency receipts."
            )
            % {"reports": result.reports, "days": days, "addresses": result.addresses, "receipts": result.receipts}
        )
        helpline = helpline_retention.apply_retention()
        self.stdout.write(
            _(
                "Helpline: anonymised %(contacts)s closed contacts older than %(days)s days (%(messages)s "
                "messages and notes blanked) and %(cases)s cases; deleted %(receipts)s expired receipts."
            )
            % {
                "contacts": helpline.contacts,
                "days": helpline_days,
                "messages": helpline.messages,
                "cases": helpline.cases,
                "receipts": helpline.receipts,
            }
        )
        self.stdout.write(
            _("Helpline chats: anonymised %(chats)s chats (%(messages)s messages deleted).")
            % {"chats": helpline.chats, "messages": helpline.chat_messages}
        )
        for job in retention.registered():
            self.stdout.write(job.apply())
