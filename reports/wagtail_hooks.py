"""The hotline and helpline workspaces and the audit log in the Wagtail admin, shown only to
the groups allowed to use them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from .audit_views import audit_log
from .helpline import admin_views as helpline_views
from .helpline import statistics_views as helpline_statistics
from .helpline.chat.views import console as chat_console
from .hotline import admin_views, statistics_views
from .models import CannedResponse, PartnerHotline, ReferralService, Subcategory
from .referral_views import refer_to_hotline


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
        path("helpline/", helpline_views.queue, name="helpline_queue"),
        path("helpline/<int:pk>/", helpline_views.contact, name="helpline_contact"),
        path("helpline/<int:pk>/refer-to-hotline/", refer_to_hotline, name="helpline_refer_to_hotline"),
        path("helpline/log/", helpline_views.log_contact, name="helpline_log_contact"),
        path("helpline/search/", helpline_views.search_contacts, name="helpline_search"),
        path("helpline/cases/", helpline_views.cases, name="helpline_cases"),
        path("helpline/cases/<int:pk>/", helpline_views.case, name="helpline_case"),
        path("helpline/chat/", chat_console, name="helpline_chat_console"),
        path("helpline/statistics/", helpline_statistics.dashboard, name="helpline_statistics"),
        path(
            "helpline/statistics/export.<str:file_format>",
            helpline_statistics.export,
            name="helpline_statistics_export",
        ),
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


class CannedResponseViewSet(ModelViewSet):
    """Supervisors keep the ready answers (counsellors may only view them)."""

    model = CannedResponse
    icon = "openquote"
    menu_label = _("Canned responses")
    menu_order = 330
    add_to_admin_menu = True
    form_fields = ["title", "language", "text", "active"]
    list_display = ["title", "language", "active"]
    list_filter = ["language", "active"]
    search_fields = ["title", "text"]
    search_backend_name = None


class SubcategoryViewSet(ModelViewSet):
    model = Subcategory
    icon = "list-ul"
    menu_label = _("Helpline subcategories")
    menu_order = 340
    add_to_admin_menu = True
    form_fields = ["category", "slug", "name_cs", "name_en", "active"]
    list_display = ["name", "category", "active"]
    list_filter = ["category", "active"]
    search_fields = ["name_cs", "name_en", "slug"]
    search_backend_name = None


class ReferralServiceViewSet(ModelViewSet):
    """The referral directory: editors and supervisors keep it; counsellors read it."""

    model = ReferralService
    icon = "site"
    menu_label = _("Referral directory")
    menu_order = 350
    add_to_admin_menu = True
    form_fields = ["kind", "name_cs", "name_en", "phone", "website", "description_cs", "description_en", "active"]
    list_display = ["name", "kind", "phone", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name_cs", "name_en", "phone"]
    search_backend_name = None

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "website":
            kwargs["assume_scheme"] = "https"  # an address typed without a scheme is https
        return super().formfield_for_dbfield(db_field, **kwargs)


@hooks.register("register_admin_viewset")
def register_helpline_directories():
    return [
        CannedResponseViewSet("canned_responses"),
        SubcategoryViewSet("helpline_subcategories"),
        ReferralServiceViewSet("referral_directory"),
    ]


@hooks.register("register_admin_menu_item")
def helpline_menu_item():
    return PermissionMenuItem(
        _("Helpline"), reverse("helpline_queue"), icon_name="help", order=300, permission="reports.access_helpline"
    )


@hooks.register("register_admin_menu_item")
def helpline_chat_menu_item():
    return PermissionMenuItem(
        _("Helpline chat"),
        reverse("helpline_chat_console"),
        icon_name="mail",
        order=310,
        permission="reports.access_helpline",
    )


@hooks.register("register_admin_menu_item")
def helpline_statistics_menu_item():
    return PermissionMenuItem(
        _("Helpline statistics"),
        reverse("helpline_statistics"),
        icon_name="table",
        order=320,
        permission="reports.view_helpline_statistics",
    )


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
