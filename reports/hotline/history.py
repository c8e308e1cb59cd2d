"""A case's history: the event and the audit entry every step writes (workflow, tracing,
notices and the monitor all record through here)."""

from ..models import AuditEntry, CaseEvent, HotlineReport, Status, audit


def record_event(report, user, kind, summary, reported_url=None, **details):
    """The case's history entry and the audit entry of one step; ``user`` None = the system."""
    CaseEvent.objects.create(
        report=report,
        reported_url=reported_url,
        kind=kind,
        actor=user,
        actor_name=user.get_username() if user else "",
        details=details,
    )
    audit(user, AuditEntry.Action.CHANGE, report, summary)


def record_for_open_cases(reported_url, kind, summary, user=None, **details):
    """An event of an address (traced, removed…) in the history of every open case naming it."""
    for report in HotlineReport.objects.filter(url_links__reported_url=reported_url).exclude(status=Status.CLOSED):
        record_event(report, user, kind, summary, reported_url=reported_url, **details)
