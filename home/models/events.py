"""Events: webinars, workshops and conferences, with an index page per language."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.core.api.fields import v2_picture, v2_terms
from cms.core.blocks import BodyBlock
from cms.core.index_page import IndexPage
from cms.core.page_image import PageImageMixin
from cms.core.panels import tabbed_edit_handler
from cms.core.preview import OptionalHeadlessPreviewMixin
from search.fields import analysed_search_fields


class EventKind(models.TextChoices):
    EVENT = "event", _("event")
    PARTICIPATION = "participation", _("youth participation activity")


class EventQuerySet(PageQuerySet):
    def upcoming(self):
        """Live events that have not ended yet, soonest first."""
        now = timezone.now()
        return self.live().filter(models.Q(end__gte=now) | models.Q(end__isnull=True, start__gte=now)).order_by("start")


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(IndexPage):
    """Upcoming events in date order, then the last twenty past ones."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).filter(alias_of__isnull=True).select_related("image")
        context["upcoming"] = events.upcoming()
        context["past"] = (
            events.live()
            .filter(start__lt=timezone.now())
            .exclude(pk__in=context["upcoming"].values("pk"))
            .order_by("-start")[:20]
        )
        return context


class EventPage(OptionalHeadlessPreviewMixin, PageImageMixin, Page):
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=EventKind.choices,
        default=EventKind.EVENT,
        help_text=_("Youth participation activities are listed on the youth panel's page too."),
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True, help_text=_("Venue and town."))
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Where to join an online event."))
    registration_url = models.URLField(_("registration link"), blank=True)
    audiences = ParentalManyToManyField("resources.Audience", verbose_name=_("audiences"), blank=True, related_name="+")
    lead = models.TextField(_("lead"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    objects = EventManager()

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        PageImageMixin.image_panel,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("place"),
                FieldPanel("online_url"),
                FieldPanel("registration_url"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("body"),
    ]
    classification_panels = [FieldPanel("audiences", widget=forms.CheckboxSelectMultiple)]
    edit_handler = tabbed_edit_handler(content_panels, classification_panels)
    # What Wagtail's API v2 (/api/v2/pages/?type=…&fields=*) shows.
    api_fields = [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("online_url"),
        APIField("registration_url"),
        v2_terms("audiences"),
        APIField("lead"),
        APIField("body"),
        v2_picture("image"),
    ]
    search_fields = analysed_search_fields(summary="lead", body=["body"]) + [index.FilterField("start")]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def when_label(self):
        """``8. října 2026, 16:00–17:30`` in the active language, each date said once."""
        start = timezone.localtime(self.start)
        if self.end is None:
            return date_format(start, "DATETIME_FORMAT")
        end = timezone.localtime(self.end)
        if start.date() == end.date():
            return f"{date_format(start, 'DATE_FORMAT')}, {time_format(start)}–{time_format(end)}"
        return f"{date_format(start, 'DATETIME_FORMAT')} – {date_format(end, 'DATETIME_FORMAT')}"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if not self.place and not self.online_url:
            errors["place"] = _("Give a place, an online link, or both.")
        if errors:
            raise ValidationError(errors)
