"""``manage.py deliver_webhooks``: try the webhook deliveries whose next attempt is due.

Run it every minute from cron (or enqueue ``cms.partners.webhooks.deliver_due_webhooks``).
"""

from django.core.management.base import BaseCommand

from ...webhooks import deliver_due


class Command(BaseCommand):
    help = "Send the webhook deliveries that failed before and are due again."

    def handle(self, *args, **options):
        delivered, failed = deliver_due()
        self.stdout.write(f"Delivered {delivered}, failed again {failed}.")
