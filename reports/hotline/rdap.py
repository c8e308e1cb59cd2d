"""The abuse contact of the network an address belongs to, from RDAP (RFC 9083).

Asked only when ``HOTLINE_RDAP_URL`` names a service (a bootstrap service or a regional
registry's): the question is the IP address, never the reported page.
"""

import json
import urllib.error
import urllib.request

from django.conf import settings

MAX_ANSWER_BYTES = 1_000_000


def rdap_enabled():
    return settings.HOTLINE_RDAP_URL.startswith(("https://", "http://"))


def abuse_contact(ip):
    """The abuse e-mail address the registry gives for ``ip``, or ``""``."""
    if not rdap_enabled():
        return ""
    url = settings.HOTLINE_RDAP_URL.rstrip("/") + f"/ip/{ip}"
    headers = {"Accept": "application/rdap+json, application/json"}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http(s) only: rdap_enabled)
    try:
        with urllib.request.urlopen(request, timeout=settings.HOTLINE_RDAP_TIMEOUT) as response:  # noqa: S310
            answer = json.loads(response.read(MAX_ANSWER_BYTES))
    except (OSError, urllib.error.URLError, ValueError):
        return ""
    return _abuse_email(answer.get("entities", []) if isinstance(answer, dict) else [])


def _abuse_email(entities):
    """The first e-mail of an entity with the ``abuse`` role, searching nested entities."""
    for entity in entities:
        if not isinstance(entity, dict):
            continue
        if "abuse" in entity.get("roles", []):
            email = _vcard_email(entity.get("vcardArray"))
            if email:
                return email
        nested = _abuse_email(entity.get("entities", []))
        if nested:
            return nested
    return ""


def _vcard_email(vcard):
    # jCard (RFC 7095): ["vcard", [["email", {}, "text", "abuse@example.net"], ...]]
    if not (isinstance(vcard, list) and len(vcard) == 2 and isinstance(vcard[1], list)):
        return ""
    for item in vcard[1]:
        if isinstance(item, list) and len(item) >= 4 and item[0] == "email" and isinstance(item[3], str):
            return item[3][:254]
    return ""
