"""Locale middleware for a site whose pages are language-prefixed but whose admin,
documents and API are not."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

ADMIN_PATH = "/admin/"
UNPREFIXED_PATHS = ("/admin/", "/documents/", "/api/", "/embed/", "/static/", "/media/")


def admin_language(user):
    """The language ``user`` chose for the admin, else the site's default language."""
    profile = getattr(user, "wagtail_userprofile", None) if user is not None and user.is_authenticated else None
    chosen = profile.preferred_language if profile is not None else ""
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that the admin is in the default language unless
    its user chose another, and that a 404 outside the pages stays a 404.

    Django answers a 404 by redirecting to the same path under the language prefix when
    that path resolves; Wagtail's catch-all page route resolves everything, so without
    this ``/admin/pages/999/edit/`` would redirect to ``/cs/admin/pages/999/edit/``.
    """

    def process_request(self, request):
        super().process_request(request)
        if request.path_info.startswith(ADMIN_PATH):
            # The admin speaks the site's default language (Czech) whatever the browser
            # asks for; each editor may choose another (Account → Preferences), applied
            # once the user is known (process_view).
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return
        # The API's ?locale= chooses the body's language: its messages and Content-Language
        # follow it, not the browser's Accept-Language.
        code = request.GET.get("locale", "") if request.path_info.startswith(UNPREFIXED_PATHS) else ""
        if code in dict(settings.LANGUAGES):
            translation.activate(code)
            request.LANGUAGE_CODE = code

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(ADMIN_PATH):
            return None
        language = admin_language(getattr(request, "user", None))
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return None

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
