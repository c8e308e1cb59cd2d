"""Draft preview in an external frontend (wagtail-headless-preview), when one is configured.

Set ``HEADLESS_PREVIEW_URLS`` to ``default=https://frontend.example.cz/preview/`` (and
``hostname=url`` pairs for other sites, comma-separated). Without it, pages preview with
the site's own templates, as before. The frontend receives ``?content_type=…&token=…``
and reads the draft from ``/api/v1/preview/`` with the same two parameters.
"""

from wagtail_headless_preview.models import HeadlessPreviewMixin, get_client_root_url_from_site
from wagtail_headless_preview.settings import headless_preview_settings


class OptionalHeadlessPreviewMixin(HeadlessPreviewMixin):
    def serve_preview(self, request, preview_mode):
        from wagtail.models import Site

        site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
        if not headless_preview_settings.CLIENT_URLS or site is None:
            return super(HeadlessPreviewMixin, self).serve_preview(request, preview_mode)
        try:
            get_client_root_url_from_site(site)
        except KeyError:
            return super(HeadlessPreviewMixin, self).serve_preview(request, preview_mode)
        return super().serve_preview(request, preview_mode)
