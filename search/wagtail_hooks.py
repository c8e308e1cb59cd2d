"""Search in the admin: the synonym sets editors keep, and the search insights report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import insights_export, insights_report
from .models import SynonymSet


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "search"
    menu_label = _("Synonyms")
    menu_name = "synonyms"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["__str__", "language", "note"]
    list_filter = ["language"]
    search_fields = ["terms", "note"]


register_snippet(SynonymSetViewSet)


class InsightsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("sic_search.view_searchquerycount")


@hooks.register("register_admin_urls")
def register_insight_urls():
    return [
        path("search-insights/", insights_report, name="search_insights"),
        path("search-insights/export.csv", insights_export, name="search_insights_export"),
    ]


@hooks.register("register_reports_menu_item")
def register_insights_menu_item():
    return InsightsMenuItem(_("Search insights"), reverse("search_insights"), icon_name="search", order=900)
