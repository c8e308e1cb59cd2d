"""``/api/v1/toolkits/``, ``sections/``, ``news/``, ``events/``: the site's pages."""

import datetime

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema

from cms.core.api.errors import InvalidParameter
from cms.core.api.pages import PageDetailAPIView, PageListAPIView, list_parameters
from cms.core.api.parameters import boolean_parameter, choice_filter
from resources.api.filters import filter_by_terms

from ..models import EventKind, EventPage, NewsPage, SectionPage, ToolkitPage
from . import serializers


class ToolkitListView(PageListAPIView):
    """Toolkits in one language; filter by audience and topic."""

    model = ToolkitPage
    serializer_class = serializers.ToolkitSerializer
    detail_view_name = "api:toolkit-detail"
    prefetch_related = ("audiences", "topics")
    ordering = ("title", "pk")

    def filter_pages(self, queryset, request):
        return filter_by_terms(queryset, request, audience="audiences", topic="topics").defer_streamfields()

    @extend_schema(
        parameters=list_parameters(
            OpenApiParameter("audience", str, many=True), OpenApiParameter("topic", str, many=True)
        )
    )
    def get(self, request):
        return super().get(request)


class ToolkitDetailView(PageDetailAPIView):
    """One toolkit with its steps and the resource cards it chooses."""

    model = ToolkitPage
    serializer_class = serializers.ToolkitDetailSerializer
    detail_view_name = "api:toolkit-detail"
    prefetch_related = ("audiences", "topics")


class SectionListView(PageListAPIView):
    """The audience sections of one language."""

    model = SectionPage
    serializer_class = serializers.SectionSerializer
    detail_view_name = "api:section-detail"
    select_related = ("locale", "audience")
    ordering = ("path",)

    @extend_schema(parameters=list_parameters())
    def get(self, request):
        return super().get(request)


class SectionDetailView(PageDetailAPIView):
    model = SectionPage
    serializer_class = serializers.SectionSerializer
    detail_view_name = "api:section-detail"
    select_related = ("locale", "audience")


def date_parameter(request, name):
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError as exc:
        raise InvalidParameter({name: _("Give a date as YYYY-MM-DD.")}) from exc


class NewsListView(PageListAPIView):
    """News of one language, newest first; filter by topic and date range."""

    model = NewsPage
    serializer_class = serializers.NewsSerializer
    detail_view_name = "api:news-detail"
    prefetch_related = ("topics",)
    ordering = ("-date", "-pk")

    def filter_pages(self, queryset, request):
        queryset = filter_by_terms(queryset, request, topic="topics")
        date_from, date_to = date_parameter(request, "date_from"), date_parameter(request, "date_to")
        if date_from:
            queryset = queryset.filter(date__gte=date_from)
        if date_to:
            queryset = queryset.filter(date__lte=date_to)
        return queryset.defer_streamfields()

    @extend_schema(
        parameters=list_parameters(
            OpenApiParameter("topic", str, many=True),
            OpenApiParameter("date_from", OpenApiTypes.DATE),
            OpenApiParameter("date_to", OpenApiTypes.DATE),
        )
    )
    def get(self, request):
        return super().get(request)


class NewsDetailView(PageDetailAPIView):
    model = NewsPage
    serializer_class = serializers.NewsDetailSerializer
    detail_view_name = "api:news-detail"
    prefetch_related = ("topics",)


class EventListView(PageListAPIView):
    """Events of one language, soonest first; ``upcoming=1`` leaves out finished ones."""

    model = EventPage
    serializer_class = serializers.EventSerializer
    detail_view_name = "api:event-detail"
    prefetch_related = ("audiences",)
    ordering = ("start", "pk")

    def filter_pages(self, queryset, request):
        queryset = filter_by_terms(queryset, request, audience="audiences")
        queryset = choice_filter(queryset, request, "kind", EventKind.choices, "kind")
        if boolean_parameter(request, "upcoming"):
            queryset = queryset.filter(pk__in=EventPage.objects.upcoming().values("pk"))
        return queryset.defer_streamfields()

    @extend_schema(
        parameters=list_parameters(
            OpenApiParameter("upcoming", bool, description="Only events that have not ended."),
            OpenApiParameter("audience", str, many=True),
            OpenApiParameter(
                "kind", str, many=True, enum=list(EventKind.values), description="`participation`: the youth panel's."
            ),
        )
    )
    def get(self, request):
        return super().get(request)


class EventDetailView(PageDetailAPIView):
    model = EventPage
    serializer_class = serializers.EventDetailSerializer
    detail_view_name = "api:event-detail"
    prefetch_related = ("audiences",)
