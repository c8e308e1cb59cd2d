"""``/api/v1/resources/`` and ``/api/v1/taxonomy/…``: the resource library and its vocabularies."""

from django.db.models import Count, Q
from django.utils import translation
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from cms.core.api.caching import CachedGetMixin, cached_get, memo
from cms.core.api.fields import attach_terms
from cms.core.api.locale import requested_locale
from cms.core.api.pages import LOCALE_PARAMETERS, PageDetailAPIView, PageListAPIView, list_parameters
from search.api.counting import CountsSearches
from search.api.meta import SEARCH_META, search_meta
from search.api.params import search_hits
from search.service import preferred_engine

from ..models import Audience, ResourcePage, ResourceType, Topic
from .facets import FilterSetCounts, filter_set_key
from .filters import ORDERINGS, filter_resources, load_taxonomy, ordered_resources
from .serializers import ResourceDetailSerializer, ResourceSerializer

LIST_PARAMETERS = list_parameters(
    OpenApiParameter(
        "q",
        str,
        description="Search words (1–200 characters), in any inflected form, with or without diacritics. "
        "Results are then ordered by relevance unless `ordering` says otherwise.",
    ),
    OpenApiParameter("audience", str, many=True, description="Audience slug; repeat for any of several."),
    OpenApiParameter("topic", str, many=True, description="Topic slug; repeat for any of several."),
    OpenApiParameter("type", str, many=True, description="Resource type slug; repeat for any of several."),
    OpenApiParameter("age", OpenApiTypes.INT, many=True, description="An age (0–99) inside the resource's range."),
    OpenApiParameter(
        "ordering",
        str,
        enum=[*ORDERINGS, "relevance"],
        description="Default -first_published_at; relevance (the default with `q`) orders by the default without `q`.",
    ),
)
FACET = {"slug": serializers.CharField(), "name": serializers.CharField(), "count": serializers.IntegerField()}
FACETS = inline_serializer(
    "ResourceFacets",
    {
        "audience": inline_serializer("AudienceFacet", FACET, many=True),
        "topic": inline_serializer("TopicFacet", FACET, many=True),
        "type": inline_serializer("TypeFacet", FACET, many=True),
    },
)
RESOURCE_LIST = inline_serializer(
    "ResourceList",
    {
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": ResourceSerializer(many=True),
        "facets": FACETS,
        "meta": inline_serializer(
            "ResourceSearchMeta", SEARCH_META, required=False, help_text="With `q`: how the search went."
        ),
    },
)


class ResourceListView(CountsSearches, PageListAPIView):
    """Resources in one language, filtered, with facet counts for the whole result set."""

    model = ResourcePage
    serializer_class = ResourceSerializer
    detail_view_name = "api:resource-detail"
    select_related = ("locale", "resource_type")
    hits = None  # the search's, with ``q``

    def filter_pages(self, queryset, request):
        # The vocabularies change rarely, and every change bumps the content version.
        self.taxonomy = memo.value("resources:taxonomy", load_taxonomy)
        queryset = filter_resources(queryset, request, self.taxonomy)
        hits = self.hits = search_hits(request, [ResourcePage])
        if hits is not None:
            queryset = queryset.filter(pk__in=hits.ids)
            self.degraded = hits.engine != preferred_engine()
        return ordered_resources(queryset, request, hits and hits.ids).defer("body")

    def serializer_context(self, pages, language=None):
        # The audiences and topics of the page of results from their link tables (one query
        # each), labelled from the vocabularies already loaded: no term is built per row.
        terms = {
            model: list(self.taxonomy[param].values()) for param, model in (("audience", Audience), ("topic", Topic))
        }
        attach_terms(pages, ("audiences", "topics"), terms)
        return super().serializer_context(pages, language)

    def count_of(self, queryset):
        # The facet counts of the filter set, shared by all its pages, carry its size too.
        self.filter_set = FilterSetCounts(queryset, filter_set_key(self.request, translation.get_language()))
        return self.filter_set.total

    def extra_data(self, queryset):
        extra = {"facets": self.filter_set.facets(self.taxonomy)}
        if self.hits is not None:
            extra["meta"] = search_meta(self.hits)
        return extra

    # The response is described whole (it has facets beside the page of results).
    schema = AutoSchema()

    @extend_schema(operation_id="resources_list", parameters=LIST_PARAMETERS, responses=RESOURCE_LIST)
    def get(self, request):
        return super().get(request)


class ResourceDetailView(PageDetailAPIView):
    """One resource with its body as HTML, its document and its thumbnail."""

    model = ResourcePage
    serializer_class = ResourceDetailSerializer
    detail_view_name = "api:resource-detail"
    select_related = ("locale", "resource_type", "document", "thumbnail")
    prefetch_related = ("audiences", "topics")

    @extend_schema(responses=ResourceDetailSerializer)
    def get(self, request, pk):
        return super().get(request, pk)


class TermWithCountSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField(help_text="In the requested language.")
    description = serializers.CharField()
    resource_count = serializers.IntegerField(help_text="Live resources in the requested language.")


class TaxonomyView(CachedGetMixin, GenericAPIView):
    """Every term of one vocabulary, labelled in the requested language, with resource counts."""

    serializer_class = TermWithCountSerializer
    model = None
    relation = None

    @extend_schema(parameters=LOCALE_PARAMETERS[:1], responses=TermWithCountSerializer(many=True))
    @cached_get
    def get(self, request):
        locale = requested_locale(request)
        live = Q(**{f"{self.relation}__live": True, f"{self.relation}__locale": locale,
                    f"{self.relation}__alias_of__isnull": True})  # fmt: skip
        terms = self.model.objects.annotate(resource_count=Count(self.relation, filter=live, distinct=True))
        with translation.override(locale.language_code):
            return Response(TermWithCountSerializer(terms, many=True).data)


class AudienceListView(TaxonomyView):
    model, relation = Audience, "resources"


class TopicListView(TaxonomyView):
    model, relation = Topic, "resources"


class ResourceTypeListView(TaxonomyView):
    model, relation = ResourceType, "resources"
