"""A partner's page in the admin: its keys, its usage per day and its webhooks.

For administrators (``partners.change_partner``); anyone else gets 403. A new key or
signing secret is shown once, on the page that follows its creation.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.core.access import require_permission
from cms.core.form_errors import form_errors_message

from . import keys
from .forms import IssueKeyForm, RevokeKeyForm, SubscribeForm, SubscriptionForm
from .models import Partner, WebhookDelivery, WebhookSubscription
from .usage import flush_usage
from .webhooks import new_secret

USAGE_DAYS = 30
RECENT_DELIVERIES = 20


def _issue(request, partner, form):
    _record, key = keys.issue_key(partner, form.cleaned_data["scopes"])
    return {"new_key": key}


def _revoke(request, partner, form):
    count = keys.revoke(partner.keys.filter(prefix=form.cleaned_data["prefix"]))
    messages.success(
        request, _("Key revoked: it is refused from now on.") if count else _("The key was already revoked.")
    )


def _subscribe(request, partner, form):
    subscription = WebhookSubscription.objects.create(
        partner=partner, url=form.cleaned_data["url"], events=sorted(form.cleaned_data["events"]), secret=new_secret()
    )
    return {"new_secret": subscription.secret, "new_secret_url": subscription.url}


def _enable(request, partner, form):
    partner.webhooks.filter(pk=form.cleaned_data["subscription"]).update(
        active=True, failures_in_a_row=0, disabled_at=None
    )
    messages.success(request, _("Webhook enabled."))


def _delete(request, partner, form):
    partner.webhooks.filter(pk=form.cleaned_data["subscription"]).delete()
    messages.success(request, _("Webhook deleted."))


ACTIONS = {
    "issue": (IssueKeyForm, _issue),
    "revoke": (RevokeKeyForm, _revoke),
    "subscribe": (SubscribeForm, _subscribe),
    "enable": (SubscriptionForm, _enable),
    "delete": (SubscriptionForm, _delete),
}


@require_permission("partners.change_partner")
@require_http_methods(["GET", "POST"])
def partner_detail(request, pk):
    partner = get_object_or_404(Partner, pk=pk)
    shown_once = {}
    forms = {"issue": IssueKeyForm(), "subscribe": SubscribeForm()}
    if request.method == "POST" and request.POST.get("action") in ACTIONS:
        action = request.POST["action"]
        form_class, perform = ACTIONS[action]
        form = form_class(request.POST)
        if form.is_valid():
            with transaction.atomic():
                shown_once = perform(request, partner, form) or {}
            if not shown_once:
                return redirect("partner_detail", pk=partner.pk)
        else:
            forms[action] = form
            messages.error(request, form_errors_message(form))
    flush_usage([partner])
    context = {
        "partner": partner,
        "keys": partner.keys.order_by("-created"),
        "usage": partner.usage.all()[:USAGE_DAYS],
        "webhooks": partner.webhooks.all(),
        "deliveries": WebhookDelivery.objects.filter(subscription__partner=partner).select_related("subscription")[
            :RECENT_DELIVERIES
        ],
        "forms": forms,
        **shown_once,
    }
    response = render(request, "partners/detail.html", context)
    response["Cache-Control"] = "no-store"  # a new key or secret is on this page once
    return response
