"""``/sitemap.xml`` with every language's pages and ``/robots.txt`` that points to it.

Wagtail's own sitemap lists the pages of the requested site's root only, which is the
Czech tree; here every locale's tree is listed, each page with its translations as
hreflang alternates, and untranslated placeholders (aliases) are left out.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .site_url import site_base_url


class MultilingualSitemap(Sitemap):
    limit = 5000  # URLs per sitemap page (?p=2 for the next)

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().filter(alias_of__isnull=True).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        listed = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in listed}, alias_of__isnull=True)
            .select_related("locale")
        )
        for version in translations:
            versions[version.translation_key].append(
                {"lang_code": version.locale.language_code, "location": version.get_full_url(self.request)}
            )
        urls = []
        for item in listed:
            for url_info in item.get_sitemap_urls(self.request):
                alternates = sorted(versions[item.translation_key], key=lambda a: a["lang_code"])
                url_info["alternates"] = alternates if len(alternates) > 1 else []
                urls.append(url_info)
        self.latest_lastmod = max((u["lastmod"] for u in urls if u.get("lastmod")), default=None)
        return urls


def site_sitemap(request):
    return sitemap(request, sitemaps={"pages": MultilingualSitemap(request)})


# Addresses robots have no business in: the admin, the API, embeds, and in every language
# the search page and the forms' status pages (their tokens are private).
ROBOTS_DISALLOW = ["/admin/", "/api/", "/embed/"]
ROBOTS_DISALLOW_VIEWS = ["site-search", "hotline-status-page", "helpline-status-page"]


def robots_txt(request):
    paths = list(ROBOTS_DISALLOW)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [reverse(name) for name in ROBOTS_DISALLOW_VIEWS]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in paths), ""]
    lines.append(f"Sitemap: {site_base_url()}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
