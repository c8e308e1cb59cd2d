"""The counsellors' workspace in the Wagtail admin: the queue, a contact, logging a phone or
e-mail contact, cases, and the search of past contacts.

Only users with ``reports.access_helpline`` (Helpline counsellors, supervisors and
Administrators) get here; anyone else, hotline analysts and editors included, gets 403.
What a person typed is shown as text with its addresses defanged, never as a link.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.core.access import case_workspace
from cms.core.form_errors import form_errors_message

from ..models import (
    CRISIS_CATEGORIES,
    AuditEntry,
    Category,
    ChatConversation,
    ContactCategory,
    ContactStatus,
    HelplineCase,
    HelplineContact,
    HelplineEmail,
    OutgoingState,
    SourceType,
    audit,
)
from . import workflow
from .canned import canned_choices, canned_text
from .forms import (
    AssignForm,
    CaseForm,
    CategoriseForm,
    CloseForm,
    FollowUpForm,
    HotlineReferralForm,
    NoteForm,
    OfflineContactForm,
    QueueFilter,
    ReferForm,
    RemoveCategoryForm,
    ReopenForm,
    ReplyForm,
    SearchForm,
    UrgencyForm,
)
from .offline import log_offline
from .search import search

QUEUE_PAGE_SIZE = 50
OPEN = [ContactStatus.NEW, ContactStatus.OPEN, ContactStatus.WAITING]
helpline_access = case_workspace("reports.access_helpline")


def _with_categories(contacts):
    return contacts.select_related("assigned_to", "case").prefetch_related(
        Prefetch("categories", queryset=ContactCategory.objects.select_related("subcategory"))
    )


@helpline_access
def queue(request):
    """Open contacts by urgency, then the longest waiting first."""
    contacts = _with_categories(HelplineContact.objects.order_by("-urgent", "received_at", "pk"))
    data = request.GET.copy()
    if not data.getlist("status"):
        data.setlist("status", OPEN)
    filters = QueueFilter(data, queryset=contacts, request=request)
    page = Paginator(filters.qs, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    by_status = dict(HelplineContact.objects.values_list("status").annotate(count=Count("pk")).order_by())
    context = {
        "filters": filters,
        "page": page,
        "counts": [(value, label, by_status.get(value, 0)) for value, label in ContactStatus.choices],
        "query": _query_without_page(request),
        "now": timezone.now(),
        "failed_emails": HelplineEmail.objects.filter(state=OutgoingState.FAILED).count(),
    }
    return render(request, "reports/helpline/queue.html", context)


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _assign(contact, data, user):
    workflow.assign(contact, user, data["version"], data.get("counsellor"))


def _reply(contact, data, user):
    workflow.reply(contact, user, data["version"], data["text"])


def _note(contact, data, user):
    workflow.add_note(contact, user, data["version"], data["text"])


def _categorise(contact, data, user):
    workflow.categorise(contact, user, data["version"], data["category"], data.get("subcategory"))


def _uncategorise(contact, data, user):
    item = get_object_or_404(ContactCategory, pk=data["item"], contact=contact)
    workflow.uncategorise(contact, user, data["version"], item)


def _urgency(contact, data, user):
    workflow.set_urgent(contact, user, data["version"], data["urgent"])


def _refer(contact, data, user):
    workflow.refer(contact, user, data["version"], data["service"])


def _follow_up(contact, data, user):
    workflow.follow_up(contact, user, data["version"], data.get("day"))


def _case(contact, data, user):
    reference = data.get("case_reference", "").strip()
    case = get_object_or_404(HelplineCase, reference__iexact=reference) if reference else None
    workflow.link_case(contact, user, data["version"], case)


def _close(contact, data, user):
    workflow.close(contact, user, data["version"], data["outcome"])


def _reopen(contact, data, user):
    workflow.reopen(contact, user, data["version"])


ACTIONS = {
    "assign": (AssignForm, _assign),
    "reply": (ReplyForm, _reply),
    "note": (NoteForm, _note),
    "categorise": (CategoriseForm, _categorise),
    "uncategorise": (RemoveCategoryForm, _uncategorise),
    "urgency": (UrgencyForm, _urgency),
    "refer": (ReferForm, _refer),
    "follow-up": (FollowUpForm, _follow_up),
    "case": (CaseForm, _case),
    "close": (CloseForm, _close),
    "reopen": (ReopenForm, _reopen),
}
REFUSALS = (workflow.StaleContact, workflow.ClosedContact)


@helpline_access
@require_http_methods(["GET", "POST"])
def contact(request, pk):
    record = get_object_or_404(HelplineContact.objects.select_related("assigned_to", "case"), pk=pk)
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("action"))
        if action is None:
            messages.error(request, _("Unknown action."))
            return redirect("helpline_contact", pk=record.pk)
        form_class, perform = action
        form = form_class(request.POST)
        if form.is_valid():
            try:
                perform(record, form.cleaned_data, request.user)
            except REFUSALS as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("Saved."))
                return redirect("helpline_contact", pk=record.pk)
        else:
            messages.error(request, form_errors_message(form))
        record.refresh_from_db()
    audit(request.user, AuditEntry.Action.VIEW, record)
    return render(request, "reports/helpline/contact.html", contact_context(request, record))


def contact_context(request, record):
    version = {"version": record.version}
    categories = list(record.categories.select_related("subcategory"))
    chat = ChatConversation.objects.filter(contact=record).first()
    return {
        "contact": record,
        "chat": chat,
        "chat_messages": chat.messages.select_related("author").order_by("seq") if chat else [],
        "conversation": record.messages.select_related("author"),
        "categories": categories,
        "in_crisis": record.urgent or any(item.category in CRISIS_CATEGORIES for item in categories),
        "events": record.events.all(),
        "referrals": record.referrals.select_related("service", "hotline_report"),
        "emails": HelplineEmail.objects.filter(message__contact=record).select_related("message"),
        "is_closed": record.status == ContactStatus.CLOSED,
        "canned": canned_choices(record.language),
        "assign_form": AssignForm(initial=version),
        "reply_form": ReplyForm(initial={**version, "text": canned_text(request.GET.get("canned"))}),
        "note_form": NoteForm(initial=version),
        "categorise_form": CategoriseForm(initial=version),
        "urgency_form": UrgencyForm(initial={**version, "urgent": not record.urgent}),
        "refer_form": ReferForm(initial=version),
        "follow_up_form": FollowUpForm(initial={**version, "day": record.follow_up_on}),
        "case_form": CaseForm(initial=version),
        "close_form": CloseForm(initial=version),
        "hotline_form": hotline_referral_form(record),
        "other_contacts": _same_case(record),
    }


def hotline_referral_form(record):
    return HotlineReferralForm(
        initial={"version": record.version}, categories=Category.choices, source_types=SourceType.choices
    )


def _same_case(record):
    if record.case_id is None:
        return []
    return list(record.case.contacts.exclude(pk=record.pk).order_by("received_at"))


@helpline_access
@require_http_methods(["GET", "POST"])
def log_contact(request):
    form = OfflineContactForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            record = log_offline(form.cleaned_data, request.user)
            messages.success(request, _("Contact %(reference)s logged.") % {"reference": record.reference})
            return redirect("helpline_contact", pk=record.pk)
        messages.error(request, form_errors_message(form))
    return render(request, "reports/helpline/log_contact.html", {"form": form}, status=400 if form.errors else 200)


@helpline_access
def cases(request):
    listing = HelplineCase.objects.annotate(contact_count=Count("contacts")).order_by("-opened_at")
    page = Paginator(listing, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reports/helpline/cases.html", {"page": page})


@helpline_access
def case(request, pk):
    record = get_object_or_404(HelplineCase, pk=pk)
    audit(request.user, AuditEntry.Action.VIEW, record)
    contacts = _with_categories(record.contacts.order_by("received_at"))
    return render(request, "reports/helpline/case.html", {"case": record, "contacts": contacts})


@helpline_access
def search_contacts(request):
    form = SearchForm(request.GET or None)
    found = None
    if request.GET and form.is_valid():
        found = search(form.cleaned_data)
        criteria = sorted(name for name, value in form.cleaned_data.items() if value)
        # The audit names the criteria used and the count, never the words searched for.
        audit(
            request.user,
            AuditEntry.Action.VIEW,
            ("helplinesearch", timezone.now().strftime("%Y%m%d%H%M%S")),
            f"search by {', '.join(criteria)}: {len(found.contacts)} found",
        )
    return render(request, "reports/helpline/search.html", {"form": form, "found": found})
