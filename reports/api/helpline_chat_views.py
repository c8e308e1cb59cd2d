"""``POST /api/v1/reports/helpline/chats/``: start a live chat with the helpline. The answer
holds the chat token the page keeps in memory and sends as the first WebSocket event; it
is shown once, and only its hash is stored (docs/helpline.md, "Chat"). The counsellors'
consoles learn of the new chat when the visitor's page joins it over the WebSocket."""

import secrets

from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from cms.core.api.intake import PrivateAPIView, refuse_files
from cms.core.api.parsers import DepthLimitedJSONParser

from ..helpline.chat import conversations, queue
from ..models import ChatState
from .helpline_serializers import ChatStartSerializer
from .helpline_views import TEXT_ONLY
from .throttling import HelplineChatStartThrottle

WEBSOCKET_PATH = "/ws/helpline/chat/"

STARTED = inline_serializer(
    "HelplineChatStarted",
    {
        "token": serializers.CharField(help_text="Secret: the first WebSocket event sends it to join the chat."),
        "websocket": serializers.CharField(help_text="The WebSocket path, on this host."),
        "state": serializers.ChoiceField(choices=ChatState.choices),
        "place": serializers.IntegerField(help_text="Place in the queue; 1 is next."),
        "wait_minutes": serializers.IntegerField(help_text="Expected wait; 0 when a counsellor is free."),
    },
)


class ChatClosedError(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "chat_closed"


def started_answer(conversation_id, token):
    snapshot = queue.snapshot()
    place = snapshot.place(conversation_id) or len(snapshot.waiting) + 1
    return {
        "token": token,
        "websocket": WEBSOCKET_PATH,
        "state": ChatState.QUEUED,
        "place": place,
        "wait_minutes": snapshot.expected_minutes(place),
    }


class HelplineChatStartView(PrivateAPIView):
    parser_classes = [DepthLimitedJSONParser]
    throttle_classes = [HelplineChatStartThrottle]

    @extend_schema(
        operation_id="helpline_chat_start",
        request=ChatStartSerializer,
        responses={
            201: STARTED,
            400: OpenApiResponse(description="A field is not valid; `error.fields` names it."),
            409: OpenApiResponse(description="The chat is closed now (outside its opening hours)."),
            415: OpenApiResponse(description="Files are refused: text only."),
            429: OpenApiResponse(description="Too many chats started; Retry-After says when to try again."),
        },
    )
    def post(self, request):
        refuse_files(request, TEXT_ONLY)
        serializer = ChatStartSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data.get("homepage"):
            # Filled by software that fills every field: an answer shaped the same, nothing stored.
            return Response(started_answer(0, secrets.token_urlsafe(32)), status=status.HTTP_201_CREATED)
        language = data.get("language") or translation.get_language()
        try:
            conversation, token = conversations.start(data, language)
        except conversations.ChatUnavailable as closed:
            raise ChatClosedError(_("The chat is closed now. Write to us with the form, or call 116 111.")) from closed
        return Response(started_answer(conversation.pk, token), status=status.HTTP_201_CREATED)
