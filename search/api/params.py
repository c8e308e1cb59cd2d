"""The ``q`` parameter, read the same way by every endpoint that searches."""

from django.conf import settings
from django.utils import translation

from cms.core.api.errors import InvalidParameter
from cms.core.api.locale import wants_fallback

from .. import service


def query_text(request, required=True):
    """The cleaned ``q``, None when it is absent and not required; 400 when empty or too long."""
    if "q" not in request.query_params and not required:
        return None
    try:
        return service.clean_query(request.query_params.get("q", ""))
    except service.QueryError as error:
        raise InvalidParameter({"q": [str(error)]}) from error


def search_languages(request):
    """The language being answered, then the default one when ``fallback=1`` asks for it."""
    language = translation.get_language()
    if wants_fallback(request) and language != settings.LANGUAGE_CODE:
        return [language, settings.LANGUAGE_CODE]
    return [language]


def search_hits(request, models):
    """The service's hits for ``q`` (None when the request has no ``q``)."""
    text = query_text(request, required=False)
    if text is None:
        return None
    return service.search(text, search_languages(request), models)
