"""The error every filter raises for a value it does not know, whatever the domain.

The API answers it with a 400 naming each parameter (``cms.core.api.errors``); a site page
shows the messages beside its filters.
"""


class FilterError(ValueError):
    """``fields`` maps each refused query parameter to the reason, in the active language."""

    def __init__(self, fields):
        super().__init__(fields)
        self.fields = fields
