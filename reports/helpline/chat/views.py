"""The counsellor's chat console in the admin (``/admin/helpline/chat/``): the page and the
words its script shows; everything live goes over the console's WebSocket."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.core.access import case_workspace

from ...models import CannedResponse, ContactOutcome, HelplineCategory


def console_strings():
    return {
        "connecting": _("Connecting to the chat server…"),
        "reconnecting": _("The connection dropped. Reconnecting…"),
        "connected": _("Connected."),
        "forbidden": _("Your account cannot use the chat console."),
        "visitor": _("Visitor"),
        "you": _("You"),
        "sending": _("sending…"),
        "typing": _("The visitor is typing…"),
        "online": _("The visitor is connected."),
        "offline": _("The visitor's connection dropped; they may come back."),
        "ended_by_visitor": _("The visitor ended the chat. Categorise it and close it."),
        "released_transferred": _("The chat was transferred."),
        "released_closed": _("The chat is closed."),
        "blocked": _("The chat token is blocked."),
        "queue_empty": _("Nobody is waiting."),
        "confirm_block": _("Block this chat? The visitor is disconnected and cannot come back with it."),
        "choose_category": _("Choose at least one category."),
        "no_counsellor": _("No other counsellor is available."),
        "too_many": _("You are sending very fast; wait a moment."),
        "read_only": _("Reading (recorded in the audit log)"),
        "read": _("Read (recorded in the audit log)"),
        "contact": _("Contact"),
        "nobody": _("nobody"),
    }


@case_workspace("reports.access_helpline")
def console(request):
    context = {
        "canned": [
            {"title": item.title, "text": item.text, "language": item.language}
            for item in CannedResponse.objects.filter(active=True).order_by("title")
        ],
        "categories": HelplineCategory.choices,
        "outcomes": ContactOutcome.choices,
        "strings": console_strings(),
        "supervisor": request.user.has_perm("reports.supervise_helpline"),
    }
    return render(request, "reports/helpline/chat_console.html", context)
