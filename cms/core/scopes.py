"""What a partner's API key may do: read content at a higher rate, file hotline reports, pass on
requests for help to the helpline, send young people's contributions to the youth panel,
send schools' workshop inquiries and programme registrations to the Academy, register
activities for campaigns.

The partners app issues keys with these scopes; the domains' API views check them, so
the names live below both."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    CONTENT_READ = "content:read", _("read content (higher rate limit)")
    REPORTS_SUBMIT = "reports:submit", _("submit hotline reports")
    HELPLINE_SUBMIT = "helpline:submit", _("pass on requests for help to the helpline")
    YOUTH_SUBMIT = "youth:submit", _("send young people's contributions to the youth panel")
    CAMPAIGNS_SUBMIT = "campaigns:submit", _("register schools' and organisations' activities for campaigns")
    ACADEMY_SUBMIT = "academy:submit", _("send schools' workshop inquiries and programme registrations to the Academy")
