"""Per-client limits on the public report and helpline endpoints, on the shared limiter.

The client is known to the limiter by a keyed hash of its address; the counters live in
Redis or the database (``cms.core.limits``) and are gone when the window ends. Nothing
identifying is written anywhere.

Report intake has two limits: every attempt counts against a looser one, and only a
submission that passes validation counts against the report quota, so a reporter who
mistypes an address is not locked out.
"""

from cms.core.throttling import LimiterThrottle, count_against


class HotlineAttemptThrottle(LimiterThrottle):
    scope = "hotline-attempts"
    setting = "HOTLINE_ATTEMPT_RATE_LIMIT"
    partner_setting = "HOTLINE_PARTNER_ATTEMPT_RATE_LIMIT"


class HotlineReportThrottle(LimiterThrottle):
    scope = "hotline-intake"
    setting = "HOTLINE_RATE_LIMIT"
    partner_setting = "HOTLINE_PARTNER_RATE_LIMIT"


class HotlineStatusThrottle(LimiterThrottle):
    scope = "hotline-status"
    setting = "HOTLINE_STATUS_RATE_LIMIT"


class HelplineAttemptThrottle(LimiterThrottle):
    scope = "helpline-attempts"
    setting = "HELPLINE_ATTEMPT_RATE_LIMIT"
    partner_setting = "HELPLINE_PARTNER_ATTEMPT_RATE_LIMIT"


class HelplineContactThrottle(LimiterThrottle):
    scope = "helpline-intake"
    setting = "HELPLINE_RATE_LIMIT"
    partner_setting = "HELPLINE_PARTNER_RATE_LIMIT"


class HelplineStatusThrottle(LimiterThrottle):
    """Reading the conversation and writing back, per client."""

    scope = "helpline-status"
    setting = "HELPLINE_STATUS_RATE_LIMIT"


def count_report(request):
    """Count a valid report against the report quota; OverQuota when it is used up."""
    count_against(HotlineReportThrottle, request)


def count_contact(request):
    """Count a valid helpline contact against the contact quota; OverQuota when it is used up."""
    count_against(HelplineContactThrottle, request)


class HelplineChatStartThrottle(LimiterThrottle):
    """Chats started, per client."""

    scope = "helpline-chat-start"
    setting = "HELPLINE_CHAT_START_RATE_LIMIT"
