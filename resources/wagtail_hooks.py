"""Admin screens: the taxonomy as snippets and a filterable flat list of resources."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, ResourcePage, ResourceType, Topic


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name_cs", "name_en", "slug"]
    search_fields = ["name_cs", "name_en", "slug"]
    ordering = ["sort_order", "slug"]


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "group"


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"


class ResourceTypeViewSet(TaxonomyViewSet):
    model = ResourceType
    icon = "doc-empty-inverse"


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (AudienceViewSet, TopicViewSet, ResourceTypeViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"
    menu_order = 300


register_snippet(TaxonomyViewSetGroup)


class ResourceListingViewSet(PageListingViewSet):
    model = ResourcePage
    icon = "folder-open-inverse"
    menu_label = _("Resources")
    add_to_admin_menu = True
    menu_order = 200
    # Wagtail adds its own locale filter (by language code) to translatable listings.
    list_filter = ["audiences", "topics", "resource_type"]


resource_listing_viewset = ResourceListingViewSet("resources")


@hooks.register("register_admin_viewset")
def register_resource_listing():
    return resource_listing_viewset
