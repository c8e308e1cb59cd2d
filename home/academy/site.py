"""The Academy's forms on the site: a workshop inquiry (``/cs/akademie/poptavka/``,
``/en/academy/inquiry/``, also shown on every workshop and programme page) and the
registration for a programme's seats. They validate with the API's serializers and file
through the same intake (``home.academy.intake``), so the page and the API cannot drift;
no cookie is set, posts are checked by origin.
"""

import secrets

from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext_lazy

from cms.core.public_forms import form_refused, over_the_limit, posted_idempotency_key, private_page, too_many
from cms.core.submission import OverQuota
from resources.models import Audience, Topic

from ..models.academy import ProgrammePage, Region, WorkshopPage
from ..models.academy_cases import MAX_MESSAGE_LENGTH, MAX_SEATS_PER_REGISTRATION
from . import intake
from .api import InquirySerializer, RegistrationSerializer, receipt_message
from .throttling import AcademyAttemptThrottle, count_academy

INQUIRY_TEMPLATE = "home/academy/inquiry.html"
REGISTRATION_TEMPLATE = "home/academy/registration.html"
RECEIVED_TEMPLATE = "home/academy/received.html"
TOO_MANY = "home/academy/too_many.html"

CONTACT_LABELS = {
    "organisation": gettext_lazy("School or organisation"),
    "contact_name": gettext_lazy("Contact person"),
    "email": gettext_lazy("E-mail"),
    "consent": gettext_lazy("Consent"),
}
# What the forms call each field: their labels, and the error summary's names for them.
INQUIRY_LABELS = {
    **CONTACT_LABELS,
    "ico": gettext_lazy("IČO (optional)"),
    "region": gettext_lazy("Region"),
    "phone": gettext_lazy("Telephone (optional)"),
    "audiences": gettext_lazy("Who is the workshop for?"),
    "group_size": gettext_lazy("How many participants?"),
    "preferred_dates": gettext_lazy("Preferred dates (optional)"),
    "topics": gettext_lazy("Topics (optional, choose any)"),
    "workshop": gettext_lazy("Workshop"),
    "programme": gettext_lazy("Programme"),
    "message": gettext_lazy("Anything else we should know? (optional)"),
}
REGISTRATION_LABELS = {**CONTACT_LABELS, "seats": gettext_lazy("Number of participants")}
TEXT_FIELDS = ("organisation", "contact_name", "email", "homepage")
INQUIRY_TEXT_FIELDS = (*TEXT_FIELDS, "ico", "region", "phone", "group_size", "preferred_dates", "message")


def _posted(post, names):
    data = {name: post.get(name, "") for name in names}
    data["consent"] = post.get("consent") == "on"
    data["language"] = translation.get_language()
    return data


def inquiry_form_context(workshop=None, programme=None, **extra):
    """What the inquiry form needs, on its own page or on a workshop or programme page."""
    return {
        "regions": Region.choices,
        "audiences": Audience.objects.all(),
        "topics": Topic.objects.all(),
        "labels": INQUIRY_LABELS,
        "max_message": MAX_MESSAGE_LENGTH,
        "workshop": workshop,
        "programme": programme,
        "values": {},
        "chosen_audiences": [],
        "chosen_topics": [],
        "errors": {},
        "idempotency_key": secrets.token_hex(16),
        **extra,
    }


def registration_form_context(programme, **extra):
    return {
        "programme": programme,
        "field_prefix": "registration",  # the programme page shows the inquiry form too
        "labels": REGISTRATION_LABELS,
        "max_seats": MAX_SEATS_PER_REGISTRATION,
        "values": {"seats": 1},
        "errors": {},
        "idempotency_key": secrets.token_hex(16),
        **extra,
    }


def _live(model, raw):
    return model.objects.live().filter(pk=raw).first() if str(raw).isdigit() else None


def _received(request, outcome, kind):
    shown = outcome.decoy or {
        "reference": outcome.receipt.record.reference,
        "status": outcome.receipt.record.status,
    }
    context = {**shown, "kind": kind, "message": receipt_message(kind, shown["status"])}
    return render(request, RECEIVED_TEMPLATE, context, status=201)


@private_page
def inquiry_form(request):
    workshop = _live(WorkshopPage, request.GET.get("workshop") or request.POST.get("workshop") or "")
    programme = _live(ProgrammePage, request.GET.get("programme") or request.POST.get("programme") or "")
    if request.method == "GET":
        return render(request, INQUIRY_TEMPLATE, inquiry_form_context(workshop, programme))
    if refused := over_the_limit(request, AcademyAttemptThrottle, TOO_MANY):
        return refused
    data = _posted(request.POST, INQUIRY_TEXT_FIELDS)
    data.update(
        audiences=request.POST.getlist("audiences"),
        topics=request.POST.getlist("topics"),
        workshop=workshop.pk if workshop else None,
        programme=programme.pk if programme else None,
    )
    serializer = InquirySerializer(data=data)
    if not serializer.is_valid():
        context = inquiry_form_context(
            workshop,
            programme,
            chosen_audiences=request.POST.getlist("audiences"),
            chosen_topics=request.POST.getlist("topics"),
        )
        return form_refused(request, INQUIRY_TEMPLATE, context, serializer.errors, INQUIRY_LABELS)
    try:
        outcome = intake.submit_inquiry(
            serializer.validated_data,
            "web",
            idempotency_key=posted_idempotency_key(request),
            quota=lambda: count_academy(request),
        )
    except OverQuota as over:
        return too_many(request, over.wait, TOO_MANY)
    return _received(request, outcome, "inquiry")


@private_page
def registration_form(request, programme_id):
    programme = get_object_or_404(ProgrammePage.objects.live(), pk=programme_id)
    if request.method == "GET":
        return render(request, REGISTRATION_TEMPLATE, registration_form_context(programme))
    if refused := over_the_limit(request, AcademyAttemptThrottle, TOO_MANY):
        return refused
    serializer = RegistrationSerializer(data=_posted(request.POST, (*TEXT_FIELDS, "seats")))
    if not serializer.is_valid():
        context = registration_form_context(programme)
        return form_refused(request, REGISTRATION_TEMPLATE, context, serializer.errors, REGISTRATION_LABELS)
    try:
        outcome = intake.submit_registration(
            {**serializer.validated_data, "programme": programme.pk},
            "web",
            idempotency_key=posted_idempotency_key(request),
            quota=lambda: count_academy(request),
        )
    except OverQuota as over:
        return too_many(request, over.wait, TOO_MANY)
    except intake.RegistrationClosed:
        context = registration_form_context(programme, closed=True)
        return render(request, REGISTRATION_TEMPLATE, context, status=409)
    return _received(request, outcome, "registration")
