"""``/api/v1/academy/inquiries/`` (a school asks for a workshop) and
``/api/v1/academy/programmes/{id}/registrations/`` (a school takes seats on a programme):
the public intakes of the Academy, on the rules every public intake shares."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import APIException

from cms.core.api.fields import NO_NUL, ConsentField, PageIdField, PatternField, TextField, some_text_field
from cms.core.api.intake import (
    ApiIntake,
    PrivateAPIView,
    file_submission,
    intake_headers,
    receipt_of,
    stored_response,
)
from cms.core.api.locale import requested_language
from cms.core.api.parsers import DepthLimitedJSONParser
from cms.core.ico import normalise_ico
from cms.core.scopes import Scope
from resources.models import Audience, Topic

from ..models.academy import ProgrammePage, Region, WorkshopPage
from ..models.academy_cases import (
    MAX_GROUP_SIZE,
    MAX_MESSAGE_LENGTH,
    MAX_SEATS_PER_REGISTRATION,
    InquiryStatus,
    RegistrationStatus,
)
from . import intake
from .throttling import AcademyAttemptThrottle, count_academy

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PHONE = r"^\+?[0-9][0-9 ()/-]{7,22}$"


def academy_consent():
    return ConsentField(
        refusal=gettext_lazy("We can answer only with your consent to keep these details for that purpose."),
        help_text="Must be true: consent to keep the contact details to arrange the workshop or the seats.",
    )


class ContactSerializer(serializers.Serializer):
    """Who writes in, for whom: the organisation and the person to answer."""

    organisation = some_text_field(200, help_text="The school or organisation.")
    contact_name = some_text_field(120, help_text="The person to answer; encrypted.")
    email = serializers.EmailField(max_length=254, help_text="Where the confirmation goes; encrypted.")
    language = serializers.ChoiceField(
        choices=LANGUAGES, required=False, help_text="Of the e-mails; default: the request's."
    )
    consent = academy_consent()
    # A field people never see; software that fills every field fills it too.
    homepage = TextField(required=False, allow_blank=True, write_only=True)


class InquirySerializer(ContactSerializer):
    ico = TextField(
        required=False, allow_blank=True, max_length=20, help_text="Czech company ID (IČO), eight digits, optional."
    )
    region = serializers.ChoiceField(choices=Region.choices)
    phone = PatternField(PHONE, required=False, allow_blank=True, help_text="Optional; encrypted.")
    audiences = serializers.ListField(
        child=serializers.SlugRelatedField(slug_field="slug", queryset=Audience.objects.all()),
        min_length=1,
        max_length=10,
        help_text="Audience slugs, at least one.",
    )
    group_size = serializers.IntegerField(min_value=1, max_value=MAX_GROUP_SIZE)
    preferred_dates = PatternField(NO_NUL, max_length=300, required=False, allow_blank=True)
    topics = serializers.ListField(
        child=serializers.SlugRelatedField(slug_field="slug", queryset=Topic.objects.all()),
        required=False,
        max_length=30,
        help_text="Topic slugs.",
    )
    workshop = PageIdField(
        queryset=WorkshopPage.objects.live(), required=False, allow_null=True, help_text="A workshop's id."
    )
    programme = PageIdField(
        queryset=ProgrammePage.objects.live(), required=False, allow_null=True, help_text="A programme's id."
    )
    message = PatternField(NO_NUL, max_length=MAX_MESSAGE_LENGTH, required=False, allow_blank=True)

    def validate_ico(self, value):
        if not value.strip():
            return ""
        try:
            return normalise_ico(value)
        except ValidationError as invalid:
            raise serializers.ValidationError(invalid.messages) from invalid


class RegistrationSerializer(ContactSerializer):
    seats = serializers.IntegerField(min_value=1, max_value=MAX_SEATS_PER_REGISTRATION, help_text="Participants.")


class RegistrationClosedError(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "registration_closed"

    def __init__(self):
        super().__init__(_("This programme is not taking registrations: it is closed or has begun."))


INQUIRY_INTAKE = ApiIntake(
    InquirySerializer,
    intake.submit_inquiry,
    gettext_lazy("This API key may not send Academy inquiries: it needs the academy:submit scope."),
)
REGISTRATION_INTAKE = ApiIntake(
    RegistrationSerializer,
    intake.submit_registration,
    gettext_lazy("This API key may not send Academy registrations: it needs the academy:submit scope."),
)


def receipt_message(kind, record_status):
    """What the person is told once it is stored (the API's receipt and the site's page)."""
    if kind == "inquiry":
        return _("Thank you. We have sent you a confirmation e-mail; an Academy coordinator will contact you.")
    if record_status == RegistrationStatus.WAITING:
        return _("The programme is full: you are on the waiting list. We will write to you when seats come free.")
    return _("Your seats are confirmed. We have sent you a confirmation e-mail.")


def _receipt(outcome, kind):
    shown = receipt_of(outcome)  # the stored record's, or the decoy's
    return {
        "reference": shown["reference"],
        "status": shown["status"],
        "message": receipt_message(kind, shown["status"]),
    }


def receipt_schema(name, statuses, pattern):
    return inline_serializer(
        name,
        {
            "reference": serializers.CharField(help_text=pattern),
            "status": serializers.ChoiceField(choices=statuses),
            "message": serializers.CharField(),
        },
    )


ERRORS = {
    400: OpenApiResponse(description="A field is not valid; `error.fields` names it."),
    401: OpenApiResponse(description="The API key sent is unknown, revoked or expired."),
    403: OpenApiResponse(description="The API key has no academy:submit scope."),
    422: OpenApiResponse(description="The Idempotency-Key was used before for something else."),
    429: OpenApiResponse(description="Too many submissions or attempts; Retry-After says when to try again."),
}


class AcademyIntakeView(PrivateAPIView):
    parser_classes = [DepthLimitedJSONParser]
    throttle_classes = [AcademyAttemptThrottle]

    def file(self, request, api_intake, extra=None):
        quota = lambda: count_academy(request)  # noqa: E731 - one line, read where it is used
        defaults = {"language": requested_language(request), **(extra or {})}
        return file_submission(request, api_intake, "api", quota, defaults)


class InquiryView(AcademyIntakeView):
    @extend_schema(
        operation_id="academy_inquiry_create",
        request=InquirySerializer,
        parameters=intake_headers(Scope.ACADEMY_SUBMIT),
        responses={201: receipt_schema("AcademyInquiryReceipt", InquiryStatus.choices, "AK-YYYY-nnnnnn"), **ERRORS},
    )
    def post(self, request):
        outcome = self.file(request, INQUIRY_INTAKE)
        return stored_response(outcome, body=_receipt(outcome, "inquiry"))


class RegistrationView(AcademyIntakeView):
    @extend_schema(
        operation_id="academy_registration_create",
        request=RegistrationSerializer,
        parameters=intake_headers(Scope.ACADEMY_SUBMIT),
        responses={
            201: receipt_schema("AcademyRegistrationReceipt", RegistrationStatus.choices, "AP-YYYY-nnnnnn"),
            **ERRORS,
            404: OpenApiResponse(description="No published programme has this id."),
            409: OpenApiResponse(description="The programme is closed for registration or has begun."),
        },
    )
    def post(self, request, pk):
        programme = get_object_or_404(ProgrammePage.objects.live(), pk=pk)
        try:
            outcome = self.file(request, REGISTRATION_INTAKE, {"programme": programme.pk})
        except intake.RegistrationClosed as closed:
            raise RegistrationClosedError() from closed
        return stored_response(outcome, body=_receipt(outcome, "registration"))
