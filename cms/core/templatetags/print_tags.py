"""Template helpers of the print packs."""

import segno
from django import template

register = template.Library()


@register.simple_tag
def qr_code(url):
    """A QR code of ``url`` as an inline SVG address: a printed sheet leads back to the page."""
    return segno.make(url, error="m").svg_data_uri(scale=3, border=0)
