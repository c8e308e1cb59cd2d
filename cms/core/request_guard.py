"""Refuse, before any view runs, requests that no view could answer sensibly.

- A NUL byte in the path or a query parameter cannot be stored or compared by PostgreSQL
  (it raised a 500 deep in a query): 400 naming the parameter.
- A body sent with ``Transfer-Encoding: chunked`` and no ``Content-Length`` would reach the
  views as an empty body (WSGI servers pass no length): 411, so the client sends a length
  instead of being told a required field is missing.
"""

from django.utils.translation import gettext as _

from .error_views import error_response

BODY_METHODS = {"POST", "PUT", "PATCH"}


def _nul_parameter(request):
    if "\x00" in request.path:
        return "path"
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return name.replace("\x00", "\\0")
    return None


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (name := _nul_parameter(request)) is not None:
            return error_response(
                request,
                400,
                "invalid_parameter",
                lambda: _("Some parameters are not valid."),
                lambda: {name: [_("Null characters are not allowed.")]},
            )
        if request.method in BODY_METHODS and self._chunked_without_length(request):
            return error_response(
                request,
                411,
                "length_required",
                lambda: _("Send the request body with a Content-Length header."),
            )
        return self.get_response(request)

    @staticmethod
    def _chunked_without_length(request):
        encoding = request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
        return "chunked" in encoding and not request.META.get("CONTENT_LENGTH")
