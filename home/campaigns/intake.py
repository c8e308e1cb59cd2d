"""Registering a school's or organisation's activity for a campaign (``KA-YYYY-nnnnnn``),
waiting for a moderator; on the rules of every public intake (``cms.core.submission``): a
platform's key needs the ``campaigns:submit`` scope, then the quota, the honeypot, and an
Idempotency-Key answered once."""

import secrets

from django.conf import settings
from django.utils import timezone

from cms.core import submission
from cms.core.scopes import Scope

from ..models.campaigns import ACTIVITY_PREFIX, ActivityReceipt, ActivityStatus, CampaignActivity, CampaignPage


class ActivitiesClosed(Exception):
    """The campaign takes no more activities (closed by its editors, or over)."""


def submit(data, channel, *, idempotency_key="", partner_key=None, quota=None):
    """The one way an activity comes in: the API, the campaign page's form, platforms."""
    return submission.submit(ACTIVITY, data, submission.Filing(channel, idempotency_key, partner_key, quota))


def _store(data, channel, partner=None):
    campaign = CampaignPage.objects.get(pk=data["campaign"])  # the id asked for: a translation
    if not (campaign.live and campaign.accepts_activities):
        raise ActivitiesClosed
    now = timezone.now()
    activity = CampaignActivity.objects.create(
        reference=f"{ACTIVITY_PREFIX}-{secrets.token_hex(8)}",  # until the row has its number
        received_at=now,
        language=data.get("language") or settings.LANGUAGE_CODE,
        channel=channel,
        campaign=campaign.activity_holder(),
        organisation=data["organisation"],
        title=data["title"],
        description=data.get("description") or "",
        city=data["city"],
        region=data["region"],
        date=data["date"],
        audience=data["audience"],
        reach=data["reach"],
        email=data["email"],
    )
    activity.reference = f"{ACTIVITY_PREFIX}-{now.year}-{activity.pk:06d}"
    activity.save(update_fields=["reference"])
    return activity, ""


ACTIVITY = submission.Intake(
    prefix=ACTIVITY_PREFIX,
    initial_status=ActivityStatus.PENDING,
    scope=Scope.CAMPAIGNS_SUBMIT,
    receipts=ActivityReceipt,
    record_field="activity",
    store=_store,
)
