"""Free-standing articles: advice, explainers, the Academy's and youth platform's pages."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.core.api.fields import v2_terms
from cms.core.blocks import BodyBlock
from cms.core.panels import tabbed_edit_handler
from search.fields import analysed_search_fields


class ArticlePage(Page):
    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField("resources.Topic", verbose_name=_("topics"), blank=True, related_name="+")

    parent_page_types = ["home.HomePage", "home.SectionPage", "home.ArticlePage"]
    subpage_types = ["home.ArticlePage"]
    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    classification_panels = [FieldPanel("topics", widget=forms.CheckboxSelectMultiple)]
    edit_handler = tabbed_edit_handler(content_panels, classification_panels)
    # What Wagtail's API v2 (/api/v2/pages/?type=…&fields=*) shows.
    api_fields = [APIField("lead"), APIField("body"), v2_terms("topics")]
    search_fields = analysed_search_fields(summary="lead", body=["body"])

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
