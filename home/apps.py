from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site pages")

    def ready(self):
        from cms.core.api.signals import invalidate_on_change

        from .models import PartnerOrganisation
        from .page_kinds import register_kinds

        register_kinds()
        invalidate_on_change(PartnerOrganisation)  # the directory's cached answers go stale
