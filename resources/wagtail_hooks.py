"""Admin screens: the taxonomy as snippets and a filterable flat list of resources."""

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.admin.views.pages.listing import IndexView
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


def _names(related):
    return ", ".join(str(term) for term in related.all())


class ResourceIndexView(IndexView):
    """The flat list of resources: one language at a time (Czech first), A–Z, with its
    classification in columns."""

    default_ordering = "title"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("resource_type").prefetch_related("audiences", "topics")

    def get_filterset_kwargs(self):
        # Without a chosen language the list would mix Czech and English: the default
        # language is chosen until the editor picks another (or "All").
        kwargs = super().get_filterset_kwargs()
        if "locale" not in self.request.GET:
            data = kwargs["data"].copy() if kwargs.get("data") is not None else QueryDict(mutable=True)
            data["locale"] = settings.LANGUAGE_CODE
            kwargs["data"] = data
        return kwargs


class ResourceListingViewSet(PageListingViewSet):
    model = ResourcePage
    icon = "folder-open-inverse"
    menu_label = _("Resources")
    add_to_admin_menu = True
    menu_order = 200
    index_view_class = ResourceIndexView
    # Wagtail adds its own language filter (by language code) to translatable listings.
    list_filter = ["audiences", "topics", "resource_type"]
    columns = [
        *(column for column in PageListingViewSet.columns if column.name in {"bulk_actions", "title"}),
        LocaleColumn(label=_("Language")),
        Column("resource_type", label=_("Type"), sort_key="resource_type__slug"),
        Column("audiences", label=_("Audiences"), accessor=lambda page: _names(page.audiences)),
        Column("topics", label=_("Topics"), accessor=lambda page: _names(page.topics)),
        *(column for column in PageListingViewSet.columns if column.name in {"latest_revision_created_at", "status"}),
    ]


resource_listing_viewset = ResourceListingViewSet("resources")


@hooks.register("register_admin_viewset")
def register_resource_listing():
    return resource_listing_viewset
