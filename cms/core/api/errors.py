"""One JSON error envelope for every API error: ``{"error": {"code", "message", "fields"}}``."""

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

from ..filtering import FilterError


class InvalidParameter(exceptions.ValidationError):
    """A query parameter with a bad value; ``fields`` names it and says why."""

    default_code = "invalid_parameter"


def envelope(code, message, fields=None):
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def _messages(value, path=""):
    """A field's messages as plain strings; a nested one says where: ``"1: Not a URL."``
    for the second item of a list, ``"service: Too long."`` for a key of an object."""
    if isinstance(value, dict):
        return [message for key, item in value.items() for message in _messages(item, f"{path}{key}.")]
    if isinstance(value, list):
        if any(isinstance(item, dict | list) for item in value):
            return [
                message for index, item in enumerate(value) if item for message in _messages(item, f"{path}{index}.")
            ]
        return [f"{path[:-1]}: {item}" if path else str(item) for item in value]
    return [f"{path[:-1]}: {value}" if path else str(value)]


def field_messages(detail):
    if isinstance(detail, dict):
        return {key: _messages(value) for key, value in detail.items()}
    return {}


def api_exception_handler(exc, context):
    """DRF's handler, reshaped into the envelope."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, FilterError):  # a domain filter refused a value: name the parameter
        exc = InvalidParameter(exc.fields)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a real server error: let Django log it and answer 500
    detail = getattr(exc, "detail", None)
    if isinstance(exc, exceptions.ValidationError):
        code, message = "invalid_parameter", _("Some parameters are not valid.")
    elif isinstance(exc, exceptions.Throttled):
        # DRF puts the number into its message before translating it, so no catalogue has it.
        code = "throttled"
        message = _("Too many requests. Try again in %(seconds)s seconds.") % {"seconds": exc.wait or 1}
    else:
        code = getattr(exc, "default_code", "error")
        message = str(detail) if detail and not isinstance(detail, dict | list) else str(exc)
    response.data = envelope(code, message, field_messages(detail))
    return response


def not_found_json(request, exception=None):
    """404 for unknown addresses under /api/: JSON, like the rest of the API."""
    return JsonResponse(envelope("not_found", _("There is nothing at this address.")), status=status.HTTP_404_NOT_FOUND)
