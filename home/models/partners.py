"""The public directory of the centre's partners: government agencies, ISPs, industry, user
organisations, schools and NGOs the centre works with, and the page that lists them.

A directory entry is a plain model whose texts are translated side by side with
django-modeltranslation (``name_cs``/``name_en``…), like the taxonomy: one entry, one id,
in both languages. It is not an API partner (``cms.partners.Partner``, a key to the API),
though an API partner may point to its entry.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from search.fields import analysed_search_fields


class PartnerKind(models.TextChoices):
    GOVERNMENT = "government", _("government agency")
    ISP = "isp", _("internet service provider")
    INDUSTRY = "industry", _("industry")
    USER_ORGANISATION = "user-organisation", _("user organisation")
    EDUCATION = "education", _("education")
    NGO = "ngo", _("NGO")


class PartnerOrganisation(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Its name in the API and in links."))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    description = models.TextField(_("description"), blank=True)
    cooperation = models.CharField(
        _("area of cooperation"),
        max_length=300,
        blank=True,
        help_text=_("What the centre and this partner do together."),
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    listed = models.BooleanField(_("listed"), default=True, help_text=_("Shown on the site and in the API."))
    sort_order = models.IntegerField(_("order"), default=0, help_text=_("Lower comes first within its kind."))

    panels = [
        FieldRowPanel([FieldPanel("name_cs"), FieldPanel("name_en")], heading=_("name")),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("slug")]),
        MultiFieldPanel([FieldPanel("description_cs"), FieldPanel("description_en")], heading=_("description")),
        FieldRowPanel([FieldPanel("cooperation_cs"), FieldPanel("cooperation_en")], heading=_("area of cooperation")),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("listed"), FieldPanel("sort_order")]),
    ]

    class Meta:
        verbose_name = _("partner in the directory")
        verbose_name_plural = _("partners directory")
        ordering = ["kind", "sort_order", "slug"]

    def __str__(self):
        return self.name


class PartnerDirectoryPage(Page):
    """The site's page listing the partners, grouped by kind, in the page's language."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = analysed_search_fields(summary="intro")

    class Meta:
        verbose_name = _("partners directory page")
        verbose_name_plural = _("partners directory pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = listed_by_kind()
        return context


def listed_partners(kinds=()):
    """The listed entries (of ``kinds``, or all) in the directory's order: by kind as
    ``PartnerKind`` lists the kinds (not alphabetically), then by order and slug; their
    logos' renditions read in the same two queries whatever their number."""
    position = {value: number for number, value in enumerate(PartnerKind.values)}
    partners = PartnerOrganisation.objects.filter(listed=True).select_related("logo")
    if kinds:
        partners = partners.filter(kind__in=kinds)
    partners = partners.prefetch_related("logo__renditions")
    return sorted(partners, key=lambda partner: (position[partner.kind], partner.sort_order, partner.slug))


def listed_by_kind():
    """``[(kind label, [partners])]`` in the order of ``PartnerKind``, empty kinds left out."""
    partners = listed_partners()
    return [
        (label, [partner for partner in partners if partner.kind == value])
        for value, label in PartnerKind.choices
        if any(partner.kind == value for partner in partners)
    ]
