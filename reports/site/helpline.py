"""The helpline's public pages: the form (``/cs/pomoc/``, ``/en/help/``) and the status page
where the person reads the counsellors' answers and writes back.

Both work without JavaScript and without an account: the reference and the code the form
gives open the conversation; they travel in POST bodies only (never in an address, so not
in the browser's history or a server log). The form validates with the API's serializer
and files through the same intake; no cookie is set.
"""

import secrets

from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy

from cms.core.api.errors import field_messages
from cms.core.public_forms import form_errors, over_the_limit, private_page, receipt_shown, too_many
from cms.core.submission import MAX_IDEMPOTENCY_KEY_LENGTH, OverQuota

from ..api.helpline_serializers import AnswerSerializer, HelplineContactSerializer
from ..api.helpline_views import TEXT_ONLY
from ..api.throttling import HelplineAttemptThrottle, HelplineStatusThrottle, count_contact
from ..helpline import conversation
from ..helpline import intake as helpline_intake
from ..models import AgeBand, AnswerBy, ContactChannel, Gender, HelplineCategory, Platform, Role
from ..models.helpline import MAX_MESSAGE_LENGTH, MAX_NICKNAME_LENGTH

FORM_TEMPLATE = "reports/helpline/form.html"
STATUS_TEMPLATE = "reports/helpline/status.html"
TOO_MANY = "reports/helpline/too_many.html"
CHOICE_FIELDS = ("age_band", "gender", "role", "platform", "answer_by")


def _form_data(post):
    data = {name: post.get(name, "") for name in ("nickname", "message", "email", "homepage", *CHOICE_FIELDS)}
    data = {name: value for name, value in data.items() if value or name in ("message", "homepage")}
    data["categories"] = post.getlist("categories")
    data["consent"] = post.get("consent") == "on"
    data["language"] = translation.get_language()
    return data


def _context(**extra):
    return {
        "age_bands": AgeBand.choices,
        "genders": Gender.choices,
        "roles": Role.choices,
        "platforms": Platform.choices,
        "categories": HelplineCategory.choices,
        "answer_choices": AnswerBy.choices,
        "max_message": MAX_MESSAGE_LENGTH,
        "max_nickname": MAX_NICKNAME_LENGTH,
        "labels": FIELD_LABELS,
        "values": {"answer_by": AnswerBy.STATUS_PAGE},
        "chosen_categories": [],
        "errors": {},
        "idempotency_key": secrets.token_hex(16),
        **extra,
    }


# What the form calls each field: its labels, and the error summary's names for the fields.
FIELD_LABELS = {
    "message": gettext_lazy("What happened? How can we help?"),
    "categories": gettext_lazy("What is it about? (optional, choose any)"),
    "nickname": gettext_lazy("Nickname (optional, not your real name)"),
    "age_band": gettext_lazy("How old are you? (optional)"),
    "role": gettext_lazy("You are (optional)"),
    "gender": gettext_lazy("Gender (optional)"),
    "platform": gettext_lazy("Where did it happen? (optional)"),
    "answer_by": gettext_lazy("How do you want our answer?"),
    "email": gettext_lazy("Your e-mail address (only for an answer by e-mail; kept encrypted)"),
    "consent": gettext_lazy("Consent"),
}


@private_page
def contact_form(request):
    if request.method == "GET":
        return render(request, FORM_TEMPLATE, _context())
    if refused := over_the_limit(request, HelplineAttemptThrottle, TOO_MANY):
        return refused
    serializer = HelplineContactSerializer(data=_form_data(request.POST))
    if request.FILES or not serializer.is_valid():
        refused = {"message": [str(TEXT_ONLY)]} if request.FILES else serializer.errors
        errors, summary = form_errors(refused, FIELD_LABELS)
        context = _context(
            values=request.POST,
            chosen_categories=request.POST.getlist("categories"),
            errors=errors,
            summary=summary,
            idempotency_key=request.POST.get("idempotency_key") or secrets.token_hex(16),
        )
        return render(request, FORM_TEMPLATE, context, status=400)
    try:
        outcome = helpline_intake.submit(
            serializer.validated_data,
            ContactChannel.WEB,
            idempotency_key=request.POST.get("idempotency_key", "")[:MAX_IDEMPOTENCY_KEY_LENGTH],
            quota=lambda: count_contact(request),
        )
    except OverQuota as over:
        return too_many(request, over.wait, TOO_MANY)
    return render(request, "reports/helpline/received.html", receipt_shown(outcome), status=201)


@private_page
def status_page(request):
    """GET: the form for the reference and the code. POST: the conversation they open, and
    with ``text`` the person's answer added to it."""
    if request.method == "GET":
        return render(request, STATUS_TEMPLATE, {"checked": False})
    if refused := over_the_limit(request, HelplineStatusThrottle, TOO_MANY):
        return refused
    reference, token = request.POST.get("reference", ""), request.POST.get("token", "")
    contact = conversation.find(reference, token)
    context = {"checked": True, "contact": contact, "reference": reference, "token": token, "errors": {}}
    status = 200 if contact else 404
    if contact and request.POST.get("action") == "answer":
        status = _answer(request, contact, context)
    if contact:
        context["messages_shown"] = conversation.visible_messages(contact)
    return render(request, STATUS_TEMPLATE, context, status=status)


def _answer(request, contact, context):
    serializer = AnswerSerializer(data=request.POST)
    if not serializer.is_valid():
        context["errors"] = field_messages(serializer.errors)
        context["draft"] = request.POST.get("text", "")
        return 400
    try:
        conversation.answer(contact, serializer.validated_data["text"])
    except conversation.ConversationClosed as closed:
        context["errors"] = {"text": [str(closed)]}
        return 409
    context["sent"] = True
    contact.refresh_from_db()
    return 200
