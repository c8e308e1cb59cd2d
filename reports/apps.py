from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Case handling: the hotline now, the helpline later, and what they share
    (encryption of personal data, the audit log, case references)."""

    name = "reports"
    verbose_name = _("Reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import sign_in_audit  # noqa: F401 - connects its receiver
