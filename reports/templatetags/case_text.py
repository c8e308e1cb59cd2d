"""Template helpers of the case pages: text with its addresses defanged, and the quick exit."""

import re

from django import template
from django.conf import settings

from ..hotline.reported_urls import defang

register = template.Library()

# Anything a person typed that a browser or a mail client could turn into a link.
ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+|\b[\w.-]+\.(?:[a-z]{2,24})(?:/[^\s<>\"']*)?", re.IGNORECASE)


@register.filter
def defanged(text):
    """``text`` with every address in it defanged (``hxxps://example[.]com``): counsellors
    see what a person typed as plain text, never as a link (autoescaped as usual)."""
    return ADDRESS.sub(lambda match: _defang(match.group(0)), text or "")


def _defang(address):
    if "://" in address:
        return defang(address)
    host, slash, path = address.partition("/")
    return f"{host.replace('.', '[.]')}{slash}{path}"


@register.simple_tag
def quick_exit_url():
    return settings.QUICK_EXIT_URL
