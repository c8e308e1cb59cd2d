"""Partner API keys: issued once, kept as a prefix and a hash, checked on each request.

Keys come from djangorestframework-api-key (``prefix.secret``, SHA-512 hashed); a partner
sends one as ``Authorization: Api-Key <key>``.
"""

from django.utils import timezone

from cms.core.scopes import Scope

from .models import PartnerKey

HEADER_SCHEME = "Api-Key"
DEFAULT_SCOPES = [Scope.CONTENT_READ.value]


class InvalidKey(Exception):
    """A key was sent but is unknown, revoked, expired or its partner is inactive."""


def issue_key(partner, scopes=None, name=""):
    """``(PartnerKey, key)``: the key in clear exists only in this return value."""
    scopes = sorted(set(scopes or DEFAULT_SCOPES))
    unknown = [scope for scope in scopes if scope not in Scope.values]
    if unknown:
        raise ValueError(f"Unknown scope: {unknown[0]} (known: {', '.join(Scope.values)})")
    return PartnerKey.objects.create_key(name=name or partner.name, partner=partner, scopes=scopes)


def revoke(keys):
    """Revoke ``keys`` (a queryset) at once; returns how many were still valid."""
    return keys.filter(revoked=False).update(revoked=True)


ACCEPTED_SCHEMES = {HEADER_SCHEME.lower(), "bearer", "token"}  # what generated clients send


def sent_key(request):
    """The key in the request's Authorization header, or None when it carries none.

    ``Api-Key <key>`` is the documented form; ``Bearer`` and ``Token`` (what generated
    clients send) are read the same way, so a key is never quietly served as anonymous: a
    wrong one answers 401. Other schemes (``Basic`` from a password-protected staging
    proxy) are not API keys and are left alone.
    """
    scheme, _, key = request.headers.get("Authorization", "").strip().partition(" ")
    return key.strip() if scheme.lower() in ACCEPTED_SCHEMES else None


def authenticate(key):
    """The ``PartnerKey`` of ``key``; raises InvalidKey."""
    try:
        record = PartnerKey.objects.get_from_key(key)
    except PartnerKey.DoesNotExist:
        raise InvalidKey from None
    if record.has_expired or not record.partner.active:
        raise InvalidKey
    today = timezone.localdate()
    if record.last_used_on != today:
        PartnerKey.objects.filter(pk=record.pk).update(last_used_on=today)
    return record
