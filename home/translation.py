"""django-modeltranslation registration: the partners directory's texts in cs and en (one
entry, one id in both languages, like the taxonomy; DESIGN.md §3.1)."""

from modeltranslation.translator import TranslationOptions, register

from .models import PartnerOrganisation


@register(PartnerOrganisation)
class PartnerOrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description", "cooperation")
    required_languages = {"cs": ("name",), "en": ("name",)}
