"""``/api/v1/academy/workshops/`` and ``/api/v1/academy/programmes/``: the Academy's
catalogue and its programmes, in one language, for the centre's frontend and schools."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers

from cms.core.api.pages import PageDetailAPIView, PageListAPIView, PageSerializer, list_parameters
from cms.core.api.parameters import boolean_parameter, choice_filter
from resources.api.filters import filter_by_terms
from resources.api.serializers import TermSerializer

from ..models.academy import ProgrammePage, Region, WorkshopFormat, WorkshopPage
from .serializers import StreamBlocksField


@extend_schema_field(
    {
        "type": "object",
        "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
        "required": ["slug", "name"],
    }
)
class ChoiceLabelField(serializers.Field):
    """A choice as ``{"slug", "name"}``, its name in the requested language."""

    def __init__(self, choices, **kwargs):
        super().__init__(read_only=True, **kwargs)
        self.labels = dict(choices)

    def to_representation(self, value):
        return {"slug": value, "name": str(self.labels[value])}


class WorkshopSerializer(PageSerializer):
    audiences = TermSerializer(many=True, read_only=True)
    topics = TermSerializer(many=True, read_only=True)
    format = ChoiceLabelField(WorkshopFormat.choices)

    class Meta:
        model = WorkshopPage
        fields = [
            *PageSerializer.base_fields,
            "lead",
            "audiences",
            "topics",
            "age_min",
            "age_max",
            "length_minutes",
            "format",
            "lecturer_profile",
        ]


class WorkshopDetailSerializer(WorkshopSerializer):
    body = StreamBlocksField(help_text="The workshop's blocks.")

    class Meta(WorkshopSerializer.Meta):
        fields = [*WorkshopSerializer.Meta.fields, "body"]


class ProgrammeSerializer(PageSerializer):
    audiences = TermSerializer(many=True, read_only=True)
    region = ChoiceLabelField(Region.choices)
    price = serializers.DecimalField(
        max_digits=8, decimal_places=2, allow_null=True, read_only=True, help_text="CZK per participant; null: free."
    )
    accepts_registrations = serializers.BooleanField(
        read_only=True, help_text="Registration is open (POST …/registrations/)."
    )

    class Meta:
        model = ProgrammePage
        fields = [
            *PageSerializer.base_fields,
            "lead",
            "region",
            "city",
            "venue",
            "start",
            "end",
            "capacity",
            "price",
            "accepts_registrations",
            "audiences",
        ]


class ProgrammeDetailSerializer(ProgrammeSerializer):
    body = StreamBlocksField(help_text="The programme's blocks.")

    class Meta(ProgrammeSerializer.Meta):
        fields = [*ProgrammeSerializer.Meta.fields, "body"]


class WorkshopListView(PageListAPIView):
    """The workshop catalogue in one language; filter by audience, topic and format."""

    model = WorkshopPage
    serializer_class = WorkshopSerializer
    detail_view_name = "api:academy-workshop-detail"
    prefetch_related = ("audiences", "topics")
    ordering = ("title", "pk")

    def filter_pages(self, queryset, request):
        queryset = filter_by_terms(queryset, request, audience="audiences", topic="topics")
        return choice_filter(queryset, request, "format", WorkshopFormat.choices, "format").defer_streamfields()

    @extend_schema(
        parameters=list_parameters(
            OpenApiParameter("audience", str, many=True),
            OpenApiParameter("topic", str, many=True),
            OpenApiParameter("format", str, many=True, enum=list(WorkshopFormat.values)),
        )
    )
    def get(self, request):
        return super().get(request)


class WorkshopDetailView(PageDetailAPIView):
    model = WorkshopPage
    serializer_class = WorkshopDetailSerializer
    detail_view_name = "api:academy-workshop-detail"
    prefetch_related = ("audiences", "topics")


class ProgrammeListView(PageListAPIView):
    """Programmes in one language, soonest first; filter by region and audience,
    ``upcoming=1`` leaves out those that have ended."""

    model = ProgrammePage
    serializer_class = ProgrammeSerializer
    detail_view_name = "api:academy-programme-detail"
    prefetch_related = ("audiences",)
    ordering = ("start", "pk")

    def filter_pages(self, queryset, request):
        queryset = filter_by_terms(queryset, request, audience="audiences")
        queryset = choice_filter(queryset, request, "region", Region.choices, "region")
        if boolean_parameter(request, "upcoming"):
            queryset = queryset.filter(end__gte=timezone.localdate())
        return queryset.defer_streamfields()

    @extend_schema(
        parameters=list_parameters(
            OpenApiParameter("region", str, many=True, enum=list(Region.values)),
            OpenApiParameter("audience", str, many=True),
            OpenApiParameter("upcoming", bool, description="Only programmes that have not ended."),
        )
    )
    def get(self, request):
        return super().get(request)


class ProgrammeDetailView(PageDetailAPIView):
    model = ProgrammePage
    serializer_class = ProgrammeDetailSerializer
    detail_view_name = "api:academy-programme-detail"
    prefetch_related = ("audiences",)
