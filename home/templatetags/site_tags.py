"""Template helpers for the public site: language switcher, navigation, the page's head."""

from urllib.parse import urlencode

from django import template
from django.apps import apps
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from cms.core.site_url import site_base_url

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links the current page to its live translations, or to the other home pages.

    The same page in another language keeps the query (the library's filters, a search):
    filters name taxonomy slugs, which are the same in every language. The page number is
    dropped, as the other language lists other items.
    """
    current = page.locale.language_code if page else context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    translations = {}
    if page:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations().live().select_related("locale").filter(alias_of__isnull=True)
        }
    request = context.get("request")
    links = []
    for code, _name in settings.LANGUAGES:
        if code != current and (link := _switch_link(request, page, code, translations)):
            links.append(link)
    return {"links": links}


def _switch_link(request, page, code, translations):
    name = get_language_info(code)["name_local"]
    if not page and request is not None and (same := _same_view_in(request, code)):
        # A page of the site's own views (helpline, hotline, search): the same view there.
        return {"code": code, "name": name, "url": same + _kept_query(request), "exact": True}
    target = translations.get(code)
    if target is not None:
        return {"code": code, "name": name, "url": target.url + _kept_query(request), "exact": True}
    # No translation of this page: send the visitor to that language's home page.
    home = Page.objects.live().filter(depth=2, locale__language_code=code).first()
    return {"code": code, "name": name, "url": home.url, "exact": False} if home else None


def _kept_query(request):
    if request is None or not request.GET:
        return ""
    query = request.GET.copy()
    query.pop("page", None)
    return f"?{query.urlencode()}" if query else ""


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


# The page's head: description, canonical address, language alternates, link previews ---------


def _text_of(page):
    """The page's own short description: the editor's search description, else its summary."""
    for name in ("search_description", "summary", "intro", "lead"):
        value = getattr(page, name, "")
        if value:
            return Truncator(strip_tags(str(value)).strip()).chars(200)
    return ""


def _picture_of(page):
    return getattr(page, "image", None) or getattr(page, "thumbnail", None)


def _live_translations(page):
    """``{language code: page}`` of the page and its live, translated versions."""
    versions = Page.objects.live().filter(translation_key=page.translation_key, alias_of__isnull=True)
    return {version.locale.language_code: version for version in versions.select_related("locale")}


@register.inclusion_tag("includes/page_meta.html")
def page_meta(page):
    """Description, canonical and hreflang links and Open Graph tags for ``page``.

    An untranslated placeholder (an alias) points search engines to its source page and
    asks not to be indexed: its text is the other language's.
    """
    page = page.specific
    source = page.alias_of.specific if page.alias_of_id else page
    picture = _picture_of(source)
    image_url = ""
    if picture is not None:
        image_url = site_base_url() + picture.get_rendition("fill-1200x630").url
    return {
        "description": _text_of(source),
        "canonical": source.full_url,
        "alternates": sorted(_live_translations(source).items()) if not page.alias_of_id else [],
        "default_language": settings.LANGUAGE_CODE,
        "noindex": bool(page.alias_of_id),
        "title": source.seo_title or source.title,
        "og_type": "article" if page.depth > 3 else "website",
        "locale": source.locale.language_code,
        "image_url": image_url,
    }


@register.simple_tag
def page_body_class(page):
    """``audience-children``… for pages in (or of) an audience section: it sets their accent."""
    if not isinstance(page, Page):
        return ""
    audience = _audience_of(page.specific)
    return f"audience-{audience}" if audience else ""


def _audience_of(page):
    section_model = apps.get_model("home", "SectionPage")
    if isinstance(page, section_model):
        return page.audience.slug
    section = section_model.objects.ancestor_of(page).select_related("audience").first()
    return section.audience.slug if section else ""


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    """The way from the language's home page down to ``page`` (nothing on the home page)."""
    if page.depth <= 2:
        return {"trail": []}
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return {"trail": list(ancestors), "current": page}


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """Discovery links of the language's news and resource feeds and its events calendar."""
    return {"language": context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)}


@register.simple_tag
def library_url(locale):
    """The address of the resource library in ``locale`` (topic and audience links go there)."""
    library = apps.get_model("resources", "ResourceIndexPage").objects.live().filter(locale=locale).first()
    return library.url if library else ""


@register.inclusion_tag("includes/topic_tags.html")
def topic_tags(topics, locale):
    """Topics as links to the library filtered by each."""
    return {"topics": list(topics), "library_url": library_url(locale)}
