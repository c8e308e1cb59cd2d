"""``/api/v1/search/`` across the site's content and ``/api/v1/search/suggest/``."""

from urllib.parse import urlencode, urlsplit

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from cms.api.caching import CachedGetMixin, cached_get
from cms.api.errors import InvalidParameter
from cms.api.locale import requested_locale
from cms.api.pages import LOCALE_PARAMETERS, list_parameters
from cms.api.pagination import ApiPagination
from resources.api.facets import facet_counts
from resources.api.filters import filter_resources, load_taxonomy, values
from resources.models import Audience, ResourcePage, ResourceType, Topic

from .. import service
from ..analysis import query_terms
from ..kinds import SUMMARY_FIELDS, hit_snippet, searchable_kinds, specific_pages, visible_kinds
from .params import query_text, search_languages

RESOURCE_FILTERS = ("audience", "topic", "resource_type", "age")
DETAIL_VIEWS = {
    "resource": "api:resource-detail",
    "toolkit": "api:toolkit-detail",
    "news": "api:news-detail",
    "event": "api:event-detail",
}

Q_PARAMETER = OpenApiParameter(
    "q", str, required=True, description="1–200 characters; any inflected form, with or without diacritics."
)
FACET = {"slug": serializers.CharField(), "name": serializers.CharField(), "count": serializers.IntegerField()}
HITS = inline_serializer(
    "SearchHit",
    many=True,
    fields={
        "id": serializers.IntegerField(),
        "kind": serializers.ChoiceField(choices=list(SUMMARY_FIELDS)),
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
        "meta": inline_serializer(
            "SearchMeta", {"engine": serializers.ChoiceField(choices=["database", "elasticsearch"])}
        ),
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
                "slug": serializers.CharField(required=False, help_text="For a taxonomy term."),
            },
            many=True,
        ),
        "meta": inline_serializer("SuggestMeta", {"engine": serializers.CharField()}),
    },
)


def requested_kinds(request):
    kinds = searchable_kinds()
    wanted = values(request, "type") or list(kinds)
    unknown = [kind for kind in wanted if kind not in kinds]
    if unknown:
        raise InvalidParameter(
            {
                "type": [
                    _("Unknown value “%(value)s”; valid values: %(valid)s.")
                    % {"value": unknown[0], "valid": ", ".join(kinds)}
                ]
            }
        )
    if any(request.query_params.get(name) for name in RESOURCE_FILTERS):
        if "resource" not in wanted:
            raise InvalidParameter({"type": [_("Resource filters need type=resource (or no type).")]})
        wanted = ["resource"]  # audience, topic, type and age describe resources only
    return wanted


class SearchView(CachedGetMixin, GenericAPIView):
    """Search resources, toolkits, news, events and articles of one language."""

    pagination_class = ApiPagination

    @extend_schema(
        operation_id="search",
        parameters=list_parameters(
            Q_PARAMETER,
            OpenApiParameter("type", str, many=True, enum=list(SUMMARY_FIELDS), description="Kinds of page."),
            OpenApiParameter("audience", str, many=True, description="Audience slug (resources only)."),
            OpenApiParameter("topic", str, many=True, description="Topic slug (resources only)."),
            OpenApiParameter("resource_type", str, many=True, description="Resource type slug (resources only)."),
            OpenApiParameter("age", OpenApiTypes.INT, many=True, description="An age in the resource's range."),
        ),
        responses=SEARCH_RESPONSE,
    )
    @cached_get
    def get(self, request):
        locale = requested_locale(request)
        with translation.override(locale.language_code):
            text = query_text(request)
            kinds = requested_kinds(request)
            taxonomy = load_taxonomy()
            resources = filter_resources(
                ResourcePage.objects.all(), request, taxonomy, renamed={"type": "resource_type"}
            )
            hits = service.search(text, search_languages(request), [searchable_kinds()[k][0] for k in kinds])
            kind_of_hit = visible_kinds(hits.ids)
            if kinds == ["resource"]:
                allowed = set(resources.filter(pk__in=hits.ids).values_list("pk", flat=True))
                kind_of_hit = {pk: kind for pk, kind in kind_of_hit.items() if pk in allowed}
            ids = [pk for pk in hits.ids if pk in kind_of_hit]
            page_ids = self.paginate_queryset(ids)
            results = self.serialize(page_ids, kinds, kind_of_hit, hits, query_terms(text, locale.language_code))
            response = self.get_paginated_response(results)
            resource_hits = ResourcePage.objects.filter(pk__in=[pk for pk in ids if kind_of_hit[pk] == "resource"])
            term_facets = facet_counts(resource_hits, taxonomy)
            counted = list(kind_of_hit.values())
            kind_counts = hits.facets.get("kind") if kinds != ["resource"] else None  # the engine's, if it counted
            response.data["facets"] = {
                "kind": [
                    {
                        "slug": kind,
                        "name": str(label),
                        "count": kind_counts.get(kind, 0) if kind_counts else counted.count(kind),
                    }
                    for kind, (_model, label) in searchable_kinds().items()
                ],
                "audience": term_facets["audience"],
                "topic": term_facets["topic"],
                "resource_type": term_facets["type"],
            }
            response.data["meta"] = {"engine": hits.engine}
            self.degraded = hits.engine != service.preferred_engine()
        return response

    def serialize(self, ids, kinds, kind_of_hit, hits, terms):
        pages = specific_pages(ids, kinds)
        results = []
        for pk in ids:
            page, kind = pages[pk], kind_of_hit[pk]
            language = page.locale.language_code
            snippet = hit_snippet(page, kind, hits, terms)
            results.append(
                {
                    "id": pk,
                    "kind": kind,
                    "title": page.title,
                    "locale": language,
                    "html_url": page.get_full_url(self.request),
                    "api_url": self.api_url(page, kind),
                    "snippet": snippet,
                }
            )
        return results

    def api_url(self, page, kind):
        if kind in DETAIL_VIEWS:
            return self.request.build_absolute_uri(reverse(DETAIL_VIEWS[kind], args=[page.pk]))
        path = urlsplit(page.get_url(self.request) or "").path
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
            labels = [
                (kind, term.slug, term.name)
                for kind, model in (("topic", Topic), ("audience", Audience), ("resource-type", ResourceType))
                for term in model.objects.all()
            ]
            models = [model for model, _label in searchable_kinds().values()]
            engine, suggestions = service.suggest(text, locale.language_code, models, labels)
        self.degraded = engine != service.preferred_engine()
        return Response({"results": suggestions, "meta": {"engine": engine}})
