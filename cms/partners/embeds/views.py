"""Embeddable resource cards and lists for partner sites: ``/embed/…``.

Light, accessible pages made to sit in an iframe: no scripts, no fonts, no images or any
other request to a third party; links open the resource on the centre's site in a new
tab. Any site may frame them unless ``EMBED_FRAME_ANCESTORS`` says otherwise.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseNotFound
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from cms.core.api.locale import language_codes
from home.models import ToolkitPage
from resources.models import ResourcePage
from resources.models.filtering import filter_terms, load_taxonomy

from ..models import ContentReach
from ..reach import count_reach

DEFAULT_LIMIT, MAX_LIMIT = 6, 24
CACHE_SECONDS = 300


def _with_links(request, pages):
    """Each page's full address, from the site root paths cached on the request."""
    for page in pages:
        page.link = page.get_full_url(request)
    return pages


def _embed_response(request, template, context, locale):
    count_reach(request, ContentReach.Kind.EMBED_VIEW)  # for the impact figures; nothing personal kept
    response = TemplateResponse(request, template, {**context, "locale": locale})
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
        f"frame-ancestors {settings.EMBED_FRAME_ANCESTORS}"
    )
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Vary"] = "Accept-Language"
    # Rendered now, inside the caller's language override: a TemplateResponse rendered
    # later would take its labels from the browser's language instead of ``locale``.
    return response.render()


def _locale(request):
    locale = request.GET.get("locale") or settings.LANGUAGE_CODE
    codes = language_codes()
    if locale not in codes:
        raise ValueError(
            _("Unknown locale “%(value)s”; valid values: %(valid)s.") % {"value": locale, "valid": ", ".join(codes)}
        )
    return locale


def _not_found():
    return HttpResponseNotFound(_("There is nothing at this address."), content_type="text/plain; charset=utf-8")


def _bad_request(parameter, message):
    return HttpResponseBadRequest(f"{parameter}: {message}", content_type="text/plain; charset=utf-8")


def _cards(queryset):
    return (
        queryset.select_related("resource_type", "locale")
        .prefetch_related("audiences")
        .order_by("-first_published_at", "-pk")
    )


@require_GET
@xframe_options_exempt
def resource_card(request, pk):
    try:
        locale = _locale(request)
    except ValueError as error:
        return _bad_request("locale", str(error))
    page = _cards(ResourcePage.objects.live().public()).filter(pk=pk).first()
    if page is None:
        return _not_found()
    if page.locale.language_code != locale:  # the same resource in the asked language, if translated
        page = (
            _cards(ResourcePage.objects.live().public())
            .filter(translation_key=page.translation_key, locale__language_code=locale)
            .first()
            or page
        )
    with translation.override(page.locale.language_code):
        context = {"resources": _with_links(request, [page]), "single": True}
        return _embed_response(request, "partners/embed/card.html", context, locale)


@require_GET
@xframe_options_exempt
def resource_list(request):
    try:
        locale = _locale(request)
    except ValueError as error:
        return _bad_request("locale", str(error))
    # ``page_size`` as in the API; ``limit`` is the same, under the name the first embeds used.
    name = "page_size" if "page_size" in request.GET else "limit"
    limit = request.GET.get(name) or str(DEFAULT_LIMIT)
    if not (limit.isdigit() and 1 <= int(limit) <= MAX_LIMIT):
        return _bad_request(name, _("Give a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT})
    limit = int(limit)
    resources = ResourcePage.objects.live().public().filter(locale__language_code=locale, alias_of__isnull=True)
    resources, errors = filter_terms(
        resources,
        request.GET,
        {"audience": "audiences", "topic": "topics", "type": "resource_type"},
        load_taxonomy(),
    )
    if errors:
        name, message = next(iter(errors.items()))
        return _bad_request(name, message)
    with translation.override(locale):
        context = {"resources": _with_links(request, list(_cards(resources)[:limit])), "single": False}
        return _embed_response(request, "partners/embed/card.html", context, locale)


@require_GET
@xframe_options_exempt
def toolkit_card(request, pk):
    toolkit = ToolkitPage.objects.live().public().prefetch_related("audiences").filter(pk=pk).first()
    if toolkit is None:
        return _not_found()
    with translation.override(toolkit.locale.language_code):
        context = {"toolkit": _with_links(request, [toolkit])[0]}
        return _embed_response(request, "partners/embed/toolkit.html", context, toolkit.locale.language_code)
