"""``/api/v1/reports/hotline/``: file a report; ``…/status/``: follow it with its token."""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound, PermissionDenied, Throttled, UnsupportedMediaType
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.core.api.errors import InvalidParameter
from cms.core.api.parsers import DepthLimitedJSONParser

from ..hotline import intake
from ..hotline.intake import FILES_REFUSED, MAX_IDEMPOTENCY_KEY_LENGTH, public_status
from ..models import Channel, Status
from .serializers import HotlineReportSerializer
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
            raise UnsupportedMediaType(request.content_type, str(FILES_REFUSED))
        key = request.headers.get("Idempotency-Key", "").strip()
        if len(key) > MAX_IDEMPOTENCY_KEY_LENGTH:
            message = _("At most %(max)s characters.") % {"max": MAX_IDEMPOTENCY_KEY_LENGTH}
            raise InvalidParameter({"Idempotency-Key": [message]})
        serializer = HotlineReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            submission = intake.submit(
                serializer.validated_data,
                self.channel,
                idempotency_key=key,
                partner_key=getattr(request, "partner_key", None),
                quota=lambda: count_report(request),
            )
        except intake.ScopeMissing as refused:
            message = _("This API key may not submit reports: it needs the reports:submit scope.")
            raise PermissionDenied(message) from refused
        except intake.OverQuota as over:
            raise Throttled(over.wait) from over
        except intake.IdempotencyConflict as conflict:
            raise IdempotencyKeyReused() from conflict
        if submission.outcome is intake.Outcome.OUT_OF_REMIT:
            return Response(helpline_answer())
        if submission.outcome is intake.Outcome.DECOY:
            return Response({**submission.decoy, "status": Status.RECEIVED}, status=status.HTTP_201_CREATED)
        receipt = submission.receipt
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
