"""The chat page (``/cs/pomoc/chat/``, ``/en/help/chat/``): the pre-chat form and, with
JavaScript, the conversation. Outside the opening hours it offers the written form and
the emergency numbers. The page sets no cookie and stores nothing in the browser: the
chat token lives in the page's memory only (reports/static/reports/chat.js)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from cms.core.public_forms import private_page

from ..helpline.chat import hours, queue
from ..models import AgeBand, HelplineCategory, Role
from ..models.chat import MAX_CHAT_MESSAGE_LENGTH, MAX_SURVEY_COMMENT_LENGTH
from ..models.helpline import MAX_NICKNAME_LENGTH


def script_strings():
    """Everything the script shows, in the page's language."""
    return {
        "connecting": _("Connecting…"),
        "reconnecting": _("The connection dropped. Reconnecting… Your messages are kept."),
        "waiting": _("You are number %(place)s in the queue."),
        "wait_minutes": _("Expected wait: about %(minutes)s min."),
        "wait_soon": _("A counsellor will be with you shortly."),
        "joined": _("%(name)s has joined the chat."),
        "typing": _("The counsellor is typing…"),
        "you": _("You"),
        "counsellor": _("Counsellor"),
        "sending": _("sending…"),
        "ended_by_you": _("You ended the chat."),
        "ended_by_counsellor": _("The counsellor ended the chat."),
        "blocked": _("The helpline has ended this chat."),
        "unknown": _("This chat does not exist or has ended."),
        "too_many": _("You are sending messages very fast. Wait a moment, then send again."),
        "refused": _("This could not be sent."),
        "survey_thanks": _("Thank you for your feedback."),
        "transcript_title": _("Chat with the helpline"),
        "start_failed": _("The chat could not start. Check the form and try again."),
        "closed": _("The chat is closed now. Write to us with the form, or call 116 111."),
        "too_many_chats": _("Too many chats were started from this connection. Try again later, or write to us."),
        "network": _("No connection to the helpline. Check your internet connection and try again."),
        "confirm_end": _("End the chat?"),
    }


@private_page
def chat_page(request):
    if not hours.is_open():
        return render(request, "reports/helpline/chat_closed.html", _closed_context())
    context = {
        "age_bands": [choice for choice in AgeBand.choices if choice[0] != AgeBand.UNKNOWN],
        "roles": Role.choices,
        "topics": HelplineCategory.choices,
        "max_message": MAX_CHAT_MESSAGE_LENGTH,
        "max_nickname": MAX_NICKNAME_LENGTH,
        "max_comment": MAX_SURVEY_COMMENT_LENGTH,
        "start_url": reverse("api:helpline-chat-start"),
        "strings": script_strings(),
        "staffed": queue.is_staffed(),
    }
    return render(request, "reports/helpline/chat.html", context)


def _closed_context():
    return {"opening_times": [(WEEKDAYS[day], start, end) for day, start, end in hours.opening_times()]}
