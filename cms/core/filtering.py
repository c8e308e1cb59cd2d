"""The error every filter raises for a value it does not know, whatever the domain.

The API answers it with a 400 naming each parameter (``cms.core.api.errors``); a site page
shows the messages beside its filters.
"""

from django.utils.translation import gettext as _


def repeated_values(params, name):
    """The values of a repeatable query parameter: ``?kind=a&kind=b`` or ``?kind=a,b``. An
    empty one (``?topic=``) is kept, so it is refused as an unknown value rather than ignored."""
    return [value.strip() for raw in params.getlist(name) for value in raw.split(",")]


def unknown_value(value, valid):
    """The message for a value a filter does not know, naming the valid ones."""
    return _("Unknown value “%(value)s”; valid values: %(valid)s.") % {"value": value, "valid": ", ".join(valid)}


class FilterError(ValueError):
    """``fields`` maps each refused query parameter to the reason, in the active language."""

    def __init__(self, fields):
        super().__init__(fields)
        self.fields = fields
