"""``/api/v1/campaigns/``: campaigns in one language, newest first, with their assets, the
toolkits and resources they point to, and the approved activities' totals."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers

from cms.core.api.pages import PageDetailAPIView, PageListAPIView, PageSerializer, list_parameters
from cms.core.api.parameters import boolean_parameter

from ..models.campaigns import CampaignPage
from .serializers import StreamBlocksField

TOTALS = inline_serializer(
    "CampaignActivityTotals", {"activities": serializers.IntegerField(), "reach": serializers.IntegerField()}
)


class CampaignSerializer(PageSerializer):
    accepts_activities = serializers.BooleanField(
        read_only=True, help_text="Activities can be registered (POST …/activities/)."
    )

    class Meta:
        model = CampaignPage
        fields = [*PageSerializer.base_fields, "start", "end", "key_message", "lead", "accepts_activities"]


class CampaignDetailSerializer(CampaignSerializer):
    body = StreamBlocksField(help_text="The campaign's blocks.")
    assets = StreamBlocksField(help_text="Posters, social cards and documents to share.")
    related = StreamBlocksField(help_text="The toolkits and resources the campaign points to.")
    activities = serializers.SerializerMethodField(help_text="Approved activities and the people they reach.")

    class Meta(CampaignSerializer.Meta):
        fields = [*CampaignSerializer.Meta.fields, "body", "assets", "related", "activities"]

    @extend_schema_field(TOTALS)
    def get_activities(self, campaign):
        return campaign.activity_totals()


class CampaignListView(PageListAPIView):
    """Campaigns of one language, newest first; ``current=1`` leaves out those that ended."""

    model = CampaignPage
    serializer_class = CampaignSerializer
    detail_view_name = "api:campaign-detail"
    ordering = ("-start", "pk")

    def filter_pages(self, queryset, request):
        if boolean_parameter(request, "current"):
            queryset = queryset.filter(end__gte=timezone.localdate())
        return queryset.defer_streamfields()

    @extend_schema(parameters=list_parameters(OpenApiParameter("current", bool, description="Only running or coming.")))
    def get(self, request):
        return super().get(request)


class CampaignDetailView(PageDetailAPIView):
    model = CampaignPage
    serializer_class = CampaignDetailSerializer
    detail_view_name = "api:campaign-detail"
