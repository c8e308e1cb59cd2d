"""Query parameters of the resource list: whitelisted values, clear 400s.

Repeated values combine with OR inside a filter (``?topic=grooming&topic=sexting``),
filters combine with AND.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from cms.age_range import AGE_LIMIT
from cms.api.errors import InvalidParameter
from search.hit_order import in_hit_order

from ..models import Audience, ResourceType, Topic

ORDERINGS = {"-first_published_at": ("-first_published_at", "-pk"), "title": ("title", "pk")}
TAXONOMY_FILTERS = (
    ("audience", "audiences", Audience),
    ("topic", "topics", Topic),
    ("type", "resource_type", ResourceType),
)


def values(request, name):
    """The values of a repeatable filter (``?topic=a&topic=b`` or ``?topic=a,b``). An empty
    one (``?topic=``) is kept, so it is refused as an unknown value rather than ignored."""
    return [value.strip() for raw in request.query_params.getlist(name) for value in raw.split(",")]


def load_taxonomy():
    """Every term of the three vocabularies by filter name and slug (three queries)."""
    return {param: {term.slug: term for term in model.objects.all()} for param, _field, model in TAXONOMY_FILTERS}


def filter_terms(queryset, request, relations, taxonomy=None, renamed=None):
    """Filter by vocabulary slugs; returns the queryset and ``{parameter: error}``.

    ``relations`` maps a filter (audience, topic, type) to the model's field;
    ``taxonomy`` (from ``load_taxonomy``) saves the lookups when the caller has it;
    ``renamed`` maps a filter to another query parameter name (search reads the resource
    type from ``resource_type``, as its ``type`` is the kind of page).
    """
    models = {param: model for param, _field, model in TAXONOMY_FILTERS}
    renamed = renamed or {}
    errors = {}
    for param, relation in relations.items():
        wanted = values(request, renamed.get(param, param))
        if not wanted:
            continue
        known = taxonomy[param] if taxonomy else set(models[param].objects.values_list("slug", flat=True))
        unknown = [slug for slug in wanted if slug not in known]
        if unknown:
            errors[renamed.get(param, param)] = _("Unknown value “%(value)s”; valid values: %(valid)s.") % {
                "value": unknown[0],
                "valid": ", ".join(sorted(known)),
            }
            continue
        # A subquery, not a join: a page with two matching terms is listed once.
        matching = queryset.model.objects.filter(**{f"{relation}__slug__in": wanted}).values("pk")
        queryset = queryset.filter(pk__in=matching)
    return queryset, errors


def filter_by_terms(queryset, request, **relations):
    """``filter_terms`` for endpoints with no other parameters: raises InvalidParameter."""
    queryset, errors = filter_terms(queryset, request, relations)
    if errors:
        raise InvalidParameter(errors)
    return queryset


def filter_resources(queryset, request, taxonomy, renamed=None):
    """Apply audience, topic, type and age; raises InvalidParameter naming the field."""
    relations = {param: field for param, field, _model in TAXONOMY_FILTERS}
    queryset, errors = filter_terms(queryset, request, relations, taxonomy, renamed)

    ages = values(request, "age")
    if ages:
        if not all(age.isdigit() and 0 <= int(age) <= AGE_LIMIT for age in ages):
            errors["age"] = _("Give an age as a whole number from 0 to %(limit)s.") % {"limit": AGE_LIMIT}
        else:
            condition = Q()
            for age in map(int, ages):
                condition |= Q(age_min__lte=age, age_max__gte=age)
            queryset = queryset.filter(condition)

    if errors:
        raise InvalidParameter(errors)
    return queryset


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
