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
        known = self.context.get("translations", {}).get(page.translation_key, {})
        address = self.detail_address()
        return {code: address(pk) for code, pk in sorted(known.items()) if pk != page.pk}

    def detail_address(self):
        """``pk → the detail endpoint's address``, resolved once for a whole list (a list of
        a hundred items would otherwise reverse the route for every translation)."""
        if "_detail_address" not in self.context:
            request = self.context.get("request")
            placeholder = 9_876_543_210
            path = reverse(self.context["detail_view_name"], args=[placeholder])
            prefix, _marker, suffix = (request.build_absolute_uri(path) if request else path).rpartition(
                str(placeholder)
            )
            self.context["_detail_address"] = lambda pk: f"{prefix}{pk}{suffix}"
        return self.context["_detail_address"]

    def get_is_fallback(self, page) -> bool:
        wanted = self.context.get("requested_language")
        return bool(wanted) and page.locale.language_code != wanted
