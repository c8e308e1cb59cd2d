from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    """The centre's impact figures: a quarter's numbers from the awareness services and the
    partners' reach, for the reports to the European Commission."""

    name = "cms.impact"
    label = "impact"
    verbose_name = _("Impact figures")
