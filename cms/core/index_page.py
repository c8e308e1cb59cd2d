"""The listing pages (news, events, the resource library): one per language, under the
home page, with an introduction and their children listed."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .blocks import RICH_TEXT_FEATURES
from .panels import tabbed_edit_handler


class IndexPage(Page):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    edit_handler = tabbed_edit_handler(content_panels)

    listing_name = ""  # the template's name for the page of children
    per_page = 20

    class Meta:
        abstract = True

    def listed(self, request):
        """The live children to list, in order; subclasses narrow and order them."""
        raise NotImplementedError

    def paginate(self, request, pages):
        return Paginator(pages, self.per_page).get_page(request.GET.get("page"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.listing_name:
            context[self.listing_name] = self.paginate(request, self.listed(request))
        return context
