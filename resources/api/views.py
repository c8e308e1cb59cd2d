"""``/api/v1/resources/``: the resource library for schools and partner sites."""

from django.conf import settings
from django.db.models import Q, Subquery
from django.shortcuts import get_object_or_404
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from cms.api.caching import cached_get
from cms.api.locale import requested_locale, wants_fallback
from cms.api.pagination import ApiPagination
from cms.api.translations import translations_by_key

from ..models import ResourcePage
from .facets import facet_counts
from .filters import ORDERINGS, filter_resources, load_taxonomy
from .serializers import ResourceDetailSerializer, ResourceSerializer

LOCALE_PARAMETERS = [
    OpenApiParameter("locale", str, enum=["cs", "en"], description="Language; else Accept-Language, else cs."),
    OpenApiParameter("fallback", bool, description="Fill missing translations from cs, marked is_fallback."),
]
LIST_PARAMETERS = [
    *LOCALE_PARAMETERS,
    OpenApiParameter("q", str, description="Words that must all appear in the title or summary."),
    OpenApiParameter("audience", str, many=True, description="Audience slug; repeat for any of several."),
    OpenApiParameter("topic", str, many=True, description="Topic slug; repeat for any of several."),
    OpenApiParameter("type", str, many=True, description="Resource type slug; repeat for any of several."),
    OpenApiParameter("age", OpenApiTypes.INT, many=True, description="An age (0–99) inside the resource's range."),
    OpenApiParameter("ordering", str, enum=list(ORDERINGS), description="Default -first_published_at."),
    OpenApiParameter("page", OpenApiTypes.INT),
    OpenApiParameter("page_size", OpenApiTypes.INT, description="1 to 100, default 20."),
]
FACET = {"slug": serializers.CharField(), "name": serializers.CharField(), "count": serializers.IntegerField()}
FACETS = inline_serializer(
    "ResourceFacets",
    {
        "audience": inline_serializer("AudienceFacet", FACET, many=True),
        "topic": inline_serializer("TopicFacet", FACET, many=True),
        "type": inline_serializer("TypeFacet", FACET, many=True),
    },
)


def live_resources():
    return ResourcePage.objects.live().public().filter(alias_of__isnull=True)


def in_language(queryset, locale, fallback):
    """Resources in ``locale``; with ``fallback`` also the default-language ones not translated into it."""
    if not fallback or locale.language_code == settings.LANGUAGE_CODE:
        return queryset.filter(locale=locale)
    translated = live_resources().filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale)
        | Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(translation_key__in=Subquery(translated))
    )


class ResourceListView(GenericAPIView):
    """Resources in one language, filtered, with facet counts for the whole result set."""

    serializer_class = ResourceSerializer
    pagination_class = ApiPagination

    def context_for(self, pages, language):
        return {
            "request": self.request,
            "translations": translations_by_key(pages),
            "detail_view_name": "api:resource-detail",
            "requested_language": language,
        }

    @extend_schema(
        parameters=LIST_PARAMETERS,
        responses=inline_serializer(
            "ResourceList",
            {
                "count": serializers.IntegerField(),
                "next": serializers.URLField(allow_null=True),
                "previous": serializers.URLField(allow_null=True),
                "results": ResourceSerializer(many=True),
                "facets": FACETS,
            },
        ),
    )
    @cached_get
    def get(self, request):
        locale = requested_locale(request)
        taxonomy = load_taxonomy()
        with translation.override(locale.language_code):
            queryset = in_language(live_resources(), locale, wants_fallback(request))
            queryset = filter_resources(queryset, request, taxonomy)
            page = self.paginate_queryset(
                queryset.select_related("locale", "resource_type").prefetch_related("audiences", "topics").defer("body")
            )
            serializer = ResourceSerializer(page, many=True, context=self.context_for(page, locale.language_code))
            response = self.get_paginated_response(serializer.data)
            response.data["facets"] = facet_counts(queryset, taxonomy)
        return response


class ResourceDetailView(GenericAPIView):
    """One resource with its body as HTML, its document and its thumbnail."""

    serializer_class = ResourceDetailSerializer

    @extend_schema(responses=ResourceDetailSerializer)
    @cached_get
    def get(self, request, pk):
        page = get_object_or_404(
            live_resources().select_related("locale", "resource_type", "document", "thumbnail"), pk=pk
        )
        with translation.override(page.locale.language_code):
            context = {
                "request": request,
                "translations": translations_by_key([page]),
                "detail_view_name": "api:resource-detail",
            }
            return Response(ResourceDetailSerializer(page, context=context).data)
