"""Controlled vocabularies used as filters in every language.

Plain models, one row per term: the slug is the stable identifier used in URLs and
the API (``?topic=cyberbullying`` means the same in Czech and English), and the labels
are translated with django-modeltranslation (``name_cs``/``name_en``), see
``resources/translation.py``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface


class TaxonomyTerm(models.Model):
    slug = models.SlugField(
        _("slug"),
        max_length=64,
        unique=True,
        help_text=_("Stable identifier used in URLs, filters and imports. Do not change it once in use."),
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [FieldPanel("name_cs"), FieldPanel("description_cs")],
                heading=_("Czech"),
            ),
            ObjectList(
                [FieldPanel("name_en"), FieldPanel("description_en")],
                heading=_("English"),
            ),
            ObjectList([FieldPanel("slug"), FieldPanel("sort_order")], heading=_("Settings")),
        ]
    )

    class Meta:
        abstract = True
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.name or self.slug


class Audience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Topic(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class ResourceType(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")
