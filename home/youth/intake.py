"""Receiving a youth panel contribution: one transaction, a reference ``ML-YYYY-nnnnnn``,
waiting for a moderator. The same rules as every public intake (``cms.core.submission``):
a platform's key needs the ``youth:submit`` scope, then the quota, the honeypot, and an
Idempotency-Key answered once."""

import secrets

from django.conf import settings
from django.utils import timezone

from cms.core import submission
from cms.core.scopes import Scope

from ..models.youth import REFERENCE_PREFIX, ContributionReceipt, ContributionStatus, YouthContribution


def submit(data, channel, *, idempotency_key="", partner_key=None, quota=None):
    """The one way a contribution comes in: the API, the panel page's form, platforms."""
    filing = submission.Filing(channel, idempotency_key, partner_key, quota)
    return submission.submit(YOUTH, data, filing)


def _store(data, channel, partner=None):
    now = timezone.now()
    contribution = YouthContribution.objects.create(
        reference=f"{REFERENCE_PREFIX}-{secrets.token_hex(8)}",  # until the row has its number
        received_at=now,
        language=data.get("language") or settings.LANGUAGE_CODE,
        channel=channel,
        nickname=data.get("nickname") or "",
        age_band=data["age_band"],
        kind=data["kind"],
        topic=data.get("topic"),
        text=data["text"],
        published_text=data["text"],  # the moderator's starting point
    )
    # The reference comes from the row's number: unique without a sequence table.
    contribution.reference = f"{REFERENCE_PREFIX}-{now.year}-{contribution.pk:06d}"
    contribution.save(update_fields=["reference"])
    return contribution, ""  # no status token: there is nothing to follow


YOUTH = submission.Intake(
    prefix=REFERENCE_PREFIX,
    initial_status=ContributionStatus.PENDING,
    scope=Scope.YOUTH_SUBMIT,
    receipts=ContributionReceipt,
    record_field="contribution",
    store=_store,
)
