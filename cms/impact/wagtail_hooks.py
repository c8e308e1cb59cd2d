from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import PERMISSION, impact_figures


@hooks.register("register_admin_urls")
def impact_urls():
    return [path("impact/", impact_figures, name="impact_figures")]


class ImpactMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def impact_menu_item():
    return ImpactMenuItem(_("Impact figures"), reverse("impact_figures"), icon_name="table", order=340)
