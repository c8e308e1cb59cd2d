"""The centre's name, said the same way by the site, its embeds, oEmbed and PDFs: the
catalogue's translation of "Safer Internet Centre" (Czech: Centrum bezpečnějšího internetu)."""

from contextlib import nullcontext

from django.utils import translation
from django.utils.translation import gettext


def centre_name(language=None):
    """The name in ``language`` (the active language when None)."""
    with translation.override(language) if language else nullcontext():
        return gettext("Safer Internet Centre")
