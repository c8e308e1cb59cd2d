"""``manage.py monitor_takedowns``: check notified addresses until their content is gone.

Run it every few minutes from cron or a systemd timer (or enqueue
``reports.hotline.monitor.monitor_takedowns``); each address is checked at most every
``HOTLINE_MONITOR_INTERVAL_MINUTES``.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.hotline.monitor import run_monitor


class Command(BaseCommand):
    help = "Check notified hotline addresses (headers only), mark removed ones, remind hosts still online."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Check every monitored address, due or not.")

    def handle(self, *args, all=False, **options):
        summary = run_monitor(everything=all)
        checked = summary.checked
        count = sum(checked.values())
        checked_text = ngettext("Checked %(count)s address", "Checked %(count)s addresses", count) % {"count": count}
        self.stdout.write(
            _(
                "%(checked)s: online %(online)s, removed %(removed)s, unreachable %(unreachable)s. "
                "Reminders queued: %(reminders)s. Failed notices retried: %(retried)s."
            )
            % {
                "checked": checked_text,
                "online": checked["online"],
                "removed": checked["removed"],
                "unreachable": checked["unreachable"],
                "reminders": summary.reminders,
                "retried": summary.retried,
            }
        )
