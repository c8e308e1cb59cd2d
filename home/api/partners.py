"""``/api/v1/partners/``: the public partners directory, in the requested language."""

from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from cms.core.api.caching import CachedGetMixin, cached_get
from cms.core.api.errors import InvalidParameter
from cms.core.api.locale import requested_locale
from cms.core.api.media import image_representation
from cms.core.api.pages import LOCALE_PARAMETERS
from cms.core.filtering import repeated_values, unknown_value

from ..models import PartnerKind, PartnerOrganisation
from ..models.partners import listed_partners


class PartnerKindSerializer(serializers.Serializer):
    slug = serializers.ChoiceField(choices=PartnerKind.values)
    name = serializers.CharField(help_text="In the requested language.")


class PartnerOrganisationSerializer(serializers.ModelSerializer):
    kind = serializers.SerializerMethodField()
    website = serializers.SerializerMethodField()
    logo = serializers.SerializerMethodField()

    class Meta:
        model = PartnerOrganisation
        fields = ["id", "slug", "name", "kind", "description", "cooperation", "website", "logo"]

    @extend_schema_field(PartnerKindSerializer)
    def get_kind(self, partner):
        return {"slug": partner.kind, "name": str(PartnerKind(partner.kind).label)}

    def get_website(self, partner) -> str | None:
        return partner.website or None

    def get_logo(self, partner) -> dict | None:
        return image_representation(partner.logo, self.context.get("request"), alt=partner.name)


PARTNER_LIST = inline_serializer(
    "PartnerList",
    {"count": serializers.IntegerField(), "results": PartnerOrganisationSerializer(many=True)},
)


def _kinds(request):
    """The ``kind`` values asked for (repeatable or comma-separated); 400 naming ``kind``."""
    wanted = repeated_values(request.query_params, "kind")
    valid = list(PartnerKind.values)
    unknown = [value for value in wanted if value not in valid]
    if unknown:
        raise InvalidParameter({"kind": [unknown_value(unknown[0], valid)]})
    return wanted


class PartnerListView(CachedGetMixin, GenericAPIView):
    """Every listed partner, grouped by kind in a fixed order, in the requested language."""

    serializer_class = PartnerOrganisationSerializer

    @extend_schema(
        parameters=[
            *LOCALE_PARAMETERS[:1],
            OpenApiParameter("kind", str, many=True, enum=list(PartnerKind.values), description="Repeat for several."),
        ],
        responses=PARTNER_LIST,
    )
    @cached_get
    def get(self, request):
        locale = requested_locale(request)
        partners = listed_partners(_kinds(request))
        with translation.override(locale.language_code):
            results = PartnerOrganisationSerializer(partners, many=True, context={"request": request}).data
            return Response({"count": len(results), "results": results})
