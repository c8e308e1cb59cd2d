"""The events a WebSocket client may send, checked before anything else runs.

Every event is a JSON object with a ``type`` and exactly the fields that type takes: an
unknown type, a missing or extra field (a visitor naming a conversation, say), a wrong
kind of value, an oversized frame or text with markup characters the chat does not
carry (NUL and other control characters) is refused with an ``error`` event naming the
problem, and nothing is stored. Text is plain text: clients show it as text, never as
HTML, so it needs no escaping here.
"""

import json
import re

from django.utils.translation import gettext_lazy as _

from ...models import ContactOutcome, HelplineCategory
from ...models.chat import MAX_CHAT_MESSAGE_LENGTH, MAX_CLIENT_ID_LENGTH, MAX_SURVEY_COMMENT_LENGTH

MAX_FRAME_BYTES = 16 * 1024
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CLIENT_ID = re.compile(rf"^[A-Za-z0-9_-]{{1,{MAX_CLIENT_ID_LENGTH}}}$")


MESSAGES = {
    "too_large": _("The message is too long."),
    "not_json": _("This could not be read."),
    "text_only": _("Send text only: no files."),
    "unknown_type": _("This could not be read."),
    "unexpected_field": _("This could not be read."),
    "missing_field": _("Something is missing."),
    "invalid_field": _("Something is not valid."),
    "join_first": _("Connect to your chat first."),
    "already_joined": _("You are already in this chat."),
}


class BadEvent(Exception):
    def __init__(self, code, field=""):
        super().__init__(code)
        self.code, self.field = code, field

    def as_event(self):
        return {"type": "error", "code": self.code, "field": self.field, "message": str(MESSAGES.get(self.code, ""))}


def _text(limit, required=True):
    def check(value):
        if not isinstance(value, str) or CONTROL.search(value):
            return None
        value = value.strip()
        if (required and not value) or len(value) > limit:
            return None
        return value

    return check


def _client_id(value):
    return value if isinstance(value, str) and CLIENT_ID.match(value) else None


def _count(value):
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31 else None


def _id(value):
    return value if _count(value) else None


def _rating(value):
    return value if _count(value) is not None and 1 <= value <= 5 else None


def _categories(value):
    codes = set(HelplineCategory.values)
    if isinstance(value, list) and 0 < len(value) <= len(codes) and all(item in codes for item in value):
        return value
    return None


def _outcome(value):
    return value if value in ContactOutcome.values else None


def _presence(value):
    return value if value in ("available", "away") else None


def _capacity(value):
    return value if _count(value) is not None and 1 <= value <= 10 else None


MESSAGE = {"client_id": _client_id, "text": _text(MAX_CHAT_MESSAGE_LENGTH)}

VISITOR_EVENTS = {
    "join": {"token": _text(100), "after": _count},
    "message": MESSAGE,
    "sync": {"after": _count},
    "typing": {},
    "end": {},
    "survey": {"rating": _rating, "comment": _text(MAX_SURVEY_COMMENT_LENGTH, required=False)},
}

COUNSELLOR_EVENTS = {
    "presence": {"status": _presence, "capacity": _capacity},
    "take": {},
    "message": {"conversation": _id, **MESSAGE},
    "sync": {"conversation": _id, "after": _count},
    "typing": {"conversation": _id},
    "transfer": {"conversation": _id, "to": _id},
    "close": {"conversation": _id, "categories": _categories, "outcome": _outcome},
    "block": {"conversation": _id},
    "read": {"conversation": _id},
}
OPTIONAL = {("survey", "comment"), ("presence", "capacity")}


def dumps(event):
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


def parse(frame, events):
    """The event in ``frame`` (text of at most MAX_FRAME_BYTES) checked against ``events``."""
    if frame is None or len(frame.encode()) > MAX_FRAME_BYTES:
        raise BadEvent("too_large")
    try:
        event = json.loads(frame)
    except ValueError:
        raise BadEvent("not_json") from None
    if not isinstance(event, dict) or event.get("type") not in events:
        raise BadEvent("unknown_type", "type")
    kind = event.pop("type")
    fields = events[kind]
    extra = set(event) - set(fields)
    if extra:
        raise BadEvent("unexpected_field", sorted(extra)[0])
    checked = {"type": kind}
    for name, check in fields.items():
        if name not in event:
            if (kind, name) in OPTIONAL:
                continue
            raise BadEvent("missing_field", name)
        value = check(event[name])
        if value is None:
            raise BadEvent("invalid_field", name)
        checked[name] = value
    return checked
