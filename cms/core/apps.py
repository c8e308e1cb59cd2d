from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Safer Internet CMS"

    def ready(self):
        from django.urls import register_converter

        from . import page_translation, sqlite_journal
        from .api import signals
        from .api.converters import PageIdConverter
        from .print_packs import signals as print_pack_signals

        register_converter(PageIdConverter, "id")

        signals.connect()
        sqlite_journal.connect()
        print_pack_signals.connect()
        page_translation.connect()
