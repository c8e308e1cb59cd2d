"""django-modeltranslation registration: taxonomy labels in cs and en.

Only plain vocabularies are registered here, never a model with wagtail-localize's
TranslatableMixin (DESIGN.md §6).
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Audience, ResourceType, Topic


class TaxonomyTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"cs": ("name",), "en": ("name",)}


register(Audience)(TaxonomyTranslationOptions)
register(Topic)(TaxonomyTranslationOptions)
register(ResourceType)(TaxonomyTranslationOptions)
