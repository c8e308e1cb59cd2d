"""News: an index page per language and dated news items under it."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.api.fields import v2_picture, v2_terms
from cms.core.blocks import BodyBlock
from cms.core.index_page import IndexPage
from cms.core.page_image import PageImageMixin
from cms.core.panels import tabbed_edit_handler
from cms.core.preview import OptionalHeadlessPreviewMixin
from search.fields import analysed_search_fields

NEWS_PER_PAGE = 10


class NewsIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    listing_name = "news_page"
    per_page = NEWS_PER_PAGE

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def listed(self, request):
        return (
            NewsPage.objects.live()
            .child_of(self)
            .filter(alias_of__isnull=True)
            .select_related("image")
            .order_by("-date", "-pk")
        )


class NewsPage(OptionalHeadlessPreviewMixin, PageImageMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    lead = models.TextField(_("lead"), help_text=_("Shown in lists and at the top of the article."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField("resources.Topic", verbose_name=_("topics"), blank=True, related_name="+")

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        PageImageMixin.image_panel,
        FieldPanel("body"),
    ]
    classification_panels = [FieldPanel("topics", widget=forms.CheckboxSelectMultiple)]
    edit_handler = tabbed_edit_handler(content_panels, classification_panels)
    # What Wagtail's API v2 (/api/v2/pages/?type=…&fields=*) shows.
    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("body"),
        v2_terms("topics"),
        v2_picture("image"),
    ]
    search_fields = analysed_search_fields(summary="lead", body=["body"]) + [index.FilterField("date")]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-date"]
