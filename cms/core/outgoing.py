"""Retry rules shared by everything the centre sends (feedback e-mails, notices, webhooks)."""

import datetime
import smtplib

from django.conf import settings
from django.utils import timezone


def next_attempt_at(attempts, base_seconds=None, now=None):
    """When to try again after ``attempts`` failed tries: base, 2× base, 4× base…"""
    base = settings.OUTGOING_RETRY_BASE_SECONDS if base_seconds is None else base_seconds
    return (now or timezone.now()) + datetime.timedelta(seconds=base * 2 ** max(0, attempts - 1))


def gave_up(attempts):
    return attempts >= settings.OUTGOING_MAX_ATTEMPTS


def describe_failure(error):
    """What went wrong, for staff, without the server's own words (an SMTP answer may quote
    the recipient's address): the kind of error and its code."""
    code = getattr(error, "smtp_code", None) or getattr(error, "errno", None)
    kind = type(error).__name__
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return f"{kind}: the recipient was refused"
    return f"{kind} {code}" if code else kind
