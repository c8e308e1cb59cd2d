"""The youth panel's limits on the shared limiter: every attempt counts against a looser
one, only a valid contribution against the contribution quota (a typo locks nobody out)."""

from cms.core.throttling import LimiterThrottle, count_against


class YouthAttemptThrottle(LimiterThrottle):
    scope = "youth-attempts"
    setting = "YOUTH_ATTEMPT_RATE_LIMIT"
    partner_setting = "YOUTH_PARTNER_ATTEMPT_RATE_LIMIT"


class YouthContributionThrottle(LimiterThrottle):
    scope = "youth-intake"
    setting = "YOUTH_RATE_LIMIT"
    partner_setting = "YOUTH_PARTNER_RATE_LIMIT"


def count_contribution(request):
    """Count a valid contribution against the quota; OverQuota when it is used up."""
    count_against(YouthContributionThrottle, request)
