"""URL map: admin and documents outside the language prefix, pages under /cs/ and /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.wagtail_v2 import router as wagtail_api_router
from cms.partners.embeds.oembed import oembed
from reports.site import helpline as helpline_pages
from reports.site.helpline_chat import chat_page as helpline_chat_page
from reports.site.hotline import report_form, report_status
from search.views import site_search

handler400 = "cms.core.error_views.bad_request"
handler403 = "cms.core.error_views.permission_denied"
handler500 = "cms.core.error_views.server_error"

urlpatterns = [
    # Before Wagtail's admin: the second step of signing in (cms/two_factor).
    path("admin/", include("cms.core.two_factor.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("cms.api.urls")),
    path("api/v2/", wagtail_api_router.urls),
    path("api/oembed/", oembed, name="oembed"),
    path("embed/", include("cms.partners.embeds.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

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
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
