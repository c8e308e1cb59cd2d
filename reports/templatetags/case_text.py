"""Template helpers of the case pages: text with its addresses defanged, and the quick exit."""

from django import template
from django.conf import settings

from ..helpline.defang import defanged_text

register = template.Library()


@register.filter
def defanged(text):
    """``text`` with every address in it defanged (``hxxps://example[.]com``): counsellors
    see what a person typed as plain text, never as a link (autoescaped as usual)."""
    return defanged_text(text)


@register.simple_tag
def quick_exit_url():
    return settings.QUICK_EXIT_URL
