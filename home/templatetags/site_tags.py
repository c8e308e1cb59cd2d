"""Template helpers for the public site: language switcher and navigation."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from cms.core.site_url import site_base_url

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links the current page to its live translations, or to the other home pages."""
    current = page.locale.language_code if page else context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    links = []
    translations = {}
    if page:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations().live().select_related("locale").filter(alias_of__isnull=True)
        }
    request = context.get("request")
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        info = get_language_info(code)
        if not page and request is not None and (same := _same_view_in(request, code)):
            # A page of the site's own views (helpline, hotline, search): the same view there.
            links.append({"code": code, "name": info["name_local"], "url": same, "exact": True})
            continue
        target = translations.get(code)
        if target is None:
            # No translation of this page: send the visitor to that language's home page.
            target = Page.objects.live().filter(depth=2, locale__language_code=code).first()
        if target is not None:
            links.append({"code": code, "name": info["name_local"], "url": target.url, "exact": code in translations})
    return {"links": links}


def _same_view_in(request, code):
    """The address of the current view in language ``code`` (``/cs/pomoc/`` → ``/en/help/``),
    or None when the path is not one of the site's own views."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name in (None, "wagtail_serve"):
        return None
    translated = translate_url(request.path, code)
    return translated if translated != request.path else None


@register.simple_tag(takes_context=True)
def language_home(context):
    """The home page of the active language, for the site title link and the menu."""
    page = context.get("page")
    if page is not None:
        return Page.objects.live().filter(depth=2, locale_id=page.locale_id).first()
    locale = Locale.get_active()
    return Page.objects.live().filter(depth=2, locale=locale).first()


@register.simple_tag
def main_menu(home):
    """The home page's children shown in the menu."""
    if home is None:
        return []
    return home.get_children().live().in_menu()


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language the page's text is in: an untranslated placeholder (an alias) shows
    its source page's text, so it declares the source's language."""
    page = context.get("page")
    if page is None:
        return context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    if page.alias_of_id:
        return page.alias_of.locale.language_code
    return page.locale.language_code


@register.simple_tag
def oembed_url(page):
    """The oEmbed endpoint's address for ``page`` (discovery link of resources and toolkits)."""
    base = site_base_url()
    return f"{base}{reverse('oembed')}?{urlencode({'url': page.full_url, 'format': 'json'})}"
