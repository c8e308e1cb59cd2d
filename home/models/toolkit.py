"""Toolkits: a guided sequence of steps on one theme for one or more audiences."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.core.age_range import AgeRangeMixin, age_range_constraints
from cms.core.api.fields import v2_picture, v2_terms
from cms.core.page_image import PageImageMixin
from cms.core.panels import tabbed_edit_handler
from cms.core.preview import OptionalHeadlessPreviewMixin
from home.blocks import ToolkitStepsBlock
from search.fields import analysed_search_fields


class ToolkitPage(OptionalHeadlessPreviewMixin, AgeRangeMixin, PageImageMixin, Page):
    intro = models.TextField(_("introduction"), help_text=_("What the toolkit helps with, in two or three sentences."))
    audiences = ParentalManyToManyField("resources.Audience", verbose_name=_("audiences"), related_name="toolkits")
    topics = ParentalManyToManyField("resources.Topic", verbose_name=_("topics"), related_name="toolkits")
    steps = StreamField(ToolkitStepsBlock(), verbose_name=_("steps"), blank=True)

    parent_page_types = ["home.SectionPage"]
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("intro"), PageImageMixin.image_panel, FieldPanel("steps")]
    classification_panels = [
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")], heading=_("Age range")),
    ]
    edit_handler = tabbed_edit_handler(content_panels, classification_panels)
    # What Wagtail's API v2 (/api/v2/pages/?type=…&fields=*) shows.
    api_fields = [
        APIField("intro"),
        APIField("steps"),
        v2_terms("audiences"),
        v2_terms("topics"),
        APIField("age_min"),
        APIField("age_max"),
        v2_picture("image"),
    ]
    search_fields = analysed_search_fields(summary="intro", body=["steps"])

    class Meta:
        verbose_name = _("toolkit")
        verbose_name_plural = _("toolkits")
        constraints = age_range_constraints("toolkit")
