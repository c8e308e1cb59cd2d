"""The public report form on the built-in site (``/cs/hotline/``, ``/en/hotline/``).

It validates with the API's own serializer and files through the same entry point
(``intake.submit``),
with the same per-client limit; it works without JavaScript. The answer is never cached,
and no referrer leaves the site (the same-origin policy keeps the Origin header that
Django's CSRF check needs).
"""

import secrets

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.core.api.errors import field_messages

from .api.serializers import MAX_URLS, HotlineReportSerializer
from .api.throttling import HotlineAttemptThrottle, HotlineStatusThrottle, count_report
from .hotline import intake
from .hotline.intake import FILES_REFUSED, MAX_IDEMPOTENCY_KEY_LENGTH, public_status
from .models import Category, Channel, OutOfRemitCategory, SourceType

FORM_TEMPLATE = "reports/hotline/form.html"


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
        "homepage": post.get("homepage", ""),
    }
    if service := post.get("service", "").strip():
        data["source_details"] = {"service": service}
    return data


def _context(**extra):
    return {
        "categories": Category.choices,
        "other_categories": OutOfRemitCategory.choices,
        "source_types": SourceType.choices,
        "max_urls": MAX_URLS,
        "values": {},
        "errors": {},
        "idempotency_key": secrets.token_hex(16),
        **extra,
    }


def _same_origin_referrer(response):
    response["Referrer-Policy"] = "same-origin"
    return response


def _too_many(request, wait):
    response = render(request, "reports/hotline/too_many.html", status=429)
    response["Retry-After"] = str(wait)
    return response


def _over_the_limit(request, throttle_class):
    """The 429 page when this client is over ``throttle_class``'s limit, else None."""
    throttle = throttle_class()
    if throttle.allow_request(request, None):
        return None
    return _too_many(request, throttle.wait())


@never_cache
@require_http_methods(["GET", "POST"])
def report_form(request):
    if request.method == "GET":
        return _same_origin_referrer(render(request, FORM_TEMPLATE, _context()))
    if refused := _over_the_limit(request, HotlineAttemptThrottle):
        return _same_origin_referrer(refused)
    serializer = HotlineReportSerializer(data=_form_data(request.POST))
    if request.FILES:
        # As the API does: a file is never kept, and the person is told why.
        context = _context(values=request.POST, errors={"urls": [str(FILES_REFUSED)]})
        return _same_origin_referrer(render(request, FORM_TEMPLATE, context, status=400))
    if not serializer.is_valid():
        context = _context(values=request.POST, errors=field_messages(serializer.errors))
        context["idempotency_key"] = request.POST.get("idempotency_key") or context["idempotency_key"]
        return _same_origin_referrer(render(request, FORM_TEMPLATE, context, status=400))
    try:
        submission = intake.submit(
            serializer.validated_data,
            Channel.WEB,
            idempotency_key=request.POST.get("idempotency_key", "")[:MAX_IDEMPOTENCY_KEY_LENGTH],
            quota=lambda: count_report(request),
        )
    except intake.OverQuota as over:
        return _same_origin_referrer(_too_many(request, over.wait))
    if submission.outcome is intake.Outcome.OUT_OF_REMIT:
        context = {"helpline_url": settings.HELPLINE_URL}
        return _same_origin_referrer(render(request, "reports/hotline/helpline.html", context))
    if submission.outcome is intake.Outcome.DECOY:
        return _same_origin_referrer(render(request, "reports/hotline/received.html", submission.decoy, status=201))
    receipt = submission.receipt
    context = {"reference": receipt.report.reference, "status_token": receipt.status_token}
    return _same_origin_referrer(render(request, "reports/hotline/received.html", context, status=201))


@never_cache
def report_status(request):
    context = {"reference": request.GET.get("reference", ""), "checked": False, "report": None}
    if context["reference"] or request.GET.get("token"):
        if refused := _over_the_limit(request, HotlineStatusThrottle):
            return _same_origin_referrer(refused)
        context.update(checked=True, report=public_status(context["reference"], request.GET.get("token", "")))
    return _same_origin_referrer(render(request, "reports/hotline/status.html", context))
