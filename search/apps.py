from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "sic_search"  # "search" alone reads like Wagtail's own search app in the admin and logs
    verbose_name = _("Search")

    def ready(self):
        from . import signals

        signals.connect()
