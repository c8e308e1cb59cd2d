"""The Academy's limits on the shared limiter: every attempt counts against a looser one,
only a stored inquiry or registration against the Academy's quota (a typo locks no school
out)."""

from cms.core.throttling import LimiterThrottle, count_against


class AcademyAttemptThrottle(LimiterThrottle):
    scope = "academy-attempts"
    setting = "ACADEMY_ATTEMPT_RATE_LIMIT"
    partner_setting = "ACADEMY_PARTNER_ATTEMPT_RATE_LIMIT"


class AcademyIntakeThrottle(LimiterThrottle):
    scope = "academy-intake"
    setting = "ACADEMY_RATE_LIMIT"
    partner_setting = "ACADEMY_PARTNER_RATE_LIMIT"


def count_academy(request):
    """Count a valid inquiry or registration against the quota; OverQuota when it is used up."""
    count_against(AcademyIntakeThrottle, request)
