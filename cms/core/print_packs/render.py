"""Render a page's print template to PDF with WeasyPrint.

WeasyPrint fetches the stylesheets and pictures a template names. Its fetcher here reads
the site's own static and media files from disk and nothing else: a pack never makes a
network request (an editor's rich text could name any address).
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils import translation

from ..site_url import site_base_url


class RefusedAddress(ValueError):
    pass


def _under(root, name):
    """``root/name`` if it is a file inside ``root`` (no climbing out with ``..``)."""
    if not root:
        return None
    root = Path(root).resolve()
    candidate = (root / name).resolve()
    return candidate if candidate.is_relative_to(root) and candidate.is_file() else None


def _local_file(url):
    """The file on disk that ``url`` (a static or media address of this site) names."""
    path = unquote(urlsplit(url).path)
    found = None
    if path.startswith(settings.MEDIA_URL):
        found = _under(settings.MEDIA_ROOT, path[len(settings.MEDIA_URL) :])
    elif path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        try:
            found = finders.find(name)
        except SuspiciousFileOperation:  # a path that climbs out of the static folders
            found = None
        # In production the address names the collected copy with its hash in the name
        # (logo.73f4e8728e75.svg), which only STATIC_ROOT has.
        found = Path(found) if found else _under(settings.STATIC_ROOT, name)
    if found:
        return found
    raise RefusedAddress(url)


def _fetcher():
    """WeasyPrint's URL fetcher, reading this site's static and media files only."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)  # inline pictures (the QR code)
            file = _local_file(url)
            content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, file.read_bytes(), {"Content-Type": content_type})

    return LocalOnlyFetcher(allowed_protocols={"data", "http", "https"})


def html_to_pdf(html):
    """PDF bytes of an HTML document whose pictures and styles are this site's own files."""
    from weasyprint import HTML  # loads Pango: only in the processes that make PDFs

    return HTML(string=html, base_url=site_base_url() + "/", url_fetcher=_fetcher()).write_pdf()


def render_html(page, template, context=None):
    """The HTML of ``page``'s print template in the page's language."""
    with translation.override(page.locale.language_code):
        return render_to_string(template, {"page": page, "base_url": site_base_url(), **(context or {})})


def render_pdf(page, template, context=None):
    """The PDF of ``page`` rendered from ``template`` in the page's language (bytes)."""
    return html_to_pdf(render_html(page, template, context))
