"""``manage.py retry_outgoing``: send again what failed before and is due: feedback e-mails
to reporters, helpline replies by e-mail, the Academy's e-mails to schools, notices to
hosts and webhook deliveries to partners.

Run it every few minutes from cron or a systemd timer (docs/deployment.md); the worker
sends what this queues.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from home.academy.emails import retry_academy_emails
from reports.helpline.emails import retry_reply_emails
from reports.hotline.feedback import retry_feedback
from reports.hotline.notices import retry_failed_notices

from ...webhooks import deliver_due


class Command(BaseCommand):
    help = (
        "Queue again the feedback e-mails, helpline replies, Academy e-mails, notices and webhook deliveries "
        "whose next attempt is due."
    )

    def handle(self, *args, **options):
        feedback, notices, replies = retry_feedback(), retry_failed_notices(), retry_reply_emails()
        academy = retry_academy_emails()
        delivered, failed = deliver_due()
        self.stdout.write(
            _(
                "Queued again: %(feedback)s feedback e-mails, %(replies)s helpline replies, %(academy)s Academy "
                "e-mails, %(notices)s notices. "
                "Webhooks: %(delivered)s delivered, %(failed)s failed again."
            )
            % {
                "feedback": len(feedback),
                "replies": len(replies),
                "academy": len(academy),
                "notices": len(notices),
                "delivered": delivered,
                "failed": failed,
            }
        )
