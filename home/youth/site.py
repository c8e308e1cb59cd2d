"""The youth panel's form on the site (``/cs/mladez/prispevek/``, ``/en/youth/contribute/``,
also on the panel's page): a young person sends an opinion, idea or story. It validates
with the API's serializer and files through the same intake (``home.youth.intake``); no
cookie, no e-mail, no name; posts are checked by origin."""

import secrets

from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy

from cms.core.public_forms import form_refused, over_the_limit, posted_idempotency_key, private_page, too_many
from cms.core.submission import OverQuota
from resources.models import Topic

from ..models.youth import MAX_TEXT_LENGTH, AgeBand, ContributionKind
from . import intake
from .api import YouthContributionSerializer
from .throttling import YouthAttemptThrottle, count_contribution

FORM_TEMPLATE = "home/youth/contribute.html"
TOO_MANY = "home/youth/too_many.html"
FIELD_LABELS = {
    "kind": gettext_lazy("What do you want to send?"),
    "text": gettext_lazy("Your contribution"),
    "topic": gettext_lazy("Topic (optional)"),
    "nickname": gettext_lazy("Nickname (optional, not your real name)"),
    "age_band": gettext_lazy("Your age"),
}


def contribution_form_context(**extra):
    """What the form needs, on its own page or on the panel's page."""
    return {
        "kinds": ContributionKind.choices,
        "age_bands": AgeBand.choices,
        "topics": Topic.objects.all(),
        "labels": FIELD_LABELS,
        "max_text": MAX_TEXT_LENGTH,
        "values": {},
        "errors": {},
        "idempotency_key": secrets.token_hex(16),
        **extra,
    }


@private_page
def contribution_form(request):
    if request.method == "GET":
        return render(request, FORM_TEMPLATE, contribution_form_context())
    if refused := over_the_limit(request, YouthAttemptThrottle, TOO_MANY):
        return refused
    data = {name: request.POST.get(name, "") for name in ("nickname", "age_band", "kind", "text", "homepage")}
    data = {name: value for name, value in data.items() if value or name in ("text", "homepage")}
    if request.POST.get("topic"):
        data["topic"] = request.POST["topic"]
    data["language"] = translation.get_language()
    serializer = YouthContributionSerializer(data=data)
    if not serializer.is_valid():
        return form_refused(request, FORM_TEMPLATE, contribution_form_context(), serializer.errors, FIELD_LABELS)
    try:
        outcome = intake.submit(
            serializer.validated_data,
            "web",
            idempotency_key=posted_idempotency_key(request),
            quota=lambda: count_contribution(request),
        )
    except OverQuota as over:
        return too_many(request, over.wait, TOO_MANY)
    shown = outcome.decoy or {"reference": outcome.receipt.record.reference}
    return render(request, "home/youth/received.html", {"reference": shown["reference"]}, status=201)
