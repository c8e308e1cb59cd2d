"""Query parameters of the resource list: the library's filters (``resources.models.filtering``)
answered with clear 400s, and the ordering."""

from django.utils.translation import gettext as _

from cms.core.api.errors import InvalidParameter
from search.hit_order import in_hit_order

from ..models import filtering
from ..models.filtering import filter_terms, load_taxonomy

__all__ = ["filter_by_terms", "filter_resources", "filter_terms", "load_taxonomy", "ordered_resources"]

ORDERINGS = {"-first_published_at": ("-first_published_at", "-pk"), "title": ("title", "pk")}


def filter_by_terms(queryset, request, **relations):
    """Vocabulary filters for endpoints with no other parameters: raises InvalidParameter."""
    queryset, errors = filter_terms(queryset, request.query_params, relations)
    if errors:
        raise InvalidParameter(errors)
    return queryset


def filter_resources(queryset, request, taxonomy):
    """The library's filters (``resources.models.filtering``); a refused value answers 400."""
    return filtering.filter_resources(queryset, request.query_params, taxonomy)


def ordered_resources(queryset, request, hit_ids=None):
    """Order by ``ordering``; by relevance by default when the list is a search's hits."""
    ordering = request.query_params.get("ordering")
    if ordering is None:
        ordering = "relevance" if hit_ids is not None else "-first_published_at"
    valid = [*ORDERINGS, "relevance"]
    if ordering not in valid:
        raise InvalidParameter(
            {"ordering": _("Unknown ordering; valid values: %(valid)s.") % {"valid": ", ".join(valid)}}
        )
    if ordering == "relevance":
        # Without q there is no relevance to order by: the default order, not an error.
        return (
            in_hit_order(queryset, hit_ids)
            if hit_ids is not None
            else queryset.order_by(*ORDERINGS["-first_published_at"])
        )
    return queryset.order_by(*ORDERINGS[ordering])
