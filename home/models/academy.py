"""The Safer Internet Academy's pages: the Academy's own page, its workshop catalogue
(what a school can ask for) and its programmes (courses in a region and city on set
dates, with seats to register for).

A programme exists once per language (wagtail-localize), but its seats exist once: every
translation counts its registrations against the original page (``seat_holder``).
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.core.age_range import AgeRangeMixin, age_range_constraints
from cms.core.api.fields import v2_picture, v2_terms
from cms.core.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.core.date_range import DateRangeMixin, date_range_constraint
from cms.core.page_image import PageImageMixin
from cms.core.panels import tabbed_edit_handler
from cms.core.preview import OptionalHeadlessPreviewMixin
from search.fields import analysed_search_fields


class Region(models.TextChoices):
    """The fourteen regions (kraje) of Czechia."""

    PRAHA = "praha", _("Prague")
    STREDOCESKY = "stredocesky", _("Central Bohemian Region")
    JIHOCESKY = "jihocesky", _("South Bohemian Region")
    PLZENSKY = "plzensky", _("Plzeň Region")
    KARLOVARSKY = "karlovarsky", _("Karlovy Vary Region")
    USTECKY = "ustecky", _("Ústí nad Labem Region")
    LIBERECKY = "liberecky", _("Liberec Region")
    KRALOVEHRADECKY = "kralovehradecky", _("Hradec Králové Region")
    PARDUBICKY = "pardubicky", _("Pardubice Region")
    VYSOCINA = "vysocina", _("Vysočina Region")
    JIHOMORAVSKY = "jihomoravsky", _("South Moravian Region")
    OLOMOUCKY = "olomoucky", _("Olomouc Region")
    ZLINSKY = "zlinsky", _("Zlín Region")
    MORAVSKOSLEZSKY = "moravskoslezsky", _("Moravian-Silesian Region")


class WorkshopFormat(models.TextChoices):
    ON_SITE = "on-site", _("at your school")
    ONLINE = "online", _("online")
    EITHER = "either", _("at your school or online")


class AcademyPage(OptionalHeadlessPreviewMixin, PageImageMixin, Page):
    """The Academy: what it offers, its workshop catalogue and upcoming programmes, and
    the inquiry form."""

    lead = models.TextField(_("lead"))
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.WorkshopPage", "home.ProgrammePage"]
    content_panels = Page.content_panels + [FieldPanel("lead"), PageImageMixin.image_panel, FieldPanel("intro")]
    edit_handler = tabbed_edit_handler(content_panels)
    api_fields = [APIField("lead"), APIField("intro"), v2_picture("image")]
    search_fields = analysed_search_fields(summary="lead", body=["intro"])

    class Meta:
        verbose_name = _("Academy page")
        verbose_name_plural = _("Academy pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workshops"] = (
            WorkshopPage.objects.child_of(self).live().filter(alias_of__isnull=True).order_by("title")
        )
        context["programmes"] = (
            ProgrammePage.objects.child_of(self).live().filter(alias_of__isnull=True, end__gte=timezone.localdate())
        ).order_by("start", "title")
        return context


class WorkshopPage(OptionalHeadlessPreviewMixin, AgeRangeMixin, PageImageMixin, Page):
    """A workshop in the catalogue: what it covers, for whom, how long, how it is led."""

    lead = models.TextField(_("lead"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    audiences = ParentalManyToManyField("resources.Audience", verbose_name=_("audiences"), related_name="+")
    topics = ParentalManyToManyField("resources.Topic", verbose_name=_("topics"), related_name="+")
    length_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"), default=90, validators=[MinValueValidator(15), MaxValueValidator(600)]
    )
    format = models.CharField(_("format"), max_length=10, choices=WorkshopFormat.choices, default=WorkshopFormat.EITHER)
    lecturer_profile = models.TextField(
        _("lecturer"), blank=True, help_text=_("Who leads it: their background, not their contact details.")
    )

    parent_page_types = ["home.AcademyPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        PageImageMixin.image_panel,
        FieldRowPanel([FieldPanel("length_minutes"), FieldPanel("format")]),
        FieldPanel("lecturer_profile"),
        FieldPanel("body"),
    ]
    classification_panels = [
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")], heading=_("Age range")),
    ]
    edit_handler = tabbed_edit_handler(content_panels, classification_panels)
    api_fields = [
        APIField("lead"),
        APIField("body"),
        v2_terms("audiences"),
        v2_terms("topics"),
        APIField("age_min"),
        APIField("age_max"),
        APIField("length_minutes"),
        APIField("format"),
        APIField("lecturer_profile"),
        v2_picture("image"),
    ]
    search_fields = analysed_search_fields(summary="lead", body=["body", "lecturer_profile"])

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = age_range_constraints("workshop")


class ProgrammePage(OptionalHeadlessPreviewMixin, DateRangeMixin, PageImageMixin, Page):
    """A study programme: set dates in a region and city, with seats schools register for."""

    lead = models.TextField(_("lead"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    city = models.CharField(_("city"), max_length=100)
    venue = models.CharField(_("venue"), max_length=255, blank=True, help_text=_("Building and address."))
    audiences = ParentalManyToManyField("resources.Audience", verbose_name=_("audiences"), related_name="+")
    capacity = models.PositiveSmallIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(2000)], help_text=_("Participants in all.")
    )
    price = models.DecimalField(
        _("price per participant (CZK)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty for a free programme."),
    )
    registration_open = models.BooleanField(_("registration open"), default=True)

    parent_page_types = ["home.AcademyPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        PageImageMixin.image_panel,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("region"), FieldPanel("city")]),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("price"), FieldPanel("registration_open")]),
            ],
            heading=_("When, where and how many"),
        ),
        FieldPanel("body"),
    ]
    classification_panels = [FieldPanel("audiences", widget=forms.CheckboxSelectMultiple)]
    edit_handler = tabbed_edit_handler(content_panels, classification_panels)
    api_fields = [
        APIField("lead"),
        APIField("body"),
        APIField("region"),
        APIField("city"),
        APIField("venue"),
        APIField("start"),
        APIField("end"),
        APIField("capacity"),
        APIField("price"),
        APIField("registration_open"),
        v2_terms("audiences"),
        v2_picture("image"),
    ]
    search_fields = analysed_search_fields(summary="lead", body=["body", "city"])

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [date_range_constraint("home_programme_dates")]

    @property
    def is_free(self):
        return not self.price

    @property
    def accepts_registrations(self):
        """Open, and not over yet (registrations close when the first day begins)."""
        return self.registration_open and self.start > timezone.localdate()

    def seat_holder(self):
        """The page whose seats every translation shares."""
        return self.original_translation()
