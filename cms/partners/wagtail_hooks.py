"""Partners in the Wagtail admin, for administrators: the list and form (a ModelViewSet)
and each partner's page of keys, usage and webhooks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import Partner


class PartnerViewSet(ModelViewSet):
    model = Partner
    icon = "site"
    menu_label = _("Partners")
    menu_order = 800
    add_to_admin_menu = True
    form_fields = ["name", "kind", "contact_email", "origins", "active"]
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


@hooks.register("register_admin_viewset")
def register_partners():
    return PartnerViewSet("partners")


@hooks.register("register_admin_urls")
def register_partner_pages():
    return [path("partners/<int:pk>/keys/", admin_views.partner_detail, name="partner_detail")]
