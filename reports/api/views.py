"""``/api/v1/reports/hotline/``: file a report; ``…/status/``: follow it with its token."""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound, PermissionDenied, UnsupportedMediaType
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.errors import InvalidParameter
from cms.api.parsers import DepthLimitedJSONParser
from cms.partners.models import Scope

from ..hotline.intake import (
    MAX_IDEMPOTENCY_KEY_LENGTH,
    IdempotencyConflict,
    decoy_receipt,
    public_status,
    receive_report,
)
from ..hotline.serializers import HotlineReportSerializer
from ..models import Channel, Status
from .throttling import HotlineAttemptThrottle, HotlineStatusThrottle, count_report

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
STATUS = inline_serializer(
    "HotlineStatus",
    {"reference": serializers.CharField(), "status": serializers.ChoiceField(choices=Status.choices)},
)


def helpline_answer():
    return {
        "stored": False,
        "message": _(
            "This is not something the hotline handles, so nothing was stored. The helpline can help: "
            "it is anonymous and free."
        ),
        "helpline_url": settings.HELPLINE_URL,
    }


class IdempotencyKeyReused(APIException):
    """422, as the IETF Idempotency-Key draft asks for a key reused with another body."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "idempotency_key_reused"

    def __init__(self):
        message = _("This Idempotency-Key was used before for a different report. Use a new key for a new report.")
        super().__init__(message)


class PrivateAPIView(APIView):
    """Answers about reports are never stored by a browser or a proxy."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response


class HotlineIntakeView(PrivateAPIView):
    channel = Channel.API
    parser_classes = [DepthLimitedJSONParser]
    throttle_classes = [HotlineAttemptThrottle]

    @extend_schema(
        operation_id="hotline_report_create",
        request=HotlineReportSerializer,
        parameters=[
            OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER, description="Retry safely."),
            OpenApiParameter(
                "Authorization",
                str,
                OpenApiParameter.HEADER,
                description="Platforms: `Api-Key <key>` with the reports:submit scope files as that partner.",
            ),
        ],
        responses={
            201: RECEIPT,
            200: OpenApiResponse(REDIRECT_TO_HELPLINE, description="Out of remit: nothing stored."),
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
        if request.content_type.startswith("multipart/") or request.FILES:
            raise UnsupportedMediaType(
                request.content_type,
                _(
                    "Never send images, videos or other files, not even as evidence: sending them is a crime. "
                    "Give only the addresses where the content is."
                ),
            )
        key = request.headers.get("Idempotency-Key", "").strip()
        if len(key) > MAX_IDEMPOTENCY_KEY_LENGTH:
            message = _("At most %(max)s characters.") % {"max": MAX_IDEMPOTENCY_KEY_LENGTH}
            raise InvalidParameter({"Idempotency-Key": [message]})
        serializer = HotlineReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if not serializer.in_remit:
            return Response(helpline_answer())
        partner_key = getattr(request, "partner_key", None)
        if partner_key is not None and not partner_key.allows(Scope.REPORTS_SUBMIT):
            raise PermissionDenied(_("This API key may not submit reports: it needs the reports:submit scope."))
        count_report(request)
        if serializer.is_spam:
            return Response({**decoy_receipt(), "status": Status.RECEIVED}, status=status.HTTP_201_CREATED)
        partner = partner_key.partner if partner_key else None
        channel = Channel.PARTNER if partner else self.channel
        try:
            receipt = receive_report(serializer.validated_data, channel, key, partner=partner)
        except IdempotencyConflict as conflict:
            raise IdempotencyKeyReused() from conflict
        response = Response(
            {
                "reference": receipt.report.reference,
                "status_token": receipt.status_token,
                "status": receipt.report.status,
            },
            status=status.HTTP_201_CREATED,
        )
        if not receipt.created:
            response["Idempotent-Replayed"] = "true"
        return response


class HotlineStatusView(PrivateAPIView):
    throttle_classes = [HotlineStatusThrottle]

    @extend_schema(
        operation_id="hotline_report_status",
        parameters=[OpenApiParameter("reference", str, required=True), OpenApiParameter("token", str, required=True)],
        responses={200: STATUS, 404: OpenApiResponse(description="No report matches this reference and token.")},
    )
    def get(self, request):
        missing = {
            name: [_("This parameter is required.")] for name in ("reference", "token") if not request.GET.get(name)
        }
        if missing:
            raise InvalidParameter(missing)
        report = public_status(request.GET["reference"], request.GET["token"])
        if report is None:
            raise NotFound(_("No report matches this reference and token."))
        return Response({"reference": report.reference, "status": report.status})
