"""Reported addresses: normalised so that one address is one record, hashed, defanged.

A reported URL is evidence, never a link: nothing here fetches or resolves it.
"""

import hashlib

import ada_url
from django.utils.translation import gettext as _

MAX_URL_LENGTH = 2048
SCHEMES = ("http:", "https:")


class InvalidUrl(ValueError):
    """The message says why, for the person who typed it."""


def normalise_url(raw):
    """``(url, host)`` as a browser would go there: parsed by the WHATWG URL standard (ada),
    so ``https://example.com\\@evil.com/`` is on example.com as in every browser.

    Lower-case scheme and host, IDN as punycode, dot segments resolved, no default port,
    no fragment, no trailing dot on the host. Raises InvalidUrl.
    """
    text = (raw or "").strip()
    if not text:
        raise InvalidUrl(_("Give an address."))
    if len(text) > MAX_URL_LENGTH:
        raise InvalidUrl(_("An address may have at most %(max)s characters.") % {"max": MAX_URL_LENGTH})
    if any(char.isspace() for char in text):
        raise InvalidUrl(_("An address cannot contain spaces."))
    if "://" not in text:
        raise InvalidUrl(_("Start the address with http:// or https://."))
    try:
        parsed = ada_url.URL(text)
    except ValueError as error:
        raise InvalidUrl(_("This is not a valid web address.")) from error
    if parsed.protocol not in SCHEMES:
        raise InvalidUrl(_("Only http:// and https:// addresses can be reported."))
    host = parsed.hostname.rstrip(".")
    if not host:
        raise InvalidUrl(_("The address has no host."))
    parsed.hostname = host
    parsed.hash = ""
    url = parsed.href
    if len(url) > MAX_URL_LENGTH:
        raise InvalidUrl(_("An address may have at most %(max)s characters.") % {"max": MAX_URL_LENGTH})
    return url, host


def url_hash(url):
    """SHA-256 of the normalised address, hex: what is kept once the address is gone."""
    return hashlib.sha256(url.encode()).hexdigest()


def defang(url):
    """``hxxps://example[.]com/path``: readable, copyable, never a working link."""
    scheme, _sep, rest = url.partition("://")
    netloc, slash, path = rest.partition("/")
    return f"{scheme.replace('t', 'x', 2)}://{netloc.replace('.', '[.]')}{slash}{path}"
