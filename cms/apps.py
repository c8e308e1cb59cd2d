from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Safer Internet CMS"

    def ready(self):
        from .api import signals

        signals.connect()
