"""The public report form on the built-in site (``/cs/hotline/``, ``/en/hotline/``).

It validates with the API's own serializer and files through the same entry point
(``intake.submit``), with the same per-client limit; it works without JavaScript. A worry
that is not the hotline's goes to the helpline when the person agrees (``reports.handoff``).
The pages set no cookie and are never cached (``common.private_page``).
"""

import secrets

from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy

from cms.core.public_forms import form_errors, over_the_limit, private_page, receipt_shown, too_many
from cms.core.submission import MAX_IDEMPOTENCY_KEY_LENGTH, Filing

from .. import handoff
from ..api.serializers import MAX_URLS, HotlineReportSerializer
from ..api.throttling import HotlineAttemptThrottle, HotlineStatusThrottle, count_contact, count_report
from ..hotline import intake
from ..hotline.intake import FILES_REFUSED, public_status
from ..models import Category, Channel, OutOfRemitCategory, SourceType

FORM_TEMPLATE = "reports/hotline/form.html"
TOO_MANY = "reports/hotline/too_many.html"


def _form_data(post):
    data = {
        "urls": [line.strip() for line in post.get("urls", "").splitlines() if line.strip()],
        "category": post.get("category", ""),
        "source_type": post.get("source_type", ""),
        "description": post.get("description", ""),
        "language": translation.get_language(),
        "reporter_email": post.get("reporter_email", "").strip(),
        "wants_feedback": post.get("wants_feedback") == "on",
        "consent": post.get("consent") == "on",
        "about_reporter": post.get("about_reporter") == "on",
        "pass_to_helpline": post.get("pass_to_helpline") == "on",
        "homepage": post.get("homepage", ""),
    }
    if service := post.get("service", "").strip():
        data["source_details"] = {"service": service}
    return data


# What the form calls each field: its labels, and the error summary's names for the fields.
FIELD_LABELS = {
    "urls": gettext_lazy("Addresses (one per line)"),
    "category": gettext_lazy("What did you see?"),
    "source_type": gettext_lazy("Where was it?"),
    "source_details": gettext_lazy("Name of the service or app (optional)"),
    "description": gettext_lazy("Anything else we should know (optional)"),
    "reporter_email": gettext_lazy("Your e-mail address"),
    "consent": gettext_lazy("Consent"),
}


def _context(**extra):
    return {
        "categories": Category.choices,
        "other_categories": OutOfRemitCategory.choices,
        "source_types": SourceType.choices,
        "max_urls": MAX_URLS,
        "labels": FIELD_LABELS,
        "values": {},
        "errors": {},
        "idempotency_key": secrets.token_hex(16),
        **extra,
    }


@private_page
def report_form(request):
    if request.method == "GET":
        return render(request, FORM_TEMPLATE, _context())
    if refused := over_the_limit(request, HotlineAttemptThrottle, TOO_MANY):
        return refused
    serializer = HotlineReportSerializer(data=_form_data(request.POST))
    if request.FILES:
        # As the API does: a file is never kept, and the person is told why.
        errors, summary = form_errors({"urls": [str(FILES_REFUSED)]}, FIELD_LABELS)
        context = _context(values=request.POST, errors=errors, summary=summary)
        return render(request, FORM_TEMPLATE, context, status=400)
    if not serializer.is_valid():
        errors, summary = form_errors(serializer.errors, FIELD_LABELS)
        context = _context(values=request.POST, errors=errors, summary=summary)
        context["idempotency_key"] = request.POST.get("idempotency_key") or context["idempotency_key"]
        return render(request, FORM_TEMPLATE, context, status=400)
    key = request.POST.get("idempotency_key", "")[:MAX_IDEMPOTENCY_KEY_LENGTH]
    filing = Filing(Channel.WEB, key, quota=lambda: count_report(request))
    try:
        filed = handoff.file_report(serializer.validated_data, filing, contact_quota=lambda: count_contact(request))
    except intake.OverQuota as over:
        return too_many(request, over.wait, TOO_MANY)
    outcome = filed.submission
    if filed.passed_to_helpline:
        receipt = receipt_shown(outcome)
        return render(request, "reports/helpline/received.html", {**receipt, "passed_from_hotline": True}, status=201)
    if outcome.outcome is intake.Outcome.OUT_OF_REMIT:
        return render(request, "reports/hotline/helpline.html", {"helpline_url": handoff.helpline_url()})
    return render(request, "reports/hotline/received.html", receipt_shown(outcome), status=201)


@private_page
def report_status(request):
    context = {"reference": request.GET.get("reference", ""), "checked": False, "report": None}
    if context["reference"] or request.GET.get("token"):
        if refused := over_the_limit(request, HotlineStatusThrottle, TOO_MANY):
            return refused
        context.update(checked=True, report=public_status(context["reference"], request.GET.get("token", "")))
    return render(request, "reports/hotline/status.html", context)
