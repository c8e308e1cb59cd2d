"""The hotline workspace and the audit log in the Wagtail admin, shown only to the groups
allowed to use them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .audit_views import audit_log
from .hotline import admin_views


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
        path("audit-log/", audit_log, name="audit_log"),
    ]


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
