"""Query parameters every endpoint reads the same way."""

from django.utils.translation import gettext as _

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
