"""The resource library: one index page per language and a page per resource."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.age_range import AgeRangeMixin, age_range_constraints
from cms.core.api.fields import v2_picture, v2_terms
from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.filtering import FilterError
from cms.core.index_page import IndexPage
from cms.core.panels import tabbed_edit_handler
from cms.core.preview import OptionalHeadlessPreviewMixin
from search import service as search_service
from search.fields import analysed_search_fields
from search.hit_order import in_hit_order

from .filtering import RESOURCE_FILTERS, filter_resources, load_taxonomy
from .taxonomy import Audience, ResourceType, Topic

RESOURCES_PER_PAGE = 24


class Licence(models.TextChoices):
    CC_BY = "cc-by", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc", "CC BY-NC 4.0"
    CC_BY_NC_SA = "cc-by-nc-sa", "CC BY-NC-SA 4.0"
    CC_BY_ND = "cc-by-nd", "CC BY-ND 4.0"
    CC_BY_NC_ND = "cc-by-nc-nd", "CC BY-NC-ND 4.0"
    CC0 = "cc0", "CC0 1.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
    OTHER = "other", _("Other (see the resource)")


class ResourceIndexPage(IndexPage):
    """The library of one language: lists its resources, filtered as the API filters them."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    per_page = RESOURCES_PER_PAGE

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def chosen_filters(self, request):
        """The filters chosen in the form (its "All" sends an empty value, which means none)."""
        chosen = QueryDict(mutable=True)
        for name in (*RESOURCE_FILTERS, "q"):
            for value in request.GET.getlist(name):
                if value.strip():
                    chosen.appendlist(name, value.strip())
        return chosen

    def listed_resources(self):
        """The library's own resources: its untranslated placeholders are left out, as the API
        leaves them out (they are the other language's text)."""
        return (
            ResourcePage.objects.live()
            .child_of(self)
            .filter(alias_of__isnull=True)
            .select_related("resource_type", "thumbnail", "locale")
            .prefetch_related("audiences", "topics")
            .order_by("title", "pk")
        )

    def search(self, resources, text):
        """``resources`` matching the keywords ``text``, best first (as the API's ``q``)."""
        try:
            text = search_service.clean_query(text)
        except search_service.QueryError as error:
            raise FilterError({"q": str(error)}) from error
        hits = search_service.search(text, [self.locale.language_code], [ResourcePage])
        return in_hit_order(resources.filter(pk__in=hits.ids), hits.ids)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chosen = self.chosen_filters(request)
        taxonomy = load_taxonomy()  # checks the chosen values and fills the form's choices
        resources = self.listed_resources()
        try:
            resources, errors = filter_resources(resources, chosen, taxonomy), {}
            if chosen.get("q"):
                resources = self.search(resources, chosen["q"])
        except FilterError as error:
            resources, errors = resources.none(), error.fields  # shown beside the filters
        context.update(
            resources_page=self.paginate(request, resources),
            audiences=taxonomy["audience"].values(),
            topics=taxonomy["topic"].values(),
            resource_types=taxonomy["type"].values(),
            chosen=chosen.dict(),
            filter_errors=errors,
            filter_query=chosen.urlencode(),
        )
        return context


class ResourcePage(OptionalHeadlessPreviewMixin, AgeRangeMixin, Page):
    """One lesson plan, worksheet, video, guide… in one language."""

    external_id = models.CharField(
        _("external ID"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Identifier in the source catalogue; imports update the resource that has it."),
    )
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences shown in lists and cards."))
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES, blank=True)
    audiences = ParentalManyToManyField(Audience, verbose_name=_("audiences"), related_name="resources")
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), related_name="resources")
    resource_type = models.ForeignKey(
        ResourceType,
        verbose_name=_("resource type"),
        on_delete=models.PROTECT,
        related_name="resources",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A file to download (PDF, presentation…)."),
    )
    # Not "url": that would shadow Page.url, the page's own address.
    external_url = models.URLField(
        _("external link"), max_length=500, blank=True, help_text=_("Where the resource is published online.")
    )
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("thumbnail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.CharField(_("author"), max_length=255, blank=True)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    licence = models.CharField(_("licence"), max_length=32, choices=Licence.choices, blank=True)

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url"), FieldPanel("thumbnail")],
            heading=_("Files and links"),
        ),
    ]
    classification_panels = [
        FieldPanel("resource_type"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")], heading=_("Age range")),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("publisher"), FieldPanel("licence"), FieldPanel("external_id")],
            heading=_("Source"),
        ),
    ]
    edit_handler = tabbed_edit_handler(content_panels, classification_panels)
    search_fields = analysed_search_fields(summary="summary", body=["body"]) + [
        index.FilterField("resource_type"),
        index.FilterField("age_min"),
        index.FilterField("age_max"),
    ]
    # Identifiers and classification are the same in every language: wagtail-localize
    # copies them from the source instead of offering them for translation.
    # What Wagtail's own API v2 (/api/v2/pages/?type=resources.ResourcePage&fields=*) shows.
    api_fields = [
        APIField("external_id"),
        APIField("summary"),
        APIField("body"),
        v2_terms("audiences"),
        v2_terms("topics"),
        v2_terms("resource_type", many=False),
        APIField("age_min"),
        APIField("age_max"),
        APIField("external_url"),
        APIField("document"),
        v2_picture("thumbnail"),
    ]
    override_translatable_fields = [
        SynchronizedField("external_id"),
        SynchronizedField("audiences"),
        SynchronizedField("topics"),
        SynchronizedField("author"),
        SynchronizedField("publisher"),
        SynchronizedField("licence"),
    ]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = age_range_constraints("resource")

    def clean(self):
        super().clean()
        if self.external_id and self.locale_id:
            clash = (
                ResourcePage.objects.filter(external_id=self.external_id, locale_id=self.locale_id)
                .exclude(pk=self.pk)
                .exists()
            )
            if clash:
                raise ValidationError({"external_id": _("Another resource in this language has this external ID.")})
