"""Page-number pagination: ``page`` and ``page_size`` (at most 100), clear errors."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

from .errors import InvalidParameter

MAX_PAGE_SIZE = 100


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
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:
            raise NotFound(_("Page %(page)s is past the end of the results.") % {"page": page}) from exc
