"""The tab layout every page type shares: content, classification, promote, settings."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page


def tabbed_edit_handler(content_panels, classification_panels=None):
    tabs = [ObjectList(content_panels, heading=_("Content"))]
    if classification_panels:
        tabs.append(ObjectList(classification_panels, heading=_("Classification")))
    tabs += [
        ObjectList(Page.promote_panels, heading=_("Promote")),
        ObjectList(Page.settings_panels, heading=_("Settings"), classname="settings"),
    ]
    return TabbedInterface(tabs)
