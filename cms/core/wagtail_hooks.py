from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .rich_text_links import BatchedPageLinkHandler


# Registered after Wagtail's own page link handler, which it replaces.
@hooks.register("register_rich_text_features", order=1000)
def register_batched_page_links(features):
    features.register_link_type(BatchedPageLinkHandler)


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two-factor-setup"),
        "label": _("Two-factor sign-in"),
        "help_text": _("A code from your phone as a second step of signing in."),
    }
