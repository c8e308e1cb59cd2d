"""StreamField blocks shared by several page types.

Each block renders accessible HTML through its own template in
``cms/templates/blocks/``; pages compose them into their own StreamBlocks.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from cms.core.api.media import document_representation, image_representation
from cms.core.api.rich_text import expand


def _request(context):
    return (context or {}).get("request")


def _page_url(page, context):
    if page is None:
        return None
    page = page.localized.specific
    return page.get_full_url(_request(context)) if page.live else None


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


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"

    def get_api_representation(self, value, context=None):
        image = value["image"]
        alt = getattr(image, "contextual_alt_text", None) if image else None
        return {"image": image_representation(image, _request(context), alt=alt), "caption": value["caption"]}


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("Video address"),
        help_text=_("A YouTube or Vimeo address; the player is embedded in the page."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript or description"),
        required=False,
        help_text=_("For visitors who cannot watch the video."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"

    def get_api_representation(self, value, context=None):
        video = value["video"]
        return {
            "url": video.url if video else None,
            "html": video.html if video else "",  # the provider's oEmbed player
            "transcript": value["transcript"],
        }


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        help_text=_("Defaults to the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "blocks/document.html"

    def get_api_representation(self, value, context=None):
        document = value["document"]
        return {
            "label": value["label"] or (document.title if document else ""),
            "document": document_representation(document, _request(context)),
        }


class PageOrAddressBlock(blocks.StructBlock):
    """A link that points at a chosen page or, failing that, at an address."""

    page_field = "page"
    url_field = "url"

    def clean(self, value):
        value = super().clean(value)
        if not value.get(self.page_field) and not value.get(self.url_field):
            raise StructBlockValidationError(
                block_errors={self.url_field: ValidationError(_("Choose a page or enter an address."))}
            )
        return value


class HelpCallToActionBlock(PageOrAddressBlock):
    """Sends a reader who needs help to the helpline or to the hotline."""

    service = blocks.ChoiceBlock(
        label=_("Service"),
        choices=[
            ("helpline", _("Helpline: talk to a counsellor")),
            ("hotline", _("Hotline: report illegal content")),
        ],
    )
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_page = blocks.PageChooserBlock(label=_("Page"), required=False)
    link_url = blocks.URLBlock(
        label=_("Address"),
        required=False,
        help_text=_("Used when no page is chosen."),
    )
    link_text = blocks.CharBlock(label=_("Button text"))

    page_field = "link_page"
    url_field = "link_url"

    class Meta:
        icon = "help"
        label = _("Call to action: help")
        template = "blocks/help_cta.html"

    def get_api_representation(self, value, context=None):
        return {
            "service": value["service"],
            "heading": value["heading"],
            "text": value["text"],
            "link_text": value["link_text"],
            "url": _page_url(value["link_page"], context) or value["link_url"],
        }


class LinkBlock(PageOrAddressBlock):
    title = blocks.CharBlock(label=_("Title"))
    description = blocks.TextBlock(label=_("Description"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Address"), required=False, help_text=_("Used when no page is chosen."))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link.html"

    def get_api_representation(self, value, context=None):
        return {
            "title": value["title"],
            "description": value["description"],
            "url": _page_url(value["page"], context) or value["url"],
        }


class BodyBlock(blocks.StreamBlock):
    """The body of articles, news and events."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    video = VideoBlock()
    document = DocumentDownloadBlock()
    help = HelpCallToActionBlock()
