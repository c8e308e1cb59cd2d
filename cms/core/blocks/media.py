"""Figures, videos and documents to download."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from cms.core.api.media import document_representation, image_representation

from .context import request_of


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
        return {"image": image_representation(image, request_of(context), alt=alt), "caption": value["caption"]}


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
            "document": document_representation(document, request_of(context)),
        }


# Migrations name the blocks by the package, as before it was split (Wagtail reads this).
DECONSTRUCT_ALIASES = {
    FigureBlock: "cms.core.blocks.FigureBlock",
    VideoBlock: "cms.core.blocks.VideoBlock",
    DocumentDownloadBlock: "cms.core.blocks.DocumentDownloadBlock",
}
