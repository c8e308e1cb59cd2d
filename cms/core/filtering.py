"""The error every filter raises for a value it does not know, whatever the domain.

The API answers it with a 400 naming each parameter (``cms.core.api.errors``); a site page
shows the messages beside its filters.
"""

from django.utils.translation import gettext as _


def unknown_value(value, valid):
    """The message for a value a filter does not know, naming the valid ones."""
    return _("Unknown value “%(value)s”; valid values: %(valid)s.") % {"value": value, "valid": ", ".join(valid)}


class FilterError(ValueError):
    """``fields`` maps each refused query parameter to the reason, in the active language."""

    def __init__(self, fields):
        super().__init__(fields)
        self.fields = fields
