"""Filter pages by audience or topic slugs, with the resource API's rules and errors."""

from django.utils.translation import gettext as _

from cms.api.errors import InvalidParameter
from resources.api.filters import values
from resources.models import Audience, Topic

MODELS = {"audience": Audience, "topic": Topic}


def filter_by_terms(queryset, request, **fields):
    """``fields`` maps a query parameter (audience, topic) to the page's relation."""
    errors = {}
    for param, relation in fields.items():
        wanted = values(request, param)
        if not wanted:
            continue
        known = set(MODELS[param].objects.filter(slug__in=wanted).values_list("slug", flat=True))
        unknown = [slug for slug in wanted if slug not in known]
        if unknown:
            valid = ", ".join(MODELS[param].objects.values_list("slug", flat=True))
            errors[param] = _("Unknown value “%(value)s”; valid values: %(valid)s.") % {
                "value": unknown[0],
                "valid": valid,
            }
            continue
        matching = queryset.model.objects.filter(**{f"{relation}__slug__in": wanted}).values("pk")
        queryset = queryset.filter(pk__in=matching)
    if errors:
        raise InvalidParameter(errors)
    return queryset
