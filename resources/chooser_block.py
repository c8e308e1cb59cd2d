"""The block toolkits use to list resources, with a chooser that takes several at once.

In a toolkit's list of resources the chooser opens in Wagtail's multiple-choice mode (at the
library: admin_chooser.py); the first resource chosen fills the item whose button was
pressed, and each further one becomes an item of its own after it, through the list's
"split" capability, which Wagtail gives to the children of a ListBlock
(resources/static/resources/admin/resources-chooser.js). No model is imported here: blocks
are built while the models load.
"""

from django import forms
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.admin.widgets.chooser import AdminPageChooser, PageChooserAdapter


class ResourcesChooserWidget(AdminPageChooser):
    """Wagtail's page chooser for resources, able to choose several into a list."""


class ResourcesChooserAdapter(PageChooserAdapter):
    js_constructor = "resources.widgets.ResourcesChooser"

    @cached_property
    def media(self):
        return super().media + forms.Media(js=[versioned_static("resources/admin/resources-chooser.js")])


register(ResourcesChooserAdapter(), ResourcesChooserWidget)


class ResourceChooserBlock(blocks.PageChooserBlock):
    """A resource, chosen with the chooser that opens at the library and takes several."""

    def __init__(self, **kwargs):
        super().__init__(page_type="resources.ResourcePage", **kwargs)

    @cached_property
    def widget(self):
        return ResourcesChooserWidget(target_models=self.target_models, can_choose_root=self.can_choose_root)

    def deconstruct(self):
        # Stored as a plain PageChooserBlock: the widget is not part of the stored definition.
        kwargs = {"page_type": "resources.ResourcePage", **self._constructor_args[1]}
        return ("wagtail.blocks.PageChooserBlock", (), kwargs)
