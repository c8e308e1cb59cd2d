"""Links to a page of the site or an address, and the help call to action."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from ..site_url import site_base_url
from .context import page_url

# The site's own pages of each service (URL names): where a help call to action leads when
# the editor chose neither a page nor an address.
SERVICE_PAGES = {"helpline": "helpline-form", "hotline": "hotline-report-form"}


def service_url(service):
    """The absolute address of the site's own page of ``service``, in the active language."""
    return site_base_url() + reverse(SERVICE_PAGES[service])


class PageOrAddressBlock(blocks.StructBlock):
    """A link that points at a chosen page or, failing that, at an address."""

    page_field = "page"
    url_field = "url"
    link_required = True  # False: neither is fine (the block has a default of its own)

    def clean(self, value):
        value = super().clean(value)
        if self.link_required and not value.get(self.page_field) and not value.get(self.url_field):
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
    link_required = False  # neither: the service's own page on this site (SERVICE_PAGES)

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
            "url": page_url(value["link_page"], context) or value["link_url"] or service_url(value["service"]),
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
            "url": page_url(value["page"], context) or value["url"],
        }


# Migrations name the blocks by the package, as before it was split (Wagtail reads this).
DECONSTRUCT_ALIASES = {
    PageOrAddressBlock: "cms.core.blocks.PageOrAddressBlock",
    HelpCallToActionBlock: "cms.core.blocks.HelpCallToActionBlock",
    LinkBlock: "cms.core.blocks.LinkBlock",
}
