"""Where an assessed address is hosted: its host's IP addresses, their country and
network, and the network's abuse contact. Each run is stored with its method and time.

Runs as a background task after an address is assessed illegal, and again when an analyst
asks. Nothing here contacts the reported site: DNS, local files and (optionally) RDAP.
"""

import ipaddress

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from cms.core.resolver import NameNotFound, ResolverFailed, describe_resolvers, resolve

from ..models import CaseEvent, ReportedUrl, TracedAddress, TraceRun
from . import geoip, rdap
from .history import record_for_open_cases

MAX_ADDRESSES = 16  # a host with more is a CDN or a round robin; the first ones tell the story


def method_description():
    parts = [f"DNS ({describe_resolvers()})", " + ".join(geoip.database_names())]
    if rdap.rdap_enabled():
        parts.append("RDAP")
    return "; ".join(parts)[:100]


def _primary(addresses):
    """The address the case shows: the first IPv4 one, else the first."""
    for address in addresses:
        if ipaddress.ip_address(address.ip).version == 4:
            return address
    return addresses[0] if addresses else None


def trace(reported_url, requested_by=None):
    """Trace ``reported_url`` now and store the run; returns the ``TraceRun``."""
    run = TraceRun(reported_url=reported_url, method=method_description(), requested_by=requested_by)
    addresses = []
    try:
        ips = resolve(reported_url.host)[:MAX_ADDRESSES]
    except NameNotFound:
        run.outcome = TraceRun.Outcome.NO_ADDRESS
    except ResolverFailed as error:
        run.outcome, run.error = TraceRun.Outcome.FAILED, str(error)[:300]
    else:
        run.outcome = TraceRun.Outcome.TRACED if ips else TraceRun.Outcome.NO_ADDRESS
        for ip in ips:
            location = geoip.locate(ip)
            addresses.append(
                TracedAddress(
                    ip=ip,
                    country=location.country,
                    asn=location.asn,
                    organisation=location.organisation,
                    network=location.network,
                )
            )
        primary = _primary(addresses)
        if primary is not None:  # the case uses the primary address's contact: one question, not one per IP
            primary.abuse_contact = rdap.abuse_contact(primary.ip)
    run.finished_at = timezone.now()
    with transaction.atomic():
        run.save()
        for address in addresses:
            address.run = run
        TracedAddress.objects.bulk_create(addresses)
        _store_hosting(reported_url, _primary(addresses), run.finished_at)
        record_for_open_cases(
            reported_url,
            CaseEvent.Kind.TRACED,
            f"traced: {run.outcome}",
            user=requested_by,
            outcome=run.outcome,
            country=addresses[0].country if addresses else "",
        )
    return run


def _store_hosting(reported_url, primary, when):
    changes = {"traced_at": when}
    if primary is not None:
        changes.update(
            hosting_country=primary.country,
            hosting_ip=primary.ip,
            hosting_asn=primary.asn,
            hosting_organisation=primary.organisation,
        )
        if primary.abuse_contact:  # an address set by hand stays unless the registry gives one
            changes["abuse_contact"] = primary.abuse_contact
    ReportedUrl.objects.filter(pk=reported_url.pk).update(**changes)
    for name, value in changes.items():
        setattr(reported_url, name, value)


def queue_trace(reported_url, user=None):
    """Trace after the current transaction commits, in the background."""
    user_id = user.pk if user else None
    transaction.on_commit(lambda: trace_address.enqueue(reported_url.pk, user_id))


@task()
def trace_address(reported_url_id, user_id=None):
    reported_url = ReportedUrl.objects.filter(pk=reported_url_id).exclude(host="").first()
    if reported_url is None:
        return None
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return trace(reported_url, requested_by=user).outcome
