"""Admin screens of the site's own models: the partners directory, the youth panel's
moderation queue, campaign activities to moderate, and the Academy's inquiry inbox and
registrations."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.core.moderation import moderate

from .academy.admin import InquiryViewSet, RegistrationViewSet
from .campaigns.admin import CampaignActivityViewSet
from .models import PartnerOrganisation, YouthContribution


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


class ContributionEditView(EditView):
    def save_instance(self):
        """A moderator's decision: who and when, and the panel's public pages change at once."""
        contribution = self.form.save(commit=False)
        moderate(contribution, self.request.user)
        return contribution


class YouthContributionViewSet(ModelViewSet):
    """The moderation queue: contributions waiting first; approve (with edits) or reject."""

    model = YouthContribution
    icon = "comment"
    menu_label = _("Youth contributions")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["reference", "received_at", "kind", "age_band", "language", "status"]
    list_filter = ["status", "language", "kind"]
    search_fields = ["reference"]
    search_backend_name = None
    ordering = ["status", "-received_at"]
    edit_view_class = ContributionEditView
    panels = [
        FieldRowPanel(
            [FieldPanel("reference", read_only=True), FieldPanel("received_at", read_only=True)],
            heading=_("received"),
        ),
        FieldRowPanel(
            [
                FieldPanel("nickname", read_only=True),
                FieldPanel("age_band", read_only=True),
                FieldPanel("kind", read_only=True),
                FieldPanel("language", read_only=True),
            ]
        ),
        FieldPanel("text", read_only=True),
        FieldPanel("topic"),
        FieldPanel("published_text"),
        FieldPanel("status"),
        FieldPanel("rejection_reason"),
    ]


@hooks.register("register_admin_viewset")
def register_youth_moderation():
    return YouthContributionViewSet("youth_contributions")


class AcademyViewSetGroup(ViewSetGroup):
    """One "Academy" menu for its staff: the inquiry inbox and the registrations."""

    menu_label = _("Academy")
    menu_icon = "group"
    menu_order = 330
    items = (InquiryViewSet("academy_inquiries"), RegistrationViewSet("academy_registrations"))


@hooks.register("register_admin_viewset")
def register_academy_inbox():
    return AcademyViewSetGroup()


@hooks.register("register_admin_viewset")
def register_campaign_moderation():
    return CampaignActivityViewSet("campaign_activities")
