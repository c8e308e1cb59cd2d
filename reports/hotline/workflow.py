"""What analysts do to a case, each step one transaction with its event and audit entry.

Every step names the case version its form was built from; if the case changed since
(another analyst saved first), the step is refused with ``StaleCase`` and nothing is
written, so nobody overwrites what they have not seen.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import AuditEntry, CaseEvent, HotlineReport, ReportedUrl, Status, audit
from .feedback import queue_feedback


class StaleCase(Exception):
    def __init__(self):
        super().__init__(
            _("Someone else changed this case in the meantime. Review the case as it is now and try again.")
        )


class ClosedCase(Exception):
    def __init__(self):
        super().__init__(_("This case is closed."))


def _claim(report, version, **changes):
    """Raise the version from ``version`` and apply ``changes``, or raise StaleCase."""
    updated = HotlineReport.objects.filter(pk=report.pk, version=version).update(version=F("version") + 1, **changes)
    if not updated:
        raise StaleCase
    report.refresh_from_db()


def _record(report, user, kind, summary, reported_url=None, **details):
    CaseEvent.objects.create(
        report=report,
        reported_url=reported_url,
        kind=kind,
        actor=user,
        actor_name=user.get_username(),
        details=details,
    )
    audit(user, AuditEntry.Action.CHANGE, report, summary)


def _open_status(report):
    """A received case moves to assessment when an analyst starts on it."""
    return Status.IN_ASSESSMENT if report.status == Status.RECEIVED else report.status


def _refuse_if_closed(report):
    if report.status == Status.CLOSED:
        raise ClosedCase


@transaction.atomic
def assign(report, user, version):
    _refuse_if_closed(report)
    previous = report.status
    _claim(report, version, assigned_to=user, status=_open_status(report))
    _record(report, user, CaseEvent.Kind.ASSIGNED, "assigned", analyst=user.get_username())
    if report.status != previous:
        queue_feedback(report)


@transaction.atomic
def assess(report, reported_url, user, version, assessment):
    """``assessment``: classification, content_type, site_type, victim_age_group, victim_gender."""
    _refuse_if_closed(report)
    if not report.url_links.filter(reported_url=reported_url).exists():
        raise ValueError("The address is not part of this case.")
    previous = report.status
    _claim(report, version, status=_open_status(report))
    now = timezone.now()
    ReportedUrl.objects.filter(pk=reported_url.pk).update(
        **assessment, state=ReportedUrl.State.ASSESSED, assessed_by=user, assessed_at=now
    )
    _record(report, user, CaseEvent.Kind.ASSESSED, "address assessed", reported_url=reported_url, **assessment)
    if report.status != previous:
        queue_feedback(report)


@transaction.atomic
def add_note(report, user, version, text):
    _claim(report, version)
    _record(report, user, CaseEvent.Kind.NOTE, "note added", text=text)


@transaction.atomic
def close(report, user, version, reason, note=""):
    _refuse_if_closed(report)
    _claim(report, version, status=Status.CLOSED, closed_at=timezone.now(), close_reason=reason)
    ReportedUrl.objects.filter(report_links__report=report).not_in_open_cases().update(state=ReportedUrl.State.CLOSED)
    _record(report, user, CaseEvent.Kind.CLOSED, f"closed: {reason}", reason=reason, note=note)
    queue_feedback(report)
