"""``/api/v1/reports/helpline/``: ask the helpline for help; ``…/status/``: read the
conversation with the reference and token; ``…/messages/``: write back."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound
from rest_framework.response import Response

from cms.core.api.intake import (
    ApiIntake,
    PrivateAPIView,
    file_submission,
    intake_headers,
    refuse_files,
    stored_response,
)
from cms.core.api.parsers import DepthLimitedJSONParser
from cms.core.scopes import Scope

from ..helpline import conversation
from ..helpline import intake as helpline_intake
from ..models import ContactChannel, ContactMessage, ContactStatus
from .helpline_serializers import (
    AnswerSerializer,
    ConversationSerializer,
    HelplineContactSerializer,
    MessageSerializer,
    OpenedConversationSerializer,
)
from .throttling import HelplineAttemptThrottle, HelplineStatusThrottle, count_contact

TEXT_ONLY = gettext_lazy("Send text only: no files.")

RECEIPT = inline_serializer(
    "HelplineReceipt",
    {
        "reference": serializers.CharField(help_text="PO-YYYY-nnnnnn"),
        "status_token": serializers.CharField(help_text="Secret: with the reference it opens the conversation."),
        "status": serializers.ChoiceField(choices=ContactStatus.choices),
    },
)


HELPLINE_INTAKE = ApiIntake(
    HelplineContactSerializer,
    helpline_intake.submit,
    gettext_lazy("This API key may not pass on requests for help: it needs the helpline:submit scope."),
)


class ConversationClosedError(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conversation_closed"


def message_item(message):
    sender = "you" if message.kind == ContactMessage.Kind.FROM_PERSON else "counsellor"
    return {"id": message.pk, "sender": sender, "text": message.text, "sent_at": message.created_at}


def opened(data):
    """The contact the reference and token open, or 404 (wrong reference and wrong token
    cannot be told apart)."""
    serializer = ConversationSerializer(data=data)
    serializer.is_valid(raise_exception=True)
    contact = conversation.find(serializer.validated_data["reference"], serializer.validated_data["token"])
    if contact is None:
        raise NotFound(_("No conversation matches this reference and code."))
    return contact


class HelplineIntakeView(PrivateAPIView):
    channel = ContactChannel.API
    parser_classes = [DepthLimitedJSONParser]
    throttle_classes = [HelplineAttemptThrottle]

    @extend_schema(
        operation_id="helpline_contact_create",
        request=HelplineContactSerializer,
        parameters=intake_headers(Scope.HELPLINE_SUBMIT),
        responses={
            201: RECEIPT,
            400: OpenApiResponse(description="A field is not valid; `error.fields` names it."),
            401: OpenApiResponse(description="The API key sent is unknown, revoked or expired."),
            403: OpenApiResponse(description="The API key has no helpline:submit scope."),
            415: OpenApiResponse(description="Files are refused: text only."),
            422: OpenApiResponse(description="The Idempotency-Key was used before for a different contact."),
            429: OpenApiResponse(description="Too many contacts or attempts; Retry-After says when to try again."),
        },
    )
    def post(self, request):
        refuse_files(request, TEXT_ONLY)
        outcome = file_submission(request, HELPLINE_INTAKE, self.channel, lambda: count_contact(request))
        return stored_response(outcome)


class HelplineConversationView(PrivateAPIView):
    """The conversation of a contact: the person's messages and the counsellors' replies.
    The token is a secret: it travels in the body of a POST, never in an address."""

    parser_classes = [DepthLimitedJSONParser]
    throttle_classes = [HelplineStatusThrottle]

    @extend_schema(
        operation_id="helpline_conversation",
        request=ConversationSerializer,
        responses={
            200: OpenedConversationSerializer,
            400: OpenApiResponse(description="The reference or the token is missing."),
            404: OpenApiResponse(description="No contact matches this reference and token."),
        },
    )
    def post(self, request):
        contact = opened(request.data)
        messages = [message_item(message) for message in conversation.visible_messages(contact)]
        return Response({"reference": contact.reference, "status": contact.status, "messages": messages})


class HelplineAnswerView(PrivateAPIView):
    parser_classes = [DepthLimitedJSONParser]
    throttle_classes = [HelplineStatusThrottle]

    @extend_schema(
        operation_id="helpline_answer",
        request=AnswerSerializer,
        responses={
            201: MessageSerializer,
            400: OpenApiResponse(description="A field is missing or too long."),
            404: OpenApiResponse(description="No contact matches this reference and token."),
            409: OpenApiResponse(description="The conversation is closed."),
        },
    )
    def post(self, request):
        serializer = AnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contact = opened(request.data)
        try:
            message = conversation.answer(contact, serializer.validated_data["text"])
        except conversation.ConversationClosed as closed:
            raise ConversationClosedError(str(closed)) from closed
        return Response(message_item(message), status=status.HTTP_201_CREATED)
