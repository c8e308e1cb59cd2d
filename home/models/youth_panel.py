"""The youth panel's page: what the panel is, the contributions moderators approved (in
the page's language), its upcoming participation activities, and the form to send one."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.core.api.fields import v2_picture
from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.page_image import PageImageMixin
from cms.core.panels import tabbed_edit_handler
from cms.core.preview import OptionalHeadlessPreviewMixin
from search.fields import analysed_search_fields

from .events import EventKind, EventPage
from .youth import approved_contributions


class YouthPanelPage(OptionalHeadlessPreviewMixin, PageImageMixin, Page):
    lead = models.TextField(_("lead"))
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("lead"), PageImageMixin.image_panel, FieldPanel("intro")]
    edit_handler = tabbed_edit_handler(content_panels)
    api_fields = [APIField("lead"), APIField("intro"), v2_picture("image")]
    search_fields = analysed_search_fields(summary="lead", body=["intro"])
    per_page = 12

    class Meta:
        verbose_name = _("youth panel page")
        verbose_name_plural = _("youth panel pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contributions = approved_contributions(self.locale.language_code)
        context["contributions"] = Paginator(contributions, self.per_page).get_page(request.GET.get("page"))
        context["activities"] = (
            EventPage.objects.upcoming()
            .filter(kind=EventKind.PARTICIPATION, locale=self.locale, alias_of__isnull=True)
            .select_related("image")
        )
        return context
