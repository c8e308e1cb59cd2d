"""A page's picture: shown on its cards, at the top of the page and in link previews."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class PageImageMixin(models.Model):
    """Adds ``image`` (a Wagtail image, optional) to a page kind.

    Pages show it as an illustration beside their title, which already says what the
    page is about: it is decorative (empty alternative text), as the image's own
    title would repeat the heading to screen-reader users.
    """

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards, at the top of the page and when the page is shared."),
    )

    image_panel = FieldPanel("image")

    class Meta:
        abstract = True
