"""What analysts do to a case, each step one transaction with its event and audit entry.

Every step names the case version its form was built from; if the case changed since
(another analyst saved first), the step is refused with ``StaleCase`` and nothing is
written, so nobody overwrites what they have not seen.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ILLEGAL, CaseEvent, HotlineReport, ReportedUrl, Status
from .feedback import queue_feedback
from .history import record_event
from .tracing import queue_trace


class StaleCase(Exception):
    def __init__(self):
        super().__init__(
            _("Someone else changed this case in the meantime. Review the case as it is now and try again.")
        )


class ClosedCase(Exception):
    def __init__(self):
        super().__init__(_("This case is closed."))


def claim(report, version, **changes):
    """Raise the version from ``version`` and apply ``changes``, or raise StaleCase."""
    updated = HotlineReport.objects.filter(pk=report.pk, version=version).update(version=F("version") + 1, **changes)
    if not updated:
        raise StaleCase
    report.refresh_from_db()


def _open_status(report):
    """A received case moves to assessment when an analyst starts on it."""
    return Status.IN_ASSESSMENT if report.status == Status.RECEIVED else report.status


def refuse_if_closed(report):
    if report.status == Status.CLOSED:
        raise ClosedCase


@transaction.atomic
def assign(report, user, version):
    refuse_if_closed(report)
    previous = report.status
    claim(report, version, assigned_to=user, status=_open_status(report))
    record_event(report, user, CaseEvent.Kind.ASSIGNED, "assigned", analyst=user.get_username())
    if report.status != previous:
        queue_feedback(report)


@transaction.atomic
def assess(report, reported_url, user, version, assessment):
    """``assessment``: classification, content_type, site_type, victim_age_group, victim_gender."""
    refuse_if_closed(report)
    if not report.url_links.filter(reported_url=reported_url).exists():
        raise ValueError("The address is not part of this case.")
    previous = report.status
    claim(report, version, status=_open_status(report))
    now = timezone.now()
    ReportedUrl.objects.filter(pk=reported_url.pk).update(
        **assessment, state=ReportedUrl.State.ASSESSED, assessed_by=user, assessed_at=now
    )
    record_event(report, user, CaseEvent.Kind.ASSESSED, "address assessed", reported_url=reported_url, **assessment)
    if assessment["classification"] in ILLEGAL:
        queue_trace(reported_url)
    if report.status != previous:
        queue_feedback(report)


@transaction.atomic
def add_note(report, user, version, text):
    claim(report, version)
    record_event(report, user, CaseEvent.Kind.NOTE, "note added", text=text)


@transaction.atomic
def close(report, user, version, reason, note=""):
    refuse_if_closed(report)
    claim(report, version, status=Status.CLOSED, closed_at=timezone.now(), close_reason=reason)
    ReportedUrl.objects.filter(report_links__report=report).not_in_open_cases().update(state=ReportedUrl.State.CLOSED)
    record_event(report, user, CaseEvent.Kind.CLOSED, f"closed: {reason}", reason=reason, note=note)
    queue_feedback(report)
