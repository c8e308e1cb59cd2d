"""Partners in the Wagtail admin, for administrators: the list and form (a ModelViewSet)
and each partner's page of keys, usage and webhooks."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import ContentReach, Partner
from .reach import count_reach


class PartnerDeleteView(DeleteView):
    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ProtectedError:  # its hotline reports keep it (rolled back, nothing deleted)
            messages.error(
                request, _("This partner filed hotline reports, which must keep its name: make it inactive instead.")
            )
            return redirect("partner_detail", pk=kwargs["pk"])


class PartnerViewSet(ModelViewSet):
    model = Partner
    icon = "site"
    menu_label = _("Partners")
    menu_order = 800
    add_to_admin_menu = True
    form_fields = ["name", "kind", "contact_email", "origins", "active", "directory_entry"]
    # The name leads to the partner's page of keys, usage and webhooks (which links to the form).
    list_display = [
        TitleColumn(
            "name", label=_("organisation"), get_url=lambda partner: reverse("partner_detail", args=[partner.pk])
        ),
        "kind",
        "active",
        "created_at",
    ]
    list_filter = ["kind", "active"]
    search_fields = ["name", "contact_email"]
    search_backend_name = None  # a small table: the database's own filtering
    delete_view_class = PartnerDeleteView


@hooks.register("register_admin_viewset")
def register_partners():
    return PartnerViewSet("partners")


@hooks.register("register_admin_urls")
def register_partner_pages():
    return [path("partners/<int:pk>/keys/", admin_views.partner_detail, name="partner_detail")]


@hooks.register("before_serve_document")
def count_document_download(document, request):
    """A download counts towards the impact figures, for the partner site it came from."""
    count_reach(request, ContentReach.Kind.DOWNLOAD)
