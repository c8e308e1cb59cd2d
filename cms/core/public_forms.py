"""What the site's public forms share (the hotline's, the helpline's, the Academy's): no
cookies, no cache, no referrer to other sites, the 429 page, the receipt shown, and the
serializer's errors beside each field and in the summary that names it."""

import re
import secrets
from functools import wraps

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .api.errors import field_messages
from .origin_check import same_origin_posts
from .submission import MAX_IDEMPOTENCY_KEY_LENGTH


def private_page(view):
    """A page of a service for people in trouble: GET and POST only, protected by origin
    (no CSRF cookie: anonymous visitors get no cookie at all), never cached, and no
    referrer leaves the site."""

    @never_cache
    @same_origin_posts
    @require_http_methods(["GET", "POST"])
    @wraps(view)
    def page(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        return response

    return page


def too_many(request, wait, template):
    """The 429 page of a service (``template`` says it in that service's words)."""
    response = render(request, template, status=429)
    response["Retry-After"] = str(wait)
    return response


def over_the_limit(request, throttle_class, template):
    """The 429 page when this client is over ``throttle_class``'s limit, else None."""
    throttle = throttle_class()
    if throttle.allow_request(request, None):
        return None
    return too_many(request, throttle.wait(), template)


def receipt_shown(outcome):
    """The reference and code a receipt page shows: the stored record's, or the decoy's
    (the honeypot was filled: shaped the same, nothing stored)."""
    if outcome.decoy:
        return outcome.decoy
    return {"reference": outcome.receipt.record.reference, "status_token": outcome.receipt.status_token}


LINE_MESSAGE = re.compile(r"^(\d+): (.*)$", re.DOTALL)


def form_errors(serializer_errors, labels):
    """The serializer's errors as a form shows them: ``{field: [message]}`` beside each
    field, where an address's error names its line (``Line 2: …``, not the API's ``1: …``),
    and ``[(field, "Label – message")]`` for the summary at the top, which names the field."""
    errors = {}
    for field, messages in field_messages(serializer_errors).items():
        errors[field] = [_line_message(message) for message in messages]
    summary = [
        (field, f"{labels[field]} – {message}" if field in labels else message)
        for field, messages in errors.items()
        for message in messages
    ]
    return errors, summary


def _line_message(message):
    match = LINE_MESSAGE.match(message)
    if match is None:
        return message
    return _("Line %(line)s: %(message)s") % {"line": int(match[1]) + 1, "message": match[2]}


def form_refused(request, template, context, serializer_errors, labels):
    """The form again with a 400: what was typed kept, each error beside its field and in
    the summary naming it, and the same Idempotency-Key (the corrected form files once)."""
    errors, summary = form_errors(serializer_errors, labels)
    context.update(
        values=request.POST,
        errors=errors,
        summary=summary,
        idempotency_key=request.POST.get("idempotency_key") or secrets.token_hex(16),
    )
    return render(request, template, context, status=400)


def posted_idempotency_key(request):
    return request.POST.get("idempotency_key", "")[:MAX_IDEMPOTENCY_KEY_LENGTH]
