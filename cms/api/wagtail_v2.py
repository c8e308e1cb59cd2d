"""Wagtail's own API v2 at ``/api/v2/``, for Wagtail-ecosystem frontends.

``pages/find/?html_path=`` understands the language prefix of this site's addresses
(``/cs/materialy/…``, ``/en/resources/…``): Wagtail's own routes the path from the default
site's root, the Czech home page, and so finds no page with a prefix and no English page.
"""

from django.conf import settings
from django.http import Http404
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site


class LocalisedPagesAPIViewSet(PagesAPIViewSet):
    def find_object(self, queryset, request):
        site = Site.find_for_request(request)
        path = request.GET.get("html_path")
        components = [component for component in (path or "").split("/") if component]
        if site is None or not components or components[0] not in dict(settings.LANGUAGES):
            return super().find_object(queryset, request)
        home = site.root_page.get_translations(inclusive=True).filter(locale__language_code=components[0]).first()
        if home is None:
            return None
        try:
            page, _args, _kwargs = home.specific.route(request, components[1:])
        except Http404:
            return None
        return page if queryset.filter(id=page.id).exists() else None


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", LocalisedPagesAPIViewSet)
router.register_endpoint("images", ImagesAPIViewSet)
router.register_endpoint("documents", DocumentsAPIViewSet)
