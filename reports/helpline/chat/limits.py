"""Rate limits of the chat's WebSocket events, on the shared limiter (cms.core.limits):
joining with a token, per client address (keyed hash, never stored), and messages, per
conversation (a visitor) or per counsellor."""

from django.conf import settings

from cms.core import limits


def client_digest(scope):
    """The WebSocket's client as the HTTP limits know it (the address the ASGI server saw;
    behind a proxy, uvicorn's --proxy-headers put the forwarded one there)."""
    return limits.address_digest((scope.get("client") or ("",))[0] or "")


def _allowed(setting, key):
    rate = getattr(settings, setting)
    if not rate:
        return True, 0
    return limits.hit(key, rate)


def join_allowed(scope):
    return _allowed("HELPLINE_CHAT_JOIN_RATE_LIMIT", f"chat-join:{client_digest(scope)}")


def message_allowed(sender, owner_id):
    return _allowed("HELPLINE_CHAT_MESSAGE_RATE_LIMIT", f"chat-message:{sender}:{owner_id}")
