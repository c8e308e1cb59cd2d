"""URL map: admin and documents outside the language prefix, pages under /cs/ and /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.static import serve as serve_media
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.wagtail_v2 import router as wagtail_api_router
from cms.core.print_packs.views import print_pack
from cms.core.sitemap import robots_txt, site_sitemap
from cms.partners.embeds.oembed import oembed
from home.academy import site as academy_pages
from home.campaigns import site as campaign_pages
from home.feeds import NewsAtomFeed, NewsFeed, event_calendar, events_calendar
from home.youth import site as youth_pages
from reports.site import helpline as helpline_pages
from reports.site.helpline_chat import chat_page as helpline_chat_page
from reports.site.hotline import report_form, report_status
from resources.admin_chooser import choose_page as resource_chooser
from resources.feeds import NewResourcesAtomFeed, NewResourcesFeed
from search.views import site_search

static_lazy = lazy(static, str)  # the manifest storage is not ready when the URLs load

handler400 = "cms.core.error_views.bad_request"
handler403 = "cms.core.error_views.permission_denied"
handler500 = "cms.core.error_views.server_error"

urlpatterns = [
    # Before Wagtail's admin: the second step of signing in (cms/two_factor).
    path("admin/", include("cms.core.two_factor.urls")),
    # Before Wagtail's own: the chooser opens at the resource library for resources.
    path("admin/choose-page/", resource_chooser, name="wagtailadmin_choose_page"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("cms.api.urls")),
    path("api/v2/", wagtail_api_router.urls),
    path("api/oembed/", oembed, name="oembed"),
    path("embed/", include("cms.partners.embeds.urls")),
    path("print/<int:page_id>.pdf", print_pack, name="print-pack"),
    path("sitemap.xml", site_sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("favicon.ico", RedirectView.as_view(url=static_lazy("img/favicon-32.png"), permanent=True)),
    path("feeds/<str:language>/news.xml", NewsFeed(), name="feed-news"),
    path("feeds/<str:language>/news.atom", NewsAtomFeed(), name="feed-news-atom"),
    path("feeds/<str:language>/resources.xml", NewResourcesFeed(), name="feed-resources"),
    path("feeds/<str:language>/resources.atom", NewResourcesAtomFeed(), name="feed-resources-atom"),
    path("calendar/<str:language>/events.ics", events_calendar, name="calendar-events"),
    path("calendar/event/<int:page_id>.ics", event_calendar, name="calendar-event"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    # Pictures and their renditions (documents have their own view, /documents/).
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Pages live under a language prefix (/cs/…, /en/…); "/" redirects to the visitor's
# preferred language, Czech by default.
urlpatterns += i18n_patterns(
    path("search/", site_search, name="site-search"),
    path("hotline/", report_form, name="hotline-report-form"),
    path("hotline/status/", report_status, name="hotline-status-page"),
    # Translated addresses: /cs/pomoc/ and /en/help/.
    path(_("help/"), helpline_pages.contact_form, name="helpline-form"),
    path(_("help/status/"), helpline_pages.status_page, name="helpline-status-page"),
    path(_("help/chat/"), helpline_chat_page, name="helpline-chat"),
    # Translated addresses: /cs/akademie/poptavka/ and /en/academy/inquiry/.
    path(_("academy/inquiry/"), academy_pages.inquiry_form, name="academy-inquiry"),
    path(_("academy/registration/<int:programme_id>/"), academy_pages.registration_form, name="academy-registration"),
    path(_("campaigns/activity/<int:campaign_id>/"), campaign_pages.activity_form, name="campaign-activity"),
    # /cs/mladez/prispevek/ and /en/youth/contribute/.
    path(_("youth/contribute/"), youth_pages.contribution_form, name="youth-contribute"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
