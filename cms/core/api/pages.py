"""Building blocks shared by every page endpoint: live pages in a language, the common
fields, and list/detail views with caching, pagination and batched translations."""

from django.conf import settings
from django.db.models import Q, Subquery
from django.shortcuts import get_object_or_404
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from .caching import CachedGetMixin, cached_get
from .locale import requested_locale, wants_fallback
from .pagination import ApiPagination
from .schema import ListSchema
from .translations import TranslatableFieldsMixin, translations_by_key

LOCALE_PARAMETERS = [
    OpenApiParameter(
        "locale",
        str,
        enum=[code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
        description=f"Language; else Accept-Language, else {settings.LANGUAGE_CODE}.",
    ),
    OpenApiParameter(
        "fallback",
        bool,
        description=f"Fill missing translations from {settings.LANGUAGE_CODE}, marked is_fallback.",
    ),
]
PAGINATION_PARAMETERS = [
    OpenApiParameter("page", OpenApiTypes.INT),
    OpenApiParameter("page_size", OpenApiTypes.INT, description="1 to 100, default 20."),
]


def list_parameters(*filters):
    """A list endpoint's documented query parameters: language, its filters, pagination."""
    return [*LOCALE_PARAMETERS, *filters, *PAGINATION_PARAMETERS]


def live_pages(model):
    """Published, public pages that are not synchronised placeholders (aliases)."""
    return model.objects.live().public().filter(alias_of__isnull=True)


def in_language(queryset, locale, fallback):
    """Pages in ``locale``; with ``fallback`` also default-language pages not translated into it."""
    if not fallback or locale.language_code == settings.LANGUAGE_CODE:
        return queryset.filter(locale=locale)
    translated = live_pages(queryset.model).filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale)
        | Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(translation_key__in=Subquery(translated))
    )


class PageSerializer(TranslatableFieldsMixin, serializers.ModelSerializer):
    html_url = serializers.SerializerMethodField(help_text="The page on the centre's site.")

    base_fields = [
        "id",
        "title",
        "slug",
        "locale",
        "html_url",
        "first_published_at",
        "last_published_at",
        "translation_key",
        "translations",
        "is_fallback",
    ]

    def get_html_url(self, page) -> str:
        return page.get_full_url(self.context.get("request"))


class PageAPIMixin:
    model = None
    detail_view_name = None
    select_related = ("locale",)
    prefetch_related = ()

    def serializer_context(self, pages, language=None):
        return {
            "request": self.request,
            "translations": translations_by_key(pages),
            "detail_view_name": self.detail_view_name,
            "requested_language": language,
        }


class PageListAPIView(CachedGetMixin, PageAPIMixin, GenericAPIView):
    """A paginated list of live pages of ``model`` in the requested language."""

    pagination_class = ApiPagination
    ordering = ("-first_published_at", "-pk")
    schema = ListSchema()

    def filter_pages(self, queryset, request):
        """Apply the endpoint's own query parameters (raise InvalidParameter on bad ones)."""
        return queryset

    def extra_data(self, queryset):
        """Anything added beside ``results`` (e.g. facets)."""
        return {}

    def count_of(self, queryset):
        """The size of the filtered result set when the view knows it without a query (else None)."""
        return None

    @cached_get
    def get(self, request):
        locale = requested_locale(request)
        with translation.override(locale.language_code):
            queryset = in_language(live_pages(self.model), locale, wants_fallback(request))
            queryset = self.filter_pages(queryset.order_by(*self.ordering), request)
            self.known_count = self.count_of(queryset)
            page = self.paginate_queryset(
                queryset.select_related(*self.select_related).prefetch_related(*self.prefetch_related)
            )
            serializer = self.get_serializer_class()(
                page, many=True, context=self.serializer_context(page, locale.language_code)
            )
            response = self.get_paginated_response(serializer.data)
            response.data.update(self.extra_data(queryset))
        return response


class PageDetailAPIView(CachedGetMixin, PageAPIMixin, GenericAPIView):
    """One live page of ``model``, in its own language."""

    detail_select_related = ()

    @cached_get
    def get(self, request, pk):
        page = get_object_or_404(
            live_pages(self.model).select_related(*self.select_related, *self.detail_select_related), pk=pk
        )
        with translation.override(page.locale.language_code):
            return Response(self.get_serializer_class()(page, context=self.serializer_context([page])).data)
