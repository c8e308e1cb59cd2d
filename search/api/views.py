"""``/api/v1/search/`` across the site's content and ``/api/v1/search/suggest/``."""

from urllib.parse import urlencode, urlsplit

from django.urls import reverse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from cms.core import page_kinds
from cms.core.api.caching import CachedGetMixin, cached_get
from cms.core.api.locale import requested_locale
from cms.core.api.pages import LOCALE_PARAMETERS, list_parameters
from cms.core.api.pagination import ApiPagination
from cms.core.filtering import repeated_values

from .. import service, spelling
from ..kinds import searchable_kinds
from ..suggestions import suggest_with_urls
from .counting import CountsSearches
from .meta import SEARCH_META, search_meta
from .params import query_text, search_languages

Q_PARAMETER = OpenApiParameter(
    "q", str, required=True, description="1–200 characters; any inflected form, with or without diacritics."
)
FACET = {"slug": serializers.CharField(), "name": serializers.CharField(), "count": serializers.IntegerField()}
HITS = inline_serializer(
    "SearchHit",
    many=True,
    fields={
        "id": serializers.IntegerField(),
        "kind": serializers.ChoiceField(choices=list(page_kinds.searchable())),
        "title": serializers.CharField(),
        "locale": serializers.CharField(),
        "html_url": serializers.URLField(),
        "api_url": serializers.URLField(help_text="The page in this API (by path for articles)."),
        "snippet": serializers.CharField(help_text="HTML: escaped text with the matching words in <mark>."),
    },
)
SEARCH_RESPONSE = inline_serializer(
    "SearchResults",
    {
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": HITS,
        "facets": inline_serializer(
            "SearchFacets",
            {
                "kind": inline_serializer("KindFacet", FACET, many=True),
                "audience": inline_serializer("SearchAudienceFacet", FACET, many=True),
                "topic": inline_serializer("SearchTopicFacet", FACET, many=True),
                "resource_type": inline_serializer("SearchTypeFacet", FACET, many=True),
            },
        ),
        "meta": inline_serializer("SearchMeta", SEARCH_META),
    },
)
SUGGEST_RESPONSE = inline_serializer(
    "Suggestions",
    {
        "results": inline_serializer(
            "Suggestion",
            {
                "text": serializers.CharField(),
                "kind": serializers.ChoiceField(choices=["page", "audience", "topic", "resource-type"]),
                "id": serializers.IntegerField(required=False, help_text="For a page."),
                "page_kind": serializers.CharField(
                    required=False, help_text="For a page: its kind (resource, toolkit, news, event, article)."
                ),
                "slug": serializers.CharField(required=False, help_text="For a taxonomy term."),
                "url": serializers.URLField(
                    help_text="Where the suggestion leads: the page, or the library filtered by the term."
                ),
            },
            many=True,
        ),
        "meta": inline_serializer(
            "SuggestMeta",
            {
                "engine": serializers.CharField(),
                "did_you_mean": serializers.CharField(
                    help_text="When nothing completes `q`: the words the site has that are closest to it (else empty)."
                ),
            },
        ),
    },
)


class SearchView(CountsSearches, CachedGetMixin, GenericAPIView):
    """Search resources, toolkits, news, events and articles of one language."""

    pagination_class = ApiPagination

    @extend_schema(
        operation_id="search",
        parameters=list_parameters(
            Q_PARAMETER,
            OpenApiParameter("kind", str, many=True, enum=list(page_kinds.searchable()), description="Kinds of page."),
            OpenApiParameter("audience", str, many=True, description="Audience slug (resources only)."),
            OpenApiParameter("topic", str, many=True, description="Topic slug (resources only)."),
            OpenApiParameter("type", str, many=True, description="Resource type slug (resources only)."),
            OpenApiParameter(
                "resource_type",
                str,
                many=True,
                deprecated=True,
                description="The former name of `type`, accepted in this version of the API.",
            ),
            OpenApiParameter("age", OpenApiTypes.INT, many=True, description="An age in the resource's range."),
        ),
        responses=SEARCH_RESPONSE,
    )
    @cached_get
    def get(self, request):
        locale = requested_locale(request)
        with translation.override(locale.language_code):
            text = query_text(request)
            found = service.find(
                text, search_languages(request), repeated_values(request.query_params, "kind"), request.query_params
            )
            response = self.get_paginated_response(self.serialize(found, self.paginate_queryset(found.ids)))
            response.data["facets"] = {
                "kind": [
                    {"slug": name, "name": str(label), "count": found.kind_counts[name]}
                    for name, (_model, label) in searchable_kinds().items()
                ],
                "audience": found.facets["audience"],
                "topic": found.facets["topic"],
                "resource_type": found.facets["type"],
            }
            response.data["meta"] = search_meta(found.hits)
            self.degraded = found.engine != service.preferred_engine()
        return response

    def serialize(self, found, ids):
        results = []
        for page, kind, snippet in found.results(ids):
            html_url = page.get_full_url(self.request)
            results.append(
                {
                    "id": page.pk,
                    "kind": kind,
                    "title": page.title,
                    "locale": page.locale.language_code,
                    "html_url": html_url,
                    "api_url": self.api_url(page, kind, html_url),
                    "snippet": snippet,
                }
            )
        return results

    def api_url(self, page, kind, html_url):
        detail_view = page_kinds.get(kind).detail_view
        if detail_view:
            return self.request.build_absolute_uri(reverse(detail_view, args=[page.pk]))
        # The path of the address already made: ``page.get_url`` would look the site up
        # again, one more query whenever a page without an endpoint is among the hits.
        path = urlsplit(html_url or "").path
        return self.request.build_absolute_uri(reverse("api:page-by-path") + "?" + urlencode({"path": path}))


class SuggestView(CachedGetMixin, GenericAPIView):
    """Completions of what someone is typing: page titles and taxonomy labels."""

    @extend_schema(
        operation_id="search_suggest", parameters=[LOCALE_PARAMETERS[0], Q_PARAMETER], responses=SUGGEST_RESPONSE
    )
    @cached_get
    def get(self, request):
        locale = requested_locale(request)
        with translation.override(locale.language_code):
            text = query_text(request)
            engine, suggestions = suggest_with_urls(text, locale.language_code)
        self.degraded = engine != service.preferred_engine()
        # Nothing completes what was typed: the index's own spelling of it, if it has one.
        did_you_mean = "" if suggestions else spelling.correct(text, locale.language_code)
        return Response({"results": suggestions, "meta": {"engine": engine, "did_you_mean": did_you_mean}})
