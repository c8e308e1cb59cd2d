"""The ``locale``/``translation_key``/``translations`` fields every translatable item carries."""

from collections import defaultdict

from django.urls import reverse
from rest_framework import serializers
from wagtail.models import Page


def translations_by_key(pages):
    """``{translation_key: {language_code: page_id}}`` for the live, real (non-placeholder)
    versions of ``pages``, in one query."""
    keys = {page.translation_key for page in pages}
    found = defaultdict(dict)
    rows = (
        Page.objects.live()
        .filter(translation_key__in=keys, alias_of__isnull=True)
        .values_list("translation_key", "locale__language_code", "pk")
    )
    for key, code, pk in rows:
        found[key][code] = pk
    return found


class TranslatableFieldsMixin(serializers.Serializer):
    """Adds locale, translation_key, translations and is_fallback.

    The view puts ``translations`` (from ``translations_by_key``), ``detail_view_name``
    and, for lists, ``requested_language`` (items in another language are fallbacks)
    into the serializer context.
    """

    locale = serializers.SerializerMethodField()
    translation_key = serializers.UUIDField(read_only=True)
    translations = serializers.SerializerMethodField()
    is_fallback = serializers.SerializerMethodField()

    def get_locale(self, page) -> str:
        return page.locale.language_code

    def get_translations(self, page) -> dict[str, str]:
        request = self.context.get("request")
        known = self.context.get("translations", {}).get(page.translation_key, {})
        view_name = self.context["detail_view_name"]
        return {
            code: request.build_absolute_uri(reverse(view_name, args=[pk]))
            if request
            else reverse(view_name, args=[pk])
            for code, pk in sorted(known.items())
            if pk != page.pk
        }

    def get_is_fallback(self, page) -> bool:
        wanted = self.context.get("requested_language")
        return bool(wanted) and page.locale.language_code != wanted
