"""The campaign page's "get involved" form (``/cs/kampane/aktivita/<id>/``): a school or
organisation registers its activity. It validates with the API's serializer and files
through the same intake; no cookie is set, posts are checked by origin."""

import secrets

from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext_lazy

from cms.core.public_forms import form_refused, over_the_limit, posted_idempotency_key, private_page, too_many
from cms.core.submission import OverQuota
from resources.models import Audience

from ..models.academy import Region
from ..models.campaigns import CampaignPage
from . import intake
from .api import ActivitySerializer, receipt_message
from .throttling import CampaignAttemptThrottle, count_activity

FORM_TEMPLATE = "home/campaigns/activity.html"
TOO_MANY = "home/campaigns/too_many.html"
FIELDS = ("organisation", "title", "description", "city", "region", "date", "audience", "reach", "email", "homepage")
FIELD_LABELS = {
    "organisation": gettext_lazy("School or organisation"),
    "title": gettext_lazy("Your activity"),
    "description": gettext_lazy("What you will do (optional)"),
    "city": gettext_lazy("City or town"),
    "region": gettext_lazy("Region"),
    "date": gettext_lazy("Date"),
    "audience": gettext_lazy("For whom"),
    "reach": gettext_lazy("How many people will you reach?"),
    "email": gettext_lazy("Contact e-mail (not published)"),
    "consent": gettext_lazy("Consent"),
}


def activity_form_context(campaign, **extra):
    return {
        "campaign": campaign,
        "first_day": campaign.start.isoformat(),
        "last_day": campaign.end.isoformat(),
        "regions": Region.choices,
        "audiences": Audience.objects.all(),
        "labels": FIELD_LABELS,
        "values": {},
        "errors": {},
        "idempotency_key": secrets.token_hex(16),
        **extra,
    }


@private_page
def activity_form(request, campaign_id):
    campaign = get_object_or_404(CampaignPage.objects.live(), pk=campaign_id)
    if request.method == "GET":
        return render(request, FORM_TEMPLATE, activity_form_context(campaign))
    if refused := over_the_limit(request, CampaignAttemptThrottle, TOO_MANY):
        return refused
    data = {name: request.POST.get(name, "") for name in FIELDS}
    data = {name: value for name, value in data.items() if value or name in ("homepage", "title", "organisation")}
    data["consent"] = request.POST.get("consent") == "on"
    data["language"] = translation.get_language()
    serializer = ActivitySerializer(data=data, context={"campaign": campaign})
    if not serializer.is_valid():
        return form_refused(request, FORM_TEMPLATE, activity_form_context(campaign), serializer.errors, FIELD_LABELS)
    try:
        outcome = intake.submit(
            {**serializer.validated_data, "campaign": campaign.pk},
            "web",
            idempotency_key=posted_idempotency_key(request),
            quota=lambda: count_activity(request),
        )
    except OverQuota as over:
        return too_many(request, over.wait, TOO_MANY)
    except intake.ActivitiesClosed:
        return render(request, FORM_TEMPLATE, activity_form_context(campaign, closed=True), status=409)
    shown = outcome.decoy or {"reference": outcome.receipt.record.reference}
    context = {"reference": shown["reference"], "message": receipt_message(), "campaign": campaign}
    return render(request, "home/campaigns/received.html", context, status=201)
