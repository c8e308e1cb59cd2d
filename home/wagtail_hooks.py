"""Admin screens of the site's own models: the partners directory."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerOrganisation


class PartnerDirectoryViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "site"
    menu_label = _("Partners directory")
    menu_name = "partners-directory"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name_cs", "name_en", "kind", "listed"]
    list_filter = ["kind", "listed"]
    search_fields = ["name_cs", "name_en", "slug"]
    ordering = ["kind", "sort_order", "slug"]


register_snippet(PartnerDirectoryViewSet)
