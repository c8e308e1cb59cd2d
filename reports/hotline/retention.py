"""Retention: closed cases keep their statistics, not the people or addresses in them.

A case closed more than ``HOTLINE_RETENTION_DAYS`` ago is anonymised: the reporter's
e-mail, the description and the source details are removed, analysts' notes are blanked,
and each of its addresses that no open case still names is replaced by its SHA-256
(the host stays, for statistics by hosting). Category, dates, channel, classification,
content and site type, victim age group and gender, and the case history's steps stay.
Idempotency receipts are deleted after a day.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import AuditEntry, CaseEvent, HotlineReport, IntakeReceipt, ReportedUrl, Status, audit


@dataclass
class RetentionResult:
    reports: int = 0
    addresses: int = 0
    receipts: int = 0


def due_reports(now=None, days=None):
    now = now or timezone.now()
    days = settings.HOTLINE_RETENTION_DAYS if days is None else days
    return HotlineReport.objects.filter(
        status=Status.CLOSED, closed_at__lt=now - timedelta(days=days), anonymised_at__isnull=True
    )


def apply_retention(now=None, days=None):
    now = now or timezone.now()
    result = RetentionResult()
    for report in due_reports(now, days).iterator():
        with transaction.atomic():
            result.addresses += _anonymise(report, now)
            result.reports += 1
    result.receipts = IntakeReceipt.delete_expired(now)
    return result


def _anonymise(report, now):
    HotlineReport.objects.filter(pk=report.pk).update(
        reporter_email="", wants_feedback=False, consent_at=None, description="", source_details={}, anonymised_at=now
    )
    of_this_case = ReportedUrl.objects.filter(report_links__report=report).exclude(url="")
    addresses = of_this_case.not_in_open_cases().update(url="")
    report.events.filter(kind=CaseEvent.Kind.NOTE).redact(details={})
    for event in report.events.filter(kind=CaseEvent.Kind.CLOSED):
        CaseEvent.objects.filter(pk=event.pk).redact(details={"reason": event.details.get("reason", "")})
    CaseEvent.objects.create(report=report, kind=CaseEvent.Kind.ANONYMISED, created_at=now)
    audit(None, AuditEntry.Action.ANONYMISE, report, "retention")
    return addresses
