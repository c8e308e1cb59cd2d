"""``/api/v1/reports/hotline/``: file a report; ``…/status/``: follow it with its token."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from cms.core import submission
from cms.core.api.errors import InvalidParameter
from cms.core.api.intake import (
    PrivateAPIView,
    idempotency_key,
    intake_errors,
    intake_headers,
    receipt_of,
    refuse_files,
    stored_response,
)
from cms.core.api.parsers import DepthLimitedJSONParser
from cms.core.scopes import Scope

from .. import handoff
from ..hotline import intake
from ..hotline.intake import FILES_REFUSED, public_status
from ..models import Channel, ContactStatus, Status
from .serializers import HotlineReportSerializer
from .throttling import HotlineAttemptThrottle, HotlineStatusThrottle, count_contact, count_report

RECEIPT = inline_serializer(
    "HotlineReceipt",
    {
        "reference": serializers.CharField(),
        "status_token": serializers.CharField(help_text="Secret: with the reference it reads the status."),
        "status": serializers.ChoiceField(choices=Status.choices),
    },
)
REDIRECT_TO_HELPLINE = inline_serializer(
    "HotlineOutOfRemit",
    {"stored": serializers.BooleanField(), "message": serializers.CharField(), "helpline_url": serializers.CharField()},
)
PASSED_TO_HELPLINE = inline_serializer(
    "HotlinePassedToHelpline",
    {
        "stored": serializers.BooleanField(),
        "passed_to": serializers.CharField(help_text="helpline"),
        "message": serializers.CharField(),
        "reference": serializers.CharField(help_text="The helpline contact's reference, PO-YYYY-nnnnnn."),
        "status_token": serializers.CharField(help_text="Secret: reads the counsellor's answers."),
        "status": serializers.ChoiceField(choices=ContactStatus.choices),
        "helpline_url": serializers.CharField(),
    },
)
STATUS = inline_serializer(
    "HotlineStatus",
    {"reference": serializers.CharField(), "status": serializers.ChoiceField(choices=Status.choices)},
)


def helpline_answer():
    return {
        "stored": False,
        "message": _(
            "This is not something the hotline handles, so nothing was stored. The helpline can help: "
            "it is anonymous and free. Send it again with pass_to_helpline set to true and a description "
            "to pass it to the helpline."
        ),
        "helpline_url": handoff.helpline_url(),
    }


def passed_to_helpline(receipt):
    """The answer when an out-of-remit report went to the helpline: its contact's receipt."""
    return {
        "stored": True,
        "passed_to": "helpline",
        "message": _(
            "This is not something the hotline handles: with your consent we passed your description to the "
            "helpline. A counsellor will answer you; read the answer with this reference and code."
        ),
        "reference": receipt["reference"],
        "status_token": receipt["status_token"],
        "status": receipt["status"],
        "helpline_url": handoff.helpline_url(),
    }


class HotlineIntakeView(PrivateAPIView):
    channel = Channel.API
    parser_classes = [DepthLimitedJSONParser]
    throttle_classes = [HotlineAttemptThrottle]

    @extend_schema(
        operation_id="hotline_report_create",
        request=HotlineReportSerializer,
        parameters=intake_headers(Scope.REPORTS_SUBMIT),
        responses={
            201: PolymorphicProxySerializer(
                component_name="HotlineCreated",
                serializers=[RECEIPT, PASSED_TO_HELPLINE],
                resource_type_field_name=None,
            ),
            200: OpenApiResponse(
                REDIRECT_TO_HELPLINE, description="Out of remit, not passed to the helpline: nothing stored."
            ),
            400: OpenApiResponse(description="A field is not valid; `error.fields` names it."),
            415: OpenApiResponse(description="Files are refused: never send such material."),
            401: OpenApiResponse(description="The API key sent is unknown, revoked or expired."),
            422: OpenApiResponse(description="The Idempotency-Key was used before for a different report."),
            403: OpenApiResponse(description="The API key has no reports:submit scope."),
            429: OpenApiResponse(
                description="Too many reports or attempts from this client; Retry-After says when to try again."
            ),
        },
    )
    def post(self, request):
        refuse_files(request, FILES_REFUSED)
        key = idempotency_key(request)
        serializer = HotlineReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        filing = submission.Filing(
            self.channel, key, getattr(request, "partner_key", None), lambda: count_report(request)
        )
        with intake_errors(_("This API key may not submit reports: it needs the reports:submit scope.")):
            filed = handoff.file_report(data, filing, contact_quota=lambda: count_contact(request))
        if filed.passed_to_helpline:
            return stored_response(filed.submission, passed_to_helpline(receipt_of(filed.submission)))
        if filed.submission.outcome is intake.Outcome.OUT_OF_REMIT:
            return Response(helpline_answer())
        return stored_response(filed.submission)


STATUS_QUERY = inline_serializer(
    "HotlineStatusQuery",
    {
        "reference": serializers.CharField(help_text="The reference, e.g. HL-2026-000123."),
        "token": serializers.CharField(help_text="The status token given with the reference."),
    },
)


class HotlineStatusView(PrivateAPIView):
    """The coarse status of a report. The token is a secret: send it in the body of a POST
    (or a ``Status-Token`` header), so it stays out of server logs and browser history; the
    query string still works for links made before."""

    throttle_classes = [HotlineStatusThrottle]

    @extend_schema(
        operation_id="hotline_report_status_lookup",
        request=STATUS_QUERY,
        responses={
            200: STATUS,
            400: OpenApiResponse(description="The reference or the token is missing."),
            404: OpenApiResponse(description="No report matches this reference and token."),
        },
    )
    def post(self, request):
        data = request.data if isinstance(request.data, dict) else {}
        return self.answer(data.get("reference"), data.get("token"))

    @extend_schema(
        operation_id="hotline_report_status",
        # ``?token=`` still works for links made before, undocumented: the token is a secret.
        parameters=[
            OpenApiParameter("reference", str, required=True),
            OpenApiParameter("Status-Token", str, OpenApiParameter.HEADER, required=True, description="The token."),
        ],
        responses={200: STATUS, 404: OpenApiResponse(description="No report matches this reference and token.")},
    )
    def get(self, request):
        token = request.headers.get("Status-Token") or request.GET.get("token")
        return self.answer(request.GET.get("reference"), token)

    def answer(self, reference, token):
        values = {"reference": reference, "token": token}
        missing = {
            name: [_("This parameter is required.")]
            for name, value in values.items()
            if not isinstance(value, str) or not value
        }
        if missing:
            raise InvalidParameter(missing)
        report = public_status(reference, token)
        if report is None:
            raise NotFound(_("No report matches this reference and token."))
        return Response({"reference": report.reference, "status": report.status})
