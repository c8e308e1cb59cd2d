"""The moderation queue of campaign activities: activities waiting first; approve (with
edits) or reject with a reason. The contact e-mail is shown to moderators only."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from cms.core.moderation import moderate

from ..models.campaigns import CampaignActivity


class ActivityEditView(EditView):
    def save_instance(self):
        return moderate(self.form.save(commit=False), self.request.user)


class CampaignActivityViewSet(ModelViewSet):
    model = CampaignActivity
    icon = "date"
    menu_label = _("Campaign activities")
    add_to_admin_menu = True
    menu_order = 325
    list_display = ["reference", "title", "organisation", "campaign", "date", "reach", "status"]
    list_filter = ["status", "campaign", "region"]
    search_fields = ["reference", "organisation", "title"]
    search_backend_name = None
    ordering = ["status", "-received_at"]
    edit_view_class = ActivityEditView
    panels = [
        FieldRowPanel(
            [
                FieldPanel("reference", read_only=True),
                FieldPanel("received_at", read_only=True),
                FieldPanel("campaign", read_only=True),
            ]
        ),
        FieldRowPanel([FieldPanel("email", read_only=True), FieldPanel("language", read_only=True)]),
        FieldPanel("organisation"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("region"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("reach")]),
        FieldPanel("status"),
        FieldPanel("rejection_reason"),
    ]
