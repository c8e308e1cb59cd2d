"""The campaigns' limits on the shared limiter: every attempt counts against a looser one,
only a stored activity against the quota."""

from cms.core.throttling import LimiterThrottle, count_against


class CampaignAttemptThrottle(LimiterThrottle):
    scope = "campaign-attempts"
    setting = "CAMPAIGN_ATTEMPT_RATE_LIMIT"
    partner_setting = "CAMPAIGN_PARTNER_ATTEMPT_RATE_LIMIT"


class CampaignActivityThrottle(LimiterThrottle):
    scope = "campaign-intake"
    setting = "CAMPAIGN_RATE_LIMIT"
    partner_setting = "CAMPAIGN_PARTNER_RATE_LIMIT"


def count_activity(request):
    count_against(CampaignActivityThrottle, request)
