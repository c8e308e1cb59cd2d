"""The steps of a toolkit: the shared content blocks plus a chosen list of resources."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.blocks import (
    DocumentDownloadBlock,
    FigureBlock,
    HeadingBlock,
    HelpCallToActionBlock,
    ParagraphBlock,
    VideoBlock,
)
from resources.api.serializers import resource_card
from resources.chooser_block import ResourceChooserBlock


class ResourceListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    resources = blocks.ListBlock(
        ResourceChooserBlock(label=_("Resource")),
        label=_("Resources"),
        min_num=1,
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Resources")
        template = "blocks/resource_list.html"

    def get_api_representation(self, value, context=None):
        pages = [chosen.localized.specific for chosen in value["resources"] if chosen]
        return {"heading": value["heading"], "resources": [resource_card(page, context) for page in pages if page.live]}


class ToolkitStepsBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    video = VideoBlock()
    resources = ResourceListBlock()
    document = DocumentDownloadBlock()
    help = HelpCallToActionBlock()
