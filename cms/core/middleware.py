"""Locale middleware for a site whose pages are language-prefixed but whose admin,
documents and API are not."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

UNPREFIXED_PATHS = ("/admin/", "/documents/", "/api/", "/embed/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 outside the pages stays a 404.

    Django answers a 404 by redirecting to the same path under the language prefix when
    that path resolves; Wagtail's catch-all page route resolves everything, so without
    this ``/admin/pages/999/edit/`` would redirect to ``/cs/admin/pages/999/edit/``.
    """

    def process_request(self, request):
        super().process_request(request)
        # The API's ?locale= chooses the body's language: its messages and Content-Language
        # follow it, not the browser's Accept-Language.
        code = request.GET.get("locale", "") if request.path_info.startswith(UNPREFIXED_PATHS) else ""
        if code in dict(settings.LANGUAGES):
            translation.activate(code)
            request.LANGUAGE_CODE = code

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
