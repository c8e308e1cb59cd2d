"""The hand-off between the hotline and the helpline, both ways.

- A worry the hotline does not handle (cyberbullying, sexting…) is passed to the helpline
  when the person agrees: a helpline contact (channel ``hotline``) with their description,
  so they get an answer instead of a dead end.
- A counsellor refers the addresses a person gave to the hotline: a hotline report
  (channel ``helpline``) linked to the contact by a referral, whose coarse status the
  counsellor sees. Neither side sees the other's case beyond that link.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.core import submission
from cms.core.site_url import site_base_url

from .helpline import intake as helpline_intake
from .helpline import workflow
from .hotline import intake as hotline_intake
from .models import (
    AnswerBy,
    Channel,
    ContactChannel,
    HelplineCategory,
    OutOfRemitCategory,
    Platform,
    ReferralService,
    SourceType,
)

PLATFORM_OF_SOURCE = {
    SourceType.SOCIAL_NETWORK: Platform.SOCIAL_NETWORK,
    SourceType.CHAT: Platform.MESSAGING,
    SourceType.EMAIL: Platform.OTHER,
    SourceType.WEBPAGE: Platform.OTHER,
    SourceType.P2P: Platform.OTHER,
    SourceType.OTHER: Platform.OTHER,
}
CATEGORY_OF_WORRY = {
    OutOfRemitCategory.CYBERBULLYING: HelplineCategory.CYBERBULLYING,
    OutOfRemitCategory.SEXTING: HelplineCategory.SEXTING,
    OutOfRemitCategory.OTHER: HelplineCategory.OTHER,
}
ADDRESSES_GIVEN = _("Addresses given")


def helpline_data(report_data):
    """A helpline contact from a validated hotline report that is out of the hotline's remit."""
    message = report_data.get("description") or ""
    if report_data.get("urls"):
        addresses = "\n".join(url for url, _host in report_data["urls"])
        message = f"{message}\n\n{ADDRESSES_GIVEN}:\n{addresses}".strip()
    email = report_data.get("reporter_email") or ""
    return {
        "message": message,
        "categories": [CATEGORY_OF_WORRY[report_data["category"]]],
        "platform": PLATFORM_OF_SOURCE.get(report_data.get("source_type"), Platform.UNKNOWN),
        "language": report_data.get("language"),
        "answer_by": AnswerBy.EMAIL if email else AnswerBy.STATUS_PAGE,
        "email": email,
        "homepage": report_data.get("homepage", ""),
    }


@dataclass
class Filed:
    """What came of a report: the hotline's Submission, or the helpline's when the report was
    out of the hotline's remit and the person agreed to pass it on (``passed_to_helpline``)."""

    submission: object
    passed_to_helpline: bool = False


def file_report(data, filing, contact_quota=None):
    """The one way a report reaches the centre from the hotline's API and form: the hotline
    takes it, or, out of its remit and with ``pass_to_helpline``, the helpline does (counted
    by ``contact_quota``). ``filing``: a ``submission.Filing``."""
    outcome = hotline_intake.submit(
        data,
        filing.channel,
        idempotency_key=filing.idempotency_key,
        partner_key=filing.partner_key,
        quota=filing.quota,
    )
    if outcome.outcome is submission.Outcome.OUT_OF_REMIT and data.get("pass_to_helpline"):
        from_form = filing.channel == submission.WEB
        passed = to_helpline(data, idempotency_key=filing.idempotency_key, from_form=from_form, quota=contact_quota)
        return Filed(passed, passed_to_helpline=True)
    return Filed(outcome)


def to_helpline(report_data, *, idempotency_key="", from_form=False, quota=None):
    """Pass an out-of-remit report to the helpline (the person consented). The Submission
    holds the contact's receipt (or a decoy when the honeypot was filled)."""
    data = helpline_data(report_data)
    try:
        return helpline_intake.submit(data, ContactChannel.HOTLINE, idempotency_key=idempotency_key, quota=quota)
    except submission.IdempotencyConflict:
        if not from_form:  # the API reused its key for something else: its client must know
            raise
        # The form sent again after an edit (back, edit, send): a contact of its own.
        return helpline_intake.submit(data, ContactChannel.HOTLINE)


def hotline_service():
    """The directory's entry for the centre's hotline (seeded by migration; made if removed)."""
    service = ReferralService.objects.filter(kind=ReferralService.Kind.HOTLINE, active=True).first()
    if service is None:
        service = ReferralService.objects.create(kind=ReferralService.Kind.HOTLINE, name=str(_("The centre's hotline")))
    return service


@transaction.atomic
def to_hotline(contact, user, version, report_data):
    """File the addresses of a contact with the hotline and link the report to the contact.

    ``report_data``: validated by the hotline's own serializer (urls, category,
    source_type, description). Refused like any change of a stale or closed contact.
    """
    workflow.refuse_if_closed(contact)
    data = {**report_data, "language": contact.language, "reporter_email": "", "wants_feedback": False}
    report = hotline_intake.receive_report(data, Channel.HELPLINE).record
    return workflow.refer(contact, user, version, hotline_service(), hotline_report=report)


def helpline_url():
    """Where the helpline is: ``HELPLINE_URL`` when the centre's helpline lives elsewhere,
    else this site's own form in the active language."""
    return settings.HELPLINE_URL or site_base_url() + reverse("helpline-form")
