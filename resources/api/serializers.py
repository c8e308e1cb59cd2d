"""How resources look in the API (DESIGN.md §4)."""

from django.urls import reverse
from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from cms.core.api.fields import OptionalURLField, PrintPackField, TermSerializer, TermsField
from cms.core.api.media import document_representation, image_representation
from cms.core.api.pages import PageSerializer

from ..models import ResourcePage


class ResourceSerializer(PageSerializer):
    audiences = TermsField()
    topics = TermsField()
    resource_type = TermSerializer(read_only=True)
    url = OptionalURLField(source="external_url", help_text="The resource elsewhere, if any (else null).")

    class Meta:
        model = ResourcePage
        fields = [
            *PageSerializer.base_fields,
            "external_id",
            "summary",
            "audiences",
            "topics",
            "resource_type",
            "age_min",
            "age_max",
            "url",
        ]


class ResourceDetailSerializer(ResourceSerializer):
    body = serializers.SerializerMethodField(help_text="HTML; internal links resolved to page addresses.")
    licence = serializers.SerializerMethodField()
    document = serializers.SerializerMethodField()
    thumbnail = serializers.SerializerMethodField()
    print_url = PrintPackField()

    class Meta(ResourceSerializer.Meta):
        fields = [
            *ResourceSerializer.Meta.fields,
            *("body", "author", "publisher", "licence", "document", "thumbnail", "print_url"),
        ]

    def get_body(self, page) -> str:
        return expand_db_html(page.body)

    def get_licence(self, page) -> dict | None:
        return {"code": page.licence, "name": page.get_licence_display()} if page.licence else None

    def get_document(self, page) -> dict | None:
        return document_representation(page.document, self.context.get("request"))

    def get_thumbnail(self, page) -> dict | None:
        return image_representation(page.thumbnail, self.context.get("request"))


def resource_card(page, context=None):
    """A resource as a card inside a toolkit: enough to show it and link to it."""
    request = (context or {}).get("request")
    api_url = reverse("api:resource-detail", args=[page.pk])
    return {
        "id": page.pk,
        "title": page.title,
        "summary": page.summary,
        "resource_type": {"slug": page.resource_type.slug, "name": page.resource_type.name},
        "age_min": page.age_min,
        "age_max": page.age_max,
        "locale": page.locale.language_code,
        "html_url": page.get_full_url(request),
        "api_url": request.build_absolute_uri(api_url) if request else api_url,
    }
