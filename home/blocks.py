"""The steps of a toolkit: the shared content blocks plus a chosen list of resources; and
what a campaign points to (toolkits and resources, shown as cards in the API)."""

from django.urls import reverse
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


class RelatedToolkitBlock(blocks.PageChooserBlock):
    """A toolkit a campaign points to: in the API, a card in the reader's language (or null
    once it is unpublished)."""

    def __init__(self, **kwargs):
        super().__init__(page_type="home.ToolkitPage", **kwargs)

    def deconstruct(self):
        # Stored as a plain PageChooserBlock: only the API's representation differs.
        return ("wagtail.blocks.PageChooserBlock", (), {"page_type": "home.ToolkitPage", **self._constructor_args[1]})

    def get_api_representation(self, value, context=None):
        page = value.localized.specific if value else None
        if page is None or not page.live:
            return None
        request = (context or {}).get("request")
        return {
            "id": page.pk,
            "title": page.title,
            "intro": page.intro,
            "locale": page.locale.language_code,
            "html_url": page.get_full_url(request),
            "api_url": request.build_absolute_uri(reverse("api:toolkit-detail", args=[page.pk]))
            if request
            else reverse("api:toolkit-detail", args=[page.pk]),
        }


class RelatedResourceBlock(ResourceChooserBlock):
    def get_api_representation(self, value, context=None):
        page = value.localized.specific if value else None
        return resource_card(page, context) if page is not None and page.live else None


class CampaignRelatedBlock(blocks.StreamBlock):
    toolkit = RelatedToolkitBlock(label=_("Toolkit"))
    resource = RelatedResourceBlock(label=_("Resource"))
