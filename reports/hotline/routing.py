"""Who should act on an assessed address, by where it is hosted, and the record of a forward.

The system proposes, the analyst decides: hosted in the centre's own country → the
police and a notice to the host; in a country with a partner hotline → that hotline;
anywhere else (or not traced) → the police, who use the international channel.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django_countries import countries

from ..models import CaseEvent, Forward, PartnerHotline, Status
from .feedback import queue_feedback
from .history import record_event
from .workflow import claim, refuse_if_closed


@dataclass
class Route:
    recipient: str  # Forward.Recipient
    recipient_name: str
    partner_hotline: PartnerHotline | None = None
    notice_to_host: bool = False
    explanation: str = ""


@dataclass(frozen=True)
class Destination:
    """Where an analyst forwards an address: the recipient and, once known, their reference."""

    recipient: str  # Forward.Recipient
    recipient_name: str
    partner_hotline: PartnerHotline | None = None
    their_reference: str = ""


def country_name(code):
    return countries.name(code) or code


def propose_route(reported_url):
    country = reported_url.hosting_country
    if country and country == settings.HOTLINE_COUNTRY:
        return Route(
            Forward.Recipient.POLICE,
            settings.HOTLINE_POLICE,
            notice_to_host=True,
            explanation=_("Hosted in %(country)s: report it to the police and send a notice to the host.")
            % {"country": country_name(country)},
        )
    partner = (
        PartnerHotline.objects.filter(country=country, active=True)
        .order_by("-inhope_member", Lower("organisation"))
        .first()
        if country
        else None
    )
    if partner:
        return Route(
            Forward.Recipient.PARTNER_HOTLINE,
            partner.organisation,
            partner_hotline=partner,
            explanation=_("Hosted in %(country)s, where %(hotline)s works: forward it to them.")
            % {"country": country_name(country), "hotline": partner.organisation},
        )
    if country:
        explanation = _(
            "Hosted in %(country)s, where no partner hotline works: report it to the police for the "
            "international channel."
        ) % {"country": country_name(country)}
    else:
        explanation = _(
            "The hosting country is not known: trace the address, or report it to the police for the "
            "international channel."
        )
    return Route(Forward.Recipient.POLICE, settings.HOTLINE_POLICE, explanation=explanation)


@transaction.atomic
def forward(report, reported_url, user, version, destination):
    """Record that ``reported_url`` of ``report`` went to ``destination``; the case is forwarded."""
    refuse_if_closed(report)
    if not report.url_links.filter(reported_url=reported_url).exists():
        raise ValueError("The address is not part of this case.")
    previous = report.status
    claim(report, version, status=Status.FORWARDED)
    record = Forward.objects.create(
        report=report,
        reported_url=reported_url,
        recipient=destination.recipient,
        recipient_name=destination.recipient_name,
        partner_hotline=destination.partner_hotline,
        their_reference=destination.their_reference,
        forwarded_by=user,
    )
    record_event(
        report,
        user,
        CaseEvent.Kind.FORWARDED,
        f"forwarded to {destination.recipient}",
        reported_url=reported_url,
        recipient=destination.recipient,
        recipient_name=destination.recipient_name,
        their_reference=destination.their_reference,
    )
    if report.status != previous:
        queue_feedback(report)
    return record


@transaction.atomic
def set_their_reference(record, user, version, their_reference):
    """The recipient's reference often arrives later: add it to the forward."""
    claim(record.report, version)
    Forward.objects.filter(pk=record.pk).update(their_reference=their_reference)
    record_event(
        record.report,
        user,
        CaseEvent.Kind.FORWARDED,
        "forward reference added",
        reported_url=record.reported_url,
        recipient=record.recipient,
        recipient_name=record.recipient_name,
        their_reference=their_reference,
    )


def iccam_record(record):
    """A forward as a structured record, its fields modelled on INHOPE's ICCAM."""
    url = record.reported_url
    report = record.report

    def time(value):
        return value.isoformat() if value else None

    return {
        "format": "sic-hotline-forward/1",
        "reference": report.reference,
        "url": url.url,
        "url_sha256": url.url_hash,
        "report_category": report.category,
        "classification": url.classification,
        "content_type": url.content_type,
        "site_type": url.site_type,
        "victim_age_group": url.victim_age_group,
        "victim_gender": url.victim_gender,
        "hosting": {
            "country": url.hosting_country,
            "ip": url.hosting_ip,
            "asn": url.hosting_asn,
            "network": url.hosting_organisation,
        },
        "recipient": {
            "kind": record.recipient,
            "name": record.recipient_name,
            "country": record.partner_hotline.country.code if record.partner_hotline else None,
            "their_reference": record.their_reference,
        },
        "times": {
            "reported": time(url.first_reported_at),
            "assessed": time(url.assessed_at),
            "traced": time(url.traced_at),
            "forwarded": time(record.forwarded_at),
            "first_notice": time(url.first_notice_at),
            "removed": time(url.removed_at),
        },
    }
