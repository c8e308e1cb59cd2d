"""Error pages for the whole site: JSON in the API's envelope under the API paths, a page
in both languages elsewhere, and 503 with Retry-After while the database is unreachable.

Django calls these for errors no view handled, including those raised in middleware, so
they must work without the database: no context processors, no queries.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _

from .api.errors import envelope

PAGES = (400, 403, 404, 500, 503)  # the statuses with a page of their own (cms/core/templates)
JSON_PATHS = ("/api/",)  # embeds are pages in other sites' frames: they get the page


def wants_json(request):
    return request.path.startswith(JSON_PATHS)


def client_language(request):
    """The language for an error: the page's prefix, else ``?locale=``, else Accept-Language."""
    code = request.GET.get("locale", "")
    if code in dict(settings.LANGUAGES):
        return code
    return translation.get_language_from_request(request, check_path=not wants_json(request))


def page_template(status):
    """The error page for ``status``: its own where there is one, else the 400 or 500 page."""
    if status in PAGES:
        return f"{status}.html"
    return "500.html" if status >= 500 else "400.html"


def error_response(request, status, code, message, fields=None, **headers):
    """``message`` (and ``fields``, when given) are callables, so they are translated in the
    client's language."""
    with translation.override(client_language(request)):
        if wants_json(request):
            response = JsonResponse(envelope(code, message(), fields() if fields else None), status=status)
        else:
            html = loader.get_template(page_template(status)).render({"message": message(), "status": status})
            response = HttpResponse(html, status=status)
        response["Content-Language"] = translation.get_language()
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name] = value
    return response


def database_unavailable(request):
    retry_after = str(settings.DATABASE_OUTAGE_RETRY_AFTER)
    return error_response(
        request,
        503,
        "unavailable",
        lambda: _("The service is briefly unavailable. Try again in %(seconds)s seconds.") % {"seconds": retry_after},
        **{"Retry-After": retry_after},
    )


def server_error(request):
    """``handler500``: a database that went away answers 503 (try again), anything else 500."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return database_unavailable(request)
    return error_response(
        request,
        500,
        "server_error",
        lambda: _("Something went wrong on our side. Try again later."),
    )


def bad_request(request, exception=None):
    """``handler400``: a body over the size limit, too many fields, a bad Host…"""
    return error_response(
        request,
        400,
        "bad_request",
        lambda: _("The request could not be read."),
    )


def permission_denied(request, exception=None):
    """``handler403`` (a refused CSRF check answers through ``CSRF_FAILURE_VIEW``)."""
    return error_response(
        request,
        403,
        "permission_denied",
        lambda: _("You may not do this."),
    )


def csrf_failure(request, reason=""):
    return error_response(
        request,
        403,
        "csrf_failed",
        lambda: _("The form expired or came from another site. Reload the page and send it again."),
    )
