"""Query parameters every endpoint reads the same way."""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter

from ..filtering import repeated_values, unknown_value
from .errors import InvalidParameter

TRUE, FALSE = {"1", "true"}, {"0", "false"}


def boolean_parameter(request, name):
    """``true``/``false`` or ``1``/``0`` (any case); absent is False; anything else, the
    empty value and ``null`` included, is a 400 naming the parameter."""
    value = getattr(request, "query_params", request.GET).get(name)
    if value is None:
        return False
    if value.lower() not in TRUE | FALSE:
        raise InvalidParameter({name: [_("Use true or false.")]})
    return value.lower() in TRUE


def documented_query_parameters(view, method="GET"):
    """The query parameters a view's ``@extend_schema`` documents for ``method``, or None
    when it documents none (nothing to check against)."""
    cls = type(view)
    cache = cls.__dict__.get("_documented_query_parameters")
    if cache is None:
        cache = {}
        cls._documented_query_parameters = cache
    if method not in cache:
        handler = getattr(cls, method.lower(), None)
        # drf-spectacular keeps ``@extend_schema``'s parameters on a schema class attached to
        # the method: asking it makes the schema and this check one list that cannot drift.
        schema_class = getattr(handler, "kwargs", {}).get("schema")
        names = None
        if schema_class is not None:
            schema = schema_class()
            schema.view, schema.method = view, method
            names = {
                parameter.name
                for parameter in schema.get_override_parameters()
                if isinstance(parameter, OpenApiParameter) and parameter.location == OpenApiParameter.QUERY
            }
        cache[method] = names or None
    return cache[method]


def refuse_unknown_parameters(view, request):
    """400 naming every query parameter the endpoint does not document: a misspelt filter
    (``?topci=``) must not silently filter nothing."""
    known = documented_query_parameters(view, request.method if request.method != "HEAD" else "GET")
    if known is None:
        return
    ignored = set(getattr(settings, "API_IGNORED_QUERY_PARAMETERS", ()))
    unknown = [name for name in request.query_params if name not in known and name not in ignored]
    if unknown:
        message = _("Unknown parameter; valid parameters: %(valid)s.") % {"valid": ", ".join(sorted(known))}
        raise InvalidParameter({name: [message] for name in unknown})


def choice_filter(queryset, request, name, choices, field):
    """Narrow ``queryset`` to ``field`` in the repeatable parameter ``name`` (``?region=a,b``);
    a value that is not one of ``choices`` is a 400 naming the valid ones."""
    values = repeated_values(request.query_params, name)
    if not values:
        return queryset
    known = [value for value, _label in choices]
    for value in values:
        if value not in known:
            raise InvalidParameter({name: [unknown_value(value, known)]})
    return queryset.filter(**{f"{field}__in": values})
