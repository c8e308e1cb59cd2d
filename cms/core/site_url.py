"""The site's own base URL, for links built without a request (webhooks, oEmbed, embeds).

It is the default Wagtail Site's address (hostname and port, as editors set it under
Settings → Sites, and as ``make demo`` sets it to the address it serves), so every absolute
link the site builds points where the site answers. Never the Host of a request: a client
chooses that.
"""

from django.conf import settings
from wagtail.models import Site


def site_base_url():
    """``http://127.0.0.1:8000`` (no trailing slash) for the default site."""
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    if site is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return site.root_url
