"""The case page's steps after assessment: trace, forward, notice, monitor.

Each action takes the case, the form's cleaned data and the analyst, like the actions in
``admin_views``; ``address_panel`` gives the page what it shows for each address.
"""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ..models import ILLEGAL, CaseEvent, Category, Forward, ReportedUrl, Takedown
from . import geoip, monitor, notices, routing, tracing
from .forms import AbuseContactForm, CheckForm, ForwardForm, ForwardReferenceForm, NoticeForm, TraceForm
from .history import record_event
from .reported_urls import defang
from .workflow import claim, refuse_if_closed

RECENT_CHECKS = 5


class NotAllowed(Exception):
    """The step does not fit the address's state; the message says why."""


def _address(report, data):
    return get_object_or_404(ReportedUrl, pk=data["reported_url"], report_links__report=report)


def _trace(report, data, user):
    refuse_if_closed(report)
    record = _address(report, data)
    if not record.url:
        raise NotAllowed(_("The address was removed by retention."))
    tracing.trace_address.enqueue(record.pk, user.pk)


@transaction.atomic
def _abuse_contact(report, data, user):
    refuse_if_closed(report)
    record = _address(report, data)
    claim(report, data["version"])
    ReportedUrl.objects.filter(pk=record.pk).update(abuse_contact=data["abuse_contact"])
    record_event(report, user, CaseEvent.Kind.TRACED, "abuse contact set", reported_url=record, abuse_contact_set=True)


def _forward(report, data, user):
    record = _address(report, data)
    destination = routing.Destination(
        data["recipient"], data["recipient_name"], data["partner_hotline"], data["their_reference"]
    )
    routing.forward(report, record, user, data["version"], destination)


def _forward_reference(report, data, user):
    record = get_object_or_404(Forward, pk=data["forward"], report=report)
    routing.set_their_reference(record, user, data["version"], data["their_reference"])


def _notice(report, data, user):
    refuse_if_closed(report)
    records = list(
        ReportedUrl.objects.filter(
            pk__in=data["reported_urls"], report_links__report=report, classification__in=ILLEGAL
        )
    )
    if len(records) != len(set(data["reported_urls"])):
        raise NotAllowed(_("Notices go only for addresses of this case assessed as illegal."))
    if report.category == Category.OTHER_ILLEGAL and not data["explanation"].strip():
        raise NotAllowed(_("For other illegal content, explain why it is illegal and name the legal provision."))
    with transaction.atomic():
        claim(report, data["version"])
        notices.queue_notices(records, user=user, explanation=data["explanation"].strip())


def _check(report, data, user):
    record = _address(report, data)
    if record.takedown != Takedown.MONITORING or not record.url:
        raise NotAllowed(_("Only addresses a notice went out for are checked."))
    monitor.check_now.enqueue(record.pk)


ACTIONS = {
    "trace": (TraceForm, _trace),
    "contact": (AbuseContactForm, _abuse_contact),
    "forward": (ForwardForm, _forward),
    "forward-reference": (ForwardReferenceForm, _forward_reference),
    "notice": (None, _notice),  # the form needs the case's addresses: see notice_form()
    "check": (CheckForm, _check),
}
REFUSALS = (NotAllowed, notices.NoAbuseContact)


def notice_form(report, data=None):
    choices = [
        (record.pk, defang(record.url))
        for record in ReportedUrl.objects.filter(report_links__report=report, classification__in=ILLEGAL)
        .exclude(url="")
        .order_by("pk")
    ]
    initial = {"version": report.version, "reported_urls": [pk for pk, _url in choices]}
    return NoticeForm(data, choices=choices, initial=initial)


def address_panel(report, record):
    """What the case page shows for one address after its assessment."""
    run = record.trace_runs.prefetch_related("addresses").first()
    route = routing.propose_route(record) if record.classification in ILLEGAL else None
    base = {"version": report.version, "reported_url": record.pk}
    forward_initial = {**base}
    if route:
        forward_initial.update(
            recipient=route.recipient, recipient_name=route.recipient_name, partner_hotline=route.partner_hotline
        )
    return {
        "trace": run,
        "hosting_country_name": routing.country_name(record.hosting_country) if record.hosting_country else "",
        "route": route,
        "forwards": [
            (forward, ForwardReferenceForm(initial={"version": report.version, "forward": forward.pk}))
            for forward in record.forwards.filter(report=report).select_related("partner_hotline")
        ],
        "notices": list(record.notices.order_by("-created_at", "-pk")),
        "checks": list(record.checks.all()[:RECENT_CHECKS]),
        "trace_form": TraceForm(initial=base),
        "contact_form": AbuseContactForm(initial={**base, "abuse_contact": record.abuse_contact}),
        "forward_form": ForwardForm(initial=forward_initial),
        "check_form": CheckForm(initial=base),
    }


def missing_location_databases():
    return geoip.missing_databases()
