"""Headings and rich text paragraphs."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.api.rich_text import expand

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    """A section heading (h2)."""

    class Meta:
        icon = "title"
        label = _("Heading")
        form_classname = "title"
        template = "blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph.html"

    def get_api_representation(self, value, context=None):
        # HTML with internal page and document links turned into their addresses.
        return expand(value.source, context) if value else ""


# Migrations name the blocks by the package, as before it was split (Wagtail reads this).
DECONSTRUCT_ALIASES = {
    HeadingBlock: "cms.core.blocks.HeadingBlock",
    ParagraphBlock: "cms.core.blocks.ParagraphBlock",
}
