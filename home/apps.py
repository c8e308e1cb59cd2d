from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site pages")

    def ready(self):
        from django.db.models.signals import post_delete

        from cms.core import retention
        from cms.core.api.signals import invalidate_on_change
        from cms.core.moderation import public_record_deleted

        from .academy.retention import ACADEMY_RETENTION
        from .campaigns.retention import CAMPAIGN_RETENTION
        from .models import CampaignActivity, PartnerOrganisation, YouthContribution
        from .page_kinds import register_kinds

        register_kinds()
        retention.register(ACADEMY_RETENTION)
        retention.register(CAMPAIGN_RETENTION)
        invalidate_on_change(PartnerOrganisation)  # the directory's cached answers go stale
        # A public contribution or activity deleted leaves the public answers at once.
        for model in (YouthContribution, CampaignActivity):
            post_delete.connect(public_record_deleted, sender=model, dispatch_uid=f"moderated-deleted-{model.__name__}")
