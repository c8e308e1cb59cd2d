from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site pages")

    def ready(self):
        from django.db.models.signals import post_delete

        from cms.core import retention
        from cms.core.api.signals import invalidate_on_change

        from .academy.retention import ACADEMY_RETENTION
        from .campaigns.moderation import activity_deleted
        from .campaigns.retention import CAMPAIGN_RETENTION
        from .models import CampaignActivity, PartnerOrganisation, YouthContribution
        from .page_kinds import register_kinds
        from .youth.moderation import contribution_deleted

        register_kinds()
        retention.register(ACADEMY_RETENTION)
        retention.register(CAMPAIGN_RETENTION)
        post_delete.connect(activity_deleted, sender=CampaignActivity, dispatch_uid="campaign-activity-deleted")
        invalidate_on_change(PartnerOrganisation)  # the directory's cached answers go stale
        post_delete.connect(contribution_deleted, sender=YouthContribution, dispatch_uid="youth-contribution-deleted")
