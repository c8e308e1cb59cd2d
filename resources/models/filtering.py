"""Filtering the library by its vocabularies and age: one implementation for the API, the
library page and search.

Repeated values combine with OR inside a filter (``?topic=grooming&topic=sexting`` or
``?topic=grooming,sexting``), filters combine with AND. Parameters are read from any
``QueryDict`` (a Django request's ``GET`` or DRF's ``query_params``); a value that is not
known raises ``FilterError`` naming the parameter, which the API answers with a 400 and
the library page shows beside its filters.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from cms.core.age_range import AGE_LIMIT
from cms.core.filtering import FilterError, repeated_values, unknown_value

from .taxonomy import Audience, ResourceType, Topic

TAXONOMY_FILTERS = (
    ("audience", "audiences", Audience),
    ("topic", "topics", Topic),
    ("type", "resource_type", ResourceType),
)
RESOURCE_FILTERS = ("audience", "topic", "type", "age")


def load_taxonomy():
    """Every term of the three vocabularies by filter name and slug (three queries)."""
    return {param: {term.slug: term for term in model.objects.all()} for param, _field, model in TAXONOMY_FILTERS}


def filter_terms(queryset, params, relations, taxonomy=None, renamed=None):
    """Filter by vocabulary slugs; returns the queryset and ``{parameter: error}``.

    ``relations`` maps a filter (audience, topic, type) to the model's field;
    ``taxonomy`` (from ``load_taxonomy``) saves the lookups when the caller has it;
    ``renamed`` maps a filter to the query parameter that carries it.
    """
    models = {param: model for param, _field, model in TAXONOMY_FILTERS}
    renamed = renamed or {}
    errors = {}
    for param, relation in relations.items():
        name = renamed.get(param, param)
        wanted = repeated_values(params, name)
        if not wanted:
            continue
        known = taxonomy[param] if taxonomy else set(models[param].objects.values_list("slug", flat=True))
        unknown = [slug for slug in wanted if slug not in known]
        if unknown:
            errors[name] = unknown_value(unknown[0], sorted(known))
            continue
        # A subquery, not a join: a page with two matching terms is listed once.
        matching = queryset.model.objects.filter(**{f"{relation}__slug__in": wanted}).values("pk")
        queryset = queryset.filter(pk__in=matching)
    return queryset, errors


def filter_by_age(queryset, params):
    """Resources whose age range holds any of the ``age`` values; returns (queryset, errors)."""
    ages = repeated_values(params, "age")
    if not ages:
        return queryset, {}
    if not all(age.isdigit() and 0 <= int(age) <= AGE_LIMIT for age in ages):
        return queryset, {"age": _("Give an age as a whole number from 0 to %(limit)s.") % {"limit": AGE_LIMIT}}
    condition = Q()
    for age in map(int, ages):
        condition |= Q(age_min__lte=age, age_max__gte=age)
    return queryset.filter(condition), {}


def filter_resources(queryset, params, taxonomy, renamed=None):
    """Apply audience, topic, type and age; raises FilterError naming every bad parameter."""
    relations = {param: field for param, field, _model in TAXONOMY_FILTERS}
    queryset, errors = filter_terms(queryset, params, relations, taxonomy, renamed)
    queryset, age_errors = filter_by_age(queryset, params)
    errors.update(age_errors)
    if errors:
        raise FilterError(errors)
    return queryset


def count_terms(queryset):
    """``{filter: {slug: count}}`` over ``queryset`` (three queries)."""
    base = queryset.model.objects.filter(pk__in=queryset.order_by().values("pk"))
    return {
        "audience": dict(base.values_list("audiences__slug").annotate(n=Count("pk", distinct=True)).order_by()),
        "topic": dict(base.values_list("topics__slug").annotate(n=Count("pk", distinct=True)).order_by()),
        "type": dict(base.values_list("resource_type__slug").annotate(n=Count("pk")).order_by()),
    }


def labelled_facets(counts, taxonomy):
    """Every term with its label (in the active language) and its count."""
    return {
        param: [{"slug": slug, "name": term.name, "count": counts[param].get(slug, 0)} for slug, term in terms.items()]
        for param, terms in taxonomy.items()
    }


class ResourceFilters:
    """The resource kind's filters as search applies them (``PageKind.filters``).

    On ``/search/`` the resource type is ``type`` as everywhere, with ``resource_type``
    accepted as an alias for this version of the API.
    """

    parameters = ("audience", "topic", "type", "resource_type", "age")
    aliases = {"resource_type": "type"}

    def renamed(self, params):
        return {"type": "resource_type"} if "resource_type" in params and "type" not in params else {}

    def active(self, params):
        return any(params.get(name) is not None for name in self.parameters)

    def apply(self, queryset, params, taxonomy):
        return filter_resources(queryset, params, taxonomy, renamed=self.renamed(params))

    def load(self):
        return load_taxonomy()

    def labels(self):
        """``[(kind, slug, label)]`` of every term, for search suggestions (three queries)."""
        return [
            (kind, term.slug, term.name)
            for kind, model in (("topic", Topic), ("audience", Audience), ("resource-type", ResourceType))
            for term in model.objects.all()
        ]

    def facets(self, queryset, taxonomy):
        return labelled_facets(count_terms(queryset), taxonomy)
