"""Takedown monitoring: every notified address is checked until its content is gone.

A scheduled run (``manage.py monitor_takedowns`` from cron, or the task) checks the
addresses due, records online / removed / unreachable with the time, marks an address
removed with its removal time (the first check that found it gone), and sends the notice
again to hosts whose content is still online after ``HOTLINE_NOTICE_RESEND_HOURS``.
"""

import http.client
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from cms.core.resolver import NameNotFound, ResolverFailed
from cms.core.safe_http import Refused, header_status

from ..models import CaseEvent, ReportedUrl, Takedown, TakedownCheck, notice_due_before
from .history import record_for_open_cases
from .notices import retry_failed_notices, send_reminders

GONE_STATUSES = {404, 410, 451}


def look(url):
    """``(outcome, http_status, detail)`` of one header-only check of ``url``."""
    Outcome = TakedownCheck.Outcome
    try:
        status = header_status(url)
    except NameNotFound:
        return Outcome.REMOVED, None, "the host name no longer exists"
    except Refused as refusal:
        return Outcome.UNREACHABLE, None, f"refused: {refusal}"
    except ResolverFailed as error:
        return Outcome.UNREACHABLE, None, f"DNS: {error}"
    except (OSError, http.client.HTTPException) as error:
        return Outcome.UNREACHABLE, None, type(error).__name__
    if 200 <= status < 300:
        return Outcome.ONLINE, status, ""
    if status in GONE_STATUSES:
        return Outcome.REMOVED, status, ""
    return Outcome.UNREACHABLE, status, f"HTTP {status}"


def check(record):
    """Check one notified address now and store the result; returns the ``TakedownCheck``."""
    outcome, status, detail = look(record.url)
    now = timezone.now()
    with transaction.atomic():
        result = TakedownCheck.objects.create(
            reported_url=record, checked_at=now, outcome=outcome, http_status=status, detail=detail[:300]
        )
        changes = {"last_checked_at": now}
        if outcome == TakedownCheck.Outcome.REMOVED and record.takedown != Takedown.REMOVED:
            changes.update(takedown=Takedown.REMOVED, removed_at=now)
            record_for_open_cases(record, CaseEvent.Kind.REMOVED, "content removed", removed_at=now.isoformat())
        ReportedUrl.objects.filter(pk=record.pk).update(**changes)
        for name, value in changes.items():
            setattr(record, name, value)
    return result


def due(now=None):
    now = now or timezone.now()
    checked_before = now - timezone.timedelta(minutes=settings.HOTLINE_MONITOR_INTERVAL_MINUTES)
    return (
        ReportedUrl.objects.filter(takedown=Takedown.MONITORING)
        .exclude(url="")
        .filter(Q(last_checked_at__isnull=True) | Q(last_checked_at__lte=checked_before))
        # Never checked first on both databases (PostgreSQL sorts NULL last by default).
        .order_by(F("last_checked_at").asc(nulls_first=True), "pk")
    )


@dataclass
class MonitorRun:
    checked: dict = field(default_factory=lambda: dict.fromkeys(TakedownCheck.Outcome.values, 0))
    reminders: int = 0
    retried: int = 0


def run_monitor(everything=False):
    """Check every address due (every monitored one with ``everything``), then remind."""
    summary = MonitorRun()
    records = ReportedUrl.objects.filter(takedown=Takedown.MONITORING).exclude(url="") if everything else due()
    still_online = []
    for record in records:
        result = check(record)
        summary.checked[result.outcome] += 1
        if result.outcome == TakedownCheck.Outcome.ONLINE and record.last_notice_at < notice_due_before():
            still_online.append(record)
    summary.reminders = len(send_reminders(still_online))
    summary.retried = len(retry_failed_notices())
    return summary


@task()
def monitor_takedowns():
    summary = run_monitor()
    return {"checked": summary.checked, "reminders": summary.reminders, "retried": summary.retried}


@task()
def check_now(reported_url_id):
    record = ReportedUrl.objects.filter(pk=reported_url_id, takedown=Takedown.MONITORING).exclude(url="").first()
    return check(record).outcome if record else None
