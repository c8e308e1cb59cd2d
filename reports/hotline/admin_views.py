"""The analysts' workspace in the Wagtail admin: the queue and the case.

Only users with ``reports.access_hotline`` (the Hotline analysts and Administrators
groups) get here; anyone else gets 403. A reported address is shown defanged as plain
text with a copy button: never a link, never fetched, no preview of any kind.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.core.access import case_workspace
from cms.core.form_errors import form_errors_message

from ..models import (
    AuditEntry,
    CaseEvent,
    CloseReason,
    FeedbackEmail,
    HotlineReport,
    Notice,
    OutgoingState,
    ReportedUrl,
    Status,
    audit,
)
from . import takedown_actions, workflow
from .forms import AssessForm, AssignForm, CloseForm, NoteForm, QueueFilter
from .reported_urls import defang

QUEUE_PAGE_SIZE = 50
hotline_access = case_workspace("reports.access_hotline")


@hotline_access
def queue(request):
    reports = (
        HotlineReport.objects.select_related("assigned_to")
        .annotate(address_count=Count("url_links"))
        .order_by("-received_at", "-pk")
    )
    filters = QueueFilter(request.GET or None, queryset=reports, request=request)
    page = Paginator(filters.qs, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    by_status = dict(HotlineReport.objects.values_list("status").annotate(count=Count("pk")).order_by())
    counts = [(value, label, by_status.get(value, 0)) for value, label in Status.choices]
    context = {
        "filters": filters,
        "page": page,
        "counts": counts,
        "query": _query_without_page(request),
        "undelivered": undelivered_counts(),
    }
    return render(request, "reports/hotline/queue.html", context)


def undelivered_counts():
    """Messages that did not go out (still retrying or given up): analysts must see them."""
    failing = [OutgoingState.RETRYING, OutgoingState.FAILED]
    return {
        "feedback": FeedbackEmail.objects.filter(state__in=failing).count(),
        "notices": Notice.objects.filter(state=Notice.State.FAILED).count(),
    }


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _assign(report, data, user):
    workflow.assign(report, user, data["version"])


def _assess(report, data, user):
    record = get_object_or_404(ReportedUrl, pk=data["reported_url"], report_links__report=report)
    assessment = {name: data[name] for name in AssessForm.ASSESSMENT_FIELDS}
    workflow.assess(report, record, user, data["version"], assessment)


def _note(report, data, user):
    workflow.add_note(report, user, data["version"], data["text"])


def _close(report, data, user):
    workflow.close(report, user, data["version"], data["reason"], data["note"])


ACTIONS = {
    "assign": (AssignForm, _assign),
    "assess": (AssessForm, _assess),
    "note": (NoteForm, _note),
    "close": (CloseForm, _close),
    **takedown_actions.ACTIONS,
}
REFUSALS = (workflow.StaleCase, workflow.ClosedCase, *takedown_actions.REFUSALS)


def _bound_form(form_class, report, data):
    if form_class is None:  # the notice form lists the case's own addresses
        return takedown_actions.notice_form(report, data)
    return form_class(data)


@hotline_access
@require_http_methods(["GET", "POST"])
def case(request, pk):
    report = get_object_or_404(HotlineReport.objects.select_related("assigned_to"), pk=pk)
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("action"))
        if action is None:
            messages.error(request, _("Unknown action."))
            return redirect("hotline_case", pk=report.pk)
        form_class, perform = action
        form = _bound_form(form_class, report, request.POST)
        if form.is_valid():
            try:
                perform(report, form.cleaned_data, request.user)
            except REFUSALS as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("Saved."))
                return redirect("hotline_case", pk=report.pk)
        else:
            messages.error(request, form_errors_message(form))
        report.refresh_from_db()
    audit(request.user, AuditEntry.Action.VIEW, report)
    return render(request, "reports/hotline/case.html", _case_context(report))


def _case_context(report):
    links = report.url_links.select_related("reported_url", "reported_url__assessed_by").annotate(
        reports_of_url=Count("reported_url__report_links")
    )
    addresses = [
        {
            "record": link.reported_url,
            "defanged": defang(link.reported_url.url) if link.reported_url.url else "",
            "duplicates": link.reports_of_url - 1,
            "form": AssessForm(initial=_assessment_initial(link.reported_url, report)),
            "after": takedown_actions.address_panel(report, link.reported_url),
        }
        for link in links
    ]
    events = [(event, _event_text(event)) for event in report.events.all()]
    return {
        "report": report,
        "addresses": addresses,
        "events": events,
        "assign_form": AssignForm(initial={"version": report.version}),
        "note_form": NoteForm(initial={"version": report.version}),
        "close_form": CloseForm(initial={"version": report.version}),
        "is_closed": report.status == Status.CLOSED,
        "notice_form": takedown_actions.notice_form(report),
        "missing_databases": takedown_actions.missing_location_databases(),
        "feedback_emails": report.feedback_emails.all(),
    }


def _event_text(event):
    """A note's text, or the closing reason in the analyst's language (with its note)."""
    if event.kind == CaseEvent.Kind.CLOSED and event.details.get("reason"):
        reason = CloseReason(event.details["reason"]).label
        return f"{reason}: {event.details['note']}" if event.details.get("note") else str(reason)
    return event.details.get("text", "")


def _assessment_initial(record, report):
    assessment = {name: getattr(record, name) for name in AssessForm.ASSESSMENT_FIELDS}
    return {"version": report.version, "reported_url": record.pk, **assessment}
