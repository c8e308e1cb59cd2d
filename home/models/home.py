"""The home page of each language tree and the audience section pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from cms.core.api.fields import v2_picture, v2_terms
from cms.core.blocks import RICH_TEXT_FEATURES, LinkBlock
from cms.core.page_image import PageImageMixin
from cms.core.panels import tabbed_edit_handler
from cms.core.preview import OptionalHeadlessPreviewMixin
from resources.models import ResourcePage

from .events import EventPage
from .news import NewsPage
from .toolkit import ToolkitPage


class HomePage(Page):
    """The root of one language tree (one per locale): lead, featured toolkits, news, help."""

    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences under the site title."))
    featured_toolkits = StreamField(
        [("toolkit", blocks.PageChooserBlock(page_type="home.ToolkitPage", label=_("Toolkit")))],
        verbose_name=_("featured toolkits"),
        blank=True,
        help_text=_("Toolkits shown first on the home page, in this order."),
    )
    help_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("links to help"),
        blank=True,
        help_text=_("The helpline, the hotline and other places to get help."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.SectionPage",
        "home.ArticlePage",
        "home.NewsIndexPage",
        "home.EventIndexPage",
        "home.PartnerDirectoryPage",
        "home.AcademyPage",
        "home.YouthPanelPage",
        "home.CampaignIndexPage",
        "resources.ResourceIndexPage",
    ]
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("featured_toolkits"),
        FieldPanel("help_links"),
    ]
    edit_handler = tabbed_edit_handler(content_panels)
    search_fields = Page.search_fields + [index.SearchField("lead")]
    api_fields = [APIField("lead"), APIField("featured_toolkits"), APIField("help_links")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def can_create_at(cls, parent):
        # One home page per locale: further ones are made by translating, not creating.
        return super().can_create_at(parent) and cls.objects.count() < Locale.objects.count()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        toolkits = (block.value.localized.specific for block in self.featured_toolkits if block.value)
        context["featured"] = [toolkit for toolkit in toolkits if toolkit.live]
        # Untranslated placeholders (aliases, the other language's text) are never listed.
        own = {"locale": self.locale, "alias_of__isnull": True}
        context["latest_news"] = NewsPage.objects.live().filter(**own).order_by("-date")[:3]
        context["upcoming_events"] = EventPage.objects.upcoming().filter(**own)[:3]
        context["sections"] = (
            SectionPage.objects.live().child_of(self).filter(**own).select_related("audience", "image")
        )
        return context


class SectionPage(OptionalHeadlessPreviewMixin, PageImageMixin, Page):
    """The landing page of one audience: its toolkits and resources."""

    audience = models.ForeignKey(
        "resources.Audience",
        verbose_name=_("audience"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Toolkits and resources for this audience are listed on the page."),
    )
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ToolkitPage", "home.ArticlePage"]
    content_panels = Page.content_panels + [FieldPanel("audience"), FieldPanel("intro"), PageImageMixin.image_panel]
    edit_handler = tabbed_edit_handler(content_panels)
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [v2_terms("audience", many=False), APIField("intro"), v2_picture("image")]

    class Meta:
        verbose_name = _("audience section")
        verbose_name_plural = _("audience sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["toolkits"] = (
            ToolkitPage.objects.live()
            .filter(locale=self.locale, audiences=self.audience, alias_of__isnull=True)
            .select_related("image")
            .order_by("title")
        )
        context["resources"] = (
            ResourcePage.objects.live()
            .filter(locale=self.locale, audiences=self.audience, alias_of__isnull=True)
            .select_related("resource_type", "thumbnail", "locale")
            .order_by("-first_published_at")[:12]
        )
        return context
