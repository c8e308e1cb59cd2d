"""The hotline workspace and the audit log in the Wagtail admin, shown only to the groups
allowed to use them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from .audit_views import audit_log
from .hotline import admin_views, statistics_views
from .models import PartnerHotline


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("hotline/", admin_views.queue, name="hotline_queue"),
        path("hotline/<int:pk>/", admin_views.case, name="hotline_case"),
        path("hotline/forwards/<int:pk>/record.json", statistics_views.forward_record, name="hotline_forward_record"),
        path("hotline/statistics/", statistics_views.dashboard, name="hotline_statistics"),
        path(
            "hotline/statistics/export.<str:file_format>",
            statistics_views.export,
            name="hotline_statistics_export",
        ),
        path("audit-log/", audit_log, name="audit_log"),
    ]


class PartnerHotlineViewSet(ModelViewSet):
    model = PartnerHotline
    icon = "globe"
    menu_label = _("Partner hotlines")
    menu_order = 410
    add_to_admin_menu = True
    form_fields = ["country", "organisation", "contact", "website", "inhope_member", "active"]
    list_display = ["organisation", "country", "inhope_member", "active"]
    list_filter = ["inhope_member", "active"]
    search_fields = ["organisation", "contact"]
    search_backend_name = None  # a small table: the database's own filtering, no search index


@hooks.register("register_admin_viewset")
def register_partner_hotlines():
    return PartnerHotlineViewSet("partner_hotlines")


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return PermissionMenuItem(
        _("Hotline statistics"),
        reverse("hotline_statistics"),
        icon_name="table",
        order=420,
        permission="reports.view_hotline_statistics",
    )


@hooks.register("register_admin_menu_item")
def hotline_menu_item():
    return PermissionMenuItem(
        _("Hotline"), reverse("hotline_queue"), icon_name="warning", order=400, permission="reports.access_hotline"
    )


@hooks.register("register_admin_menu_item")
def audit_menu_item():
    return PermissionMenuItem(
        _("Audit log"), reverse("audit_log"), icon_name="history", order=900, permission="reports.view_audit_log"
    )
