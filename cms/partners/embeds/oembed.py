"""``/api/oembed/``: oEmbed (https://oembed.com) for resource and toolkit pages.

A partner's CMS (WordPress and others) finds the endpoint through the discovery link in
the page's head, asks it with the page's address, and gets a ``rich`` answer: an iframe
of the page's embed card. Following the spec: an address that is not a resource or
toolkit page of this site is 404, a format other than JSON is 501.
"""

from urllib.parse import urlsplit

from django.http import JsonResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cms.core import page_kinds
from cms.core.api.errors import envelope
from cms.core.centre import centre_name
from cms.core.site_url import site_base_url

MIN_WIDTH = 200


def _error(status, code, message, fields=None):
    return JsonResponse(envelope(code, message, fields), status=status)


def find_page(url):
    """The kind and live page (of a kind oEmbed serves) whose address is ``url``, or Nones."""
    parts = urlsplit(url)
    slugs = [segment for segment in parts.path.split("/") if segment]
    if parts.scheme not in ("http", "https") or not slugs:
        return None, None
    wanted = f"{parts.scheme}://{parts.netloc.lower()}{parts.path if parts.path.endswith('/') else parts.path + '/'}"
    for kind in page_kinds.embeddable():
        for page in kind.model.objects.live().public().filter(slug=slugs[-1]):
            if page.full_url == wanted:
                return kind, page
    return None, None


def _dimension(request, name, default):
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < MIN_WIDTH // 2:
        raise ValueError(name)
    return min(default, int(raw))


@require_GET
def oembed(request):
    if request.GET.get("format", "json") != "json":
        return _error(501, "not_implemented", _("Only the json format is available."))
    url = request.GET.get("url", "").strip()
    if not url:
        return _error(
            400, "invalid_parameter", _("Some parameters are not valid."), {"url": [_("This parameter is required.")]}
        )
    kind, page = find_page(url)
    if page is None:
        return _error(404, "not_found", _("No resource or toolkit page has this address."))
    default_width, default_height = kind.oembed_size
    try:
        width = _dimension(request, "maxwidth", default_width)
        height = _dimension(request, "maxheight", default_height)
    except ValueError as error:
        return _error(
            400,
            "invalid_parameter",
            _("Some parameters are not valid."),
            {str(error): [_("Give a whole number of pixels.")]},
        )
    base = site_base_url()
    src = f"{base}{reverse(kind.embed_route, args=[page.pk])}"
    if kind.embed_names_locale:
        src += f"?locale={page.locale.language_code}"
    html = (
        f'<iframe src="{escape(src)}" width="{width}" height="{height}" title="{escape(page.title)}" '
        'loading="lazy" style="border:0;max-width:100%"></iframe>'
    )
    answer = {
        "version": "1.0",
        "type": "rich",
        "title": page.title,
        "provider_name": centre_name(page.locale.language_code),
        "provider_url": base + "/",
        "cache_age": 3600,
        "html": html,
        "width": width,
        "height": height,
    }
    response = JsonResponse(answer)
    response["Cache-Control"] = "public, max-age=3600"
    return response
