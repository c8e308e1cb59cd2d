"""Receiving a hotline report: one transaction, one reference, addresses joined when open.

Nothing about the person who reports is taken from the request: no address, no user
agent, no cookie. What they choose to give (an e-mail address, with consent) is
encrypted.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy

from cms.core import submission
from cms.core.scopes import Scope
from cms.core.submission import (
    MAX_IDEMPOTENCY_KEY_LENGTH,
    IdempotencyConflict,
    Outcome,
    OverQuota,
    ScopeMissing,
    Submission,
)

from ..models import (
    AuditEntry,
    CaseEvent,
    Category,
    HotlineReport,
    IntakeReceipt,
    ReferenceSequence,
    ReportedUrl,
    ReportedUrlLink,
    Status,
    audit,
)
from .reported_urls import url_hash

__all__ = [
    "FILES_REFUSED",
    "MAX_IDEMPOTENCY_KEY_LENGTH",
    "IdempotencyConflict",
    "Outcome",
    "OverQuota",
    "ScopeMissing",
    "in_remit",
    "public_status",
    "receive_report",
    "submit",
]

REFERENCE_PREFIX = "HL"
# Said wherever a file is refused (API and form): the person must learn why.
FILES_REFUSED = gettext_lazy(
    "Never send images, videos or other files, not even as evidence: sending them is a crime. "
    "Give only the addresses where the content is."
)


def in_remit(data):
    """The hotline takes illegal content only; other worries go to the helpline."""
    return data["category"] in Category.values


def submit(data, channel, *, idempotency_key="", partner_key=None, quota=None):
    """The one way a report comes in (API and site form), from validated ``data``.

    Out of remit first (nothing stored, nothing counted: the caller offers the helpline),
    then the rules every intake shares (``cms.core.submission.submit``).
    """
    if not in_remit(data):
        return Submission(Outcome.OUT_OF_REMIT)
    filing = submission.Filing(channel, idempotency_key, partner_key, quota)
    return submission.submit(HOTLINE, data, filing)


def receive_report(data, channel, idempotency_key="", partner=None):
    """Store a report from validated ``data`` (``urls`` as ``(url, host)`` pairs), once per
    Idempotency-Key; ``partner`` is the platform that filed it with its API key."""
    return submission.receive(HOTLINE, data, channel, idempotency_key, partner=partner)


def _attach_url(report, url, host, now):
    digest = url_hash(url)
    open_record = ReportedUrl.objects.select_for_update().exclude(state=ReportedUrl.State.CLOSED)
    record = open_record.filter(url_hash=digest).first()
    joined = record is not None
    if not joined:
        # A report filed at the same time may open the same address first: the unique
        # constraint refuses this one, and ``submission.receive`` stores again (joining it).
        record = ReportedUrl.objects.create(url=url, url_hash=digest, host=host, first_reported_at=now)
    ReportedUrlLink.objects.create(report=report, reported_url=record, created_at=now, joined_existing=joined)
    if joined:
        CaseEvent.objects.create(report=report, reported_url=record, kind=CaseEvent.Kind.JOINED, created_at=now)


def _store(data, channel, partner=None):
    now = timezone.now()
    email = data.get("reporter_email") or ""
    report = HotlineReport(
        reference=ReferenceSequence.next_reference(REFERENCE_PREFIX, now),
        received_at=now,
        channel=channel,
        partner=partner,
        category=data["category"],
        source_type=data["source_type"],
        source_details=data.get("source_details") or {},
        description=data.get("description") or "",
        language=data.get("language") or settings.LANGUAGE_CODE,
        reporter_email=email,
        wants_feedback=bool(email and data.get("wants_feedback")),
        consent_at=now if email else None,
        about_reporter=bool(data.get("about_reporter")),
    )
    token = report.new_status_token()
    report.save()
    for url, host in data["urls"]:
        _attach_url(report, url, host, now)
    CaseEvent.objects.create(
        report=report,
        kind=CaseEvent.Kind.RECEIVED,
        created_at=now,
        details={"channel": channel, "addresses": len(data["urls"])},
    )
    audit(None, AuditEntry.Action.CREATE, report, channel)
    return report, token


HOTLINE = submission.Intake(
    prefix=REFERENCE_PREFIX,
    initial_status=Status.RECEIVED,
    scope=Scope.REPORTS_SUBMIT,
    receipts=IntakeReceipt,
    record_field="report",
    store=_store,
)


def public_status(reference, token):
    """The report whose status ``token`` may read, or None when the reference or the token
    is wrong (the two cannot be told apart). Its ``status`` is coarse by design."""
    report = HotlineReport.objects.filter(reference=(reference or "").strip().upper()).first()
    if report is None or not report.token_matches(token or ""):
        return None
    return report
