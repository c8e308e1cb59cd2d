"""Page-number pagination: ``page`` and ``page_size`` (at most 100), clear errors."""

from functools import cached_property, partial

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

from .errors import InvalidParameter

MAX_PAGE_SIZE = 100


class CountedPaginator(Paginator):
    """A paginator told the size of its result set (a view that already knows it)."""

    def __init__(self, *args, known_count=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_count = known_count

    @cached_property
    def count(self):
        return super().count if self.known_count is None else self.known_count


class ApiPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE_SIZE:
            raise InvalidParameter({"page_size": _("Give a whole number from 1 to %(max)s.") % {"max": MAX_PAGE_SIZE}})
        return int(value)

    def paginate_queryset(self, queryset, request, view=None):
        page = request.query_params.get(self.page_query_param, "1")
        if not page.isdigit() or int(page) < 1:
            raise InvalidParameter({"page": _("Give a whole number from 1.")})
        # A view that knows the result set's size (``view.known_count``) saves the COUNT query.
        self.django_paginator_class = partial(CountedPaginator, known_count=getattr(view, "known_count", None))
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:
            raise NotFound(_("Page %(page)s is past the end of the results.") % {"page": page}) from exc
