"""``/api/v1/navigation/`` (the menu of a language) and ``/api/v1/pages/by-path/``."""

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from wagtail.models import Locale, Page, Site

from cms.core.api.caching import CachedGetMixin, cached_get
from cms.core.api.errors import InvalidParameter
from cms.core.api.locale import requested_locale
from cms.core.api.pages import LOCALE_PARAMETERS
from cms.core.api.translations import translations_by_key

MENU_DEPTH = 2  # the home page's children and their children
DETAIL_VIEWS = {
    "resources.resourcepage": "api:resource-detail",
    "home.toolkitpage": "api:toolkit-detail",
    "home.sectionpage": "api:section-detail",
    "home.newspage": "api:news-detail",
    "home.eventpage": "api:event-detail",
}
MENU_ITEM = inline_serializer(
    "MenuItem",
    {
        "id": serializers.IntegerField(),
        "title": serializers.CharField(),
        "html_url": serializers.URLField(),
        "type": serializers.CharField(),
        "children": serializers.ListField(child=serializers.DictField()),
    },
)


def home_page(locale):
    """The home page of ``locale``: the default site's root or its translation."""
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page
    return root if root.locale_id == locale.pk else root.get_translation_or_none(locale)


def page_type(page):
    return f"{page.content_type.app_label}.{page.content_type.model}"


class NavigationView(CachedGetMixin, GenericAPIView):
    """The menu tree of one language: pages marked "show in menus", two levels deep."""

    @extend_schema(
        parameters=LOCALE_PARAMETERS[:1],
        responses=inline_serializer(
            "Navigation",
            {"locale": serializers.CharField(), "home": MENU_ITEM},
        ),
    )
    @cached_get
    def get(self, request):
        locale = requested_locale(request)
        home = home_page(locale)
        if home is None or not home.live:
            raise NotFound(_("This language has no home page yet."))
        pages = (
            home.get_descendants()
            .live()
            .public()
            .in_menu()
            .filter(depth__lte=home.depth + MENU_DEPTH)
            .select_related("content_type")
            .order_by("path")
        )
        item = {page.path: self.item(page) for page in [home, *pages]}
        for page in pages:
            parent_path = page.path[: -Page.steplen]
            if parent_path in item:
                item[parent_path]["children"].append(item[page.path])
        return Response({"locale": locale.language_code, "home": item[home.path]})

    def item(self, page):
        return {
            "id": page.pk,
            "title": page.title,
            "html_url": page.get_full_url(self.request),
            "type": page_type(page),
            "children": [],
        }


class PageByPathView(CachedGetMixin, GenericAPIView):
    """Any live page by its address on the site, e.g. ``?path=/cs/rodice/``."""

    @extend_schema(
        parameters=[
            OpenApiParameter("path", str, required=True, description="The page's path, language prefix first.")
        ],
        responses=inline_serializer(
            "PageByPath",
            {
                "id": serializers.IntegerField(),
                "type": serializers.CharField(),
                "title": serializers.CharField(),
                "locale": serializers.CharField(),
                "html_url": serializers.URLField(),
                "api_url": serializers.URLField(allow_null=True),
                "translation_key": serializers.UUIDField(),
                "translations": serializers.DictField(child=serializers.URLField()),
            },
        ),
    )
    @cached_get
    def get(self, request):
        path = request.query_params.get("path", "")
        parts = [part for part in path.split("/") if part]
        languages = [code for code, _name in settings.LANGUAGES]
        if not parts or parts[0] not in languages:
            raise InvalidParameter(
                {
                    "path": _("Give a page path that starts with a language: /%(codes)s/…")
                    % {"codes": "/, /".join(languages)}
                }
            )
        locale = Locale.objects.get(language_code=parts[0])
        home = home_page(locale)
        if home is None:
            raise NotFound(_("No page has this path."))
        url_path = home.url_path + "".join(f"{part}/" for part in parts[1:])
        page = (
            Page.objects.live().public().filter(url_path=url_path, locale=locale).select_related("content_type").first()
        )
        if page is None:
            raise NotFound(_("No page has this path."))
        found = translations_by_key([page]).get(page.translation_key, {})
        return Response(
            {
                "id": page.pk,
                "type": page_type(page),
                "title": page.title,
                "locale": locale.language_code,
                "html_url": page.get_full_url(request),
                "api_url": self.api_url(page),
                "translation_key": page.translation_key,
                "translations": self.translation_links(page, found),
            }
        )

    def translation_links(self, page, found):
        """``{language: by-path address}`` of the page's other language versions (one query)."""
        others = {pk: code for code, pk in found.items() if pk != page.pk}
        pages = Page.objects.filter(pk__in=others).select_related("locale")
        return {
            others[other.pk]: self.request.build_absolute_uri(f"{self.request.path}?{urlencode({'path': other.url})}")
            for other in sorted(pages, key=lambda other: others[other.pk])
        }

    def api_url(self, page):
        view_name = DETAIL_VIEWS.get(page_type(page))
        return self.request.build_absolute_uri(reverse(view_name, args=[page.pk])) if view_name else None
