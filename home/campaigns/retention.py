"""Retention of campaign activities: ``CAMPAIGN_RETENTION_DAYS`` after the campaign's last
day, the contact e-mail is blanked; the activity (public once approved) and its reach stay
for the figures. Idempotency receipts are deleted after a day."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core.retention import RetentionJob

from ..models.campaigns import ActivityReceipt, CampaignActivity


def due_activities(now=None, days=None):
    days = settings.CAMPAIGN_RETENTION_DAYS if days is None else days
    # The campaign's days are the centre's (local) days; a UTC date is a day behind for
    # the first hour or two after local midnight.
    cutoff = timezone.localdate((now or timezone.now()) - timedelta(days=days))
    return CampaignActivity.objects.filter(campaign__end__lt=cutoff).exclude(email="")


def apply_retention(now=None, days=None):
    """Blank the e-mails due; ``(activities, receipts)`` counted."""
    now = now or timezone.now()
    return due_activities(now, days).update(email=""), ActivityReceipt.delete_expired(now)


def _due_sentence():
    return _("Campaigns: %(count)s activities' e-mails are older than %(days)s days and would be blanked.") % {
        "count": due_activities().count(),
        "days": settings.CAMPAIGN_RETENTION_DAYS,
    }


def _apply_sentence():
    activities, receipts = apply_retention()
    return _("Campaigns: blanked %(count)s activities' e-mails; deleted %(receipts)s expired receipts.") % {
        "count": activities,
        "receipts": receipts,
    }


CAMPAIGN_RETENTION = RetentionJob("campaigns", due=_due_sentence, apply=_apply_sentence)
