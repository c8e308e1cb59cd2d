"""Django REST framework's messages that its Czech catalogue lacks.

Listed here only so ``make messages`` puts them in ``locale/cs``, where the project's
catalogue (first in LOCALE_PATHS) gives their Czech: a Czech client never reads "Must be a
valid boolean." Nothing imports this module. (Its throttling message DRF formats before
translating it; cms/core/api/errors.py says that one itself.)
"""

from django.utils.translation import gettext_lazy

MESSAGES = [
    gettext_lazy("Ensure this field has at least {min_length} elements."),
    gettext_lazy("Ensure this field has no more than {max_length} elements."),
    gettext_lazy("Must be a valid boolean."),
    gettext_lazy("Must be a valid UUID."),
    gettext_lazy("Not a valid string."),
    gettext_lazy("Invalid input."),
    gettext_lazy("This dictionary may not be empty."),
    gettext_lazy("Datetime value out of range."),
    gettext_lazy('Invalid datetime for the timezone "{timezone}".'),
    gettext_lazy("Surrogate characters are not allowed: U+{code_point:X}."),
    gettext_lazy('Enter a valid "slug" consisting of Unicode letters, numbers, underscores, or hyphens.'),
]
