"""What every public intake's endpoint shares: the Idempotency-Key header, the refusals
of ``cms.core.submission`` as API errors (403, 429, 422), the 201 with its receipt, and
answers no browser or proxy keeps."""

from contextlib import contextmanager
from dataclasses import dataclass

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.exceptions import APIException, PermissionDenied, Throttled, UnsupportedMediaType
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import submission
from ..submission import MAX_IDEMPOTENCY_KEY_LENGTH
from .errors import InvalidParameter


def intake_headers(scope):
    """The headers an intake documents: the Idempotency-Key, and a platform's API key with ``scope``."""
    return [
        OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER, description="Retry safely."),
        OpenApiParameter(
            "Authorization",
            str,
            OpenApiParameter.HEADER,
            description=f"Platforms: `Api-Key <key>` with the {scope.value} scope files as that partner.",
        ),
    ]


def receipt_of(outcome):
    """``reference``, ``status_token`` and ``status`` of a Submission (a decoy's too)."""
    if outcome.outcome is submission.Outcome.DECOY:
        return outcome.decoy
    record = outcome.receipt.record
    return {"reference": record.reference, "status_token": outcome.receipt.status_token, "status": record.status}


def refuse_files(request, message):
    if request.content_type.startswith("multipart/") or request.FILES:
        raise UnsupportedMediaType(request.content_type, str(message))


def idempotency_key(request):
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > MAX_IDEMPOTENCY_KEY_LENGTH:
        message = _("At most %(max)s characters.") % {"max": MAX_IDEMPOTENCY_KEY_LENGTH}
        raise InvalidParameter({"Idempotency-Key": [message]})
    return key


@contextmanager
def intake_errors(scope_message):
    """The intake's refusals as API errors: 403 (scope), 429 (quota), 422 (key reused)."""
    try:
        yield
    except submission.ScopeMissing as refused:
        raise PermissionDenied(scope_message) from refused
    except submission.OverQuota as over:
        raise Throttled(over.wait) from over
    except submission.IdempotencyConflict as conflict:
        raise IdempotencyKeyReused() from conflict


@dataclass(frozen=True)
class ApiIntake:
    """An intake as its endpoint takes it: the serializer of the body, the intake's
    ``submit`` (``cms.core.submission`` rules) and the 403's message for a key without the scope."""

    serializer_class: type
    submit: object
    scope_message: object


def file_submission(request, intake, channel, quota, defaults=None):
    """The API side of an intake, said once: the Idempotency-Key, the serializer (400 naming
    the field), then the intake's ``submit`` with the request's API key and ``quota``; its
    refusals as API errors. Returns the Submission. ``defaults`` fills fields the client
    left out (e.g. the request's language)."""
    key = idempotency_key(request)
    serializer = intake.serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = {**(defaults or {}), **serializer.validated_data}
    with intake_errors(intake.scope_message):
        partner_key = getattr(request, "partner_key", None)
        return intake.submit(data, channel, idempotency_key=key, partner_key=partner_key, quota=quota)


def stored_response(outcome, body=None):
    """201 with the receipt (a replayed Idempotency-Key says so in a header)."""
    response = Response(body or receipt_of(outcome), status=status.HTTP_201_CREATED)
    if outcome.receipt is not None and not outcome.receipt.created:
        response["Idempotent-Replayed"] = "true"
    return response


class IdempotencyKeyReused(APIException):
    """422, as the IETF Idempotency-Key draft asks for a key reused with another body."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "idempotency_key_reused"

    def __init__(self):
        message = _("This Idempotency-Key was used before for something else. Use a new key for each new submission.")
        super().__init__(message)


class PrivateAPIView(APIView):
    """Answers about reports are never stored by a browser or a proxy."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response
