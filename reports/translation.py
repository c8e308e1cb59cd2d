"""django-modeltranslation: the helpline's own vocabularies in cs and en (DESIGN.md §3.1)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ReferralService, Subcategory


@register(Subcategory)
class SubcategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(ReferralService)
class ReferralServiceTranslation(TranslationOptions):
    fields = ("name", "description")
