from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "cms.partners"
    label = "partners"
    verbose_name = _("Partner sites")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cors, reach, webhooks  # noqa: F401 (signal receivers)
