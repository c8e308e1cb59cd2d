"""Which language an API request wants: ``?locale=`` first, then ``Accept-Language``."""

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale

from .errors import InvalidParameter
from .parameters import boolean_parameter


def language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def requested_language(request):
    """The language code asked for; 400 for a ``locale`` the site does not have."""
    # Works on Django's request too, so a cached answer needs no DRF request.
    params = getattr(request, "query_params", request.GET)
    code = params.get("locale")
    if code is not None:
        if code not in language_codes():
            raise InvalidParameter(
                {"locale": _("Unknown locale “%(code)s”; use one of: %(codes)s.")
                 % {"code": code, "codes": ", ".join(language_codes())}}
            )  # fmt: skip
        return code
    for accepted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if accepted == "*":
            break
        try:
            return get_supported_language_variant(accepted)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def requested_locale(request):
    return Locale.objects.get(language_code=requested_language(request))


def wants_fallback(request):
    """``fallback``: true/false or 1/0; anything else (``null``, ``maybe``) is a 400."""
    return boolean_parameter(request, "fallback")
