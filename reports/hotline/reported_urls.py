"""Reported addresses: normalised so that one address is one record, hashed, defanged.

A reported URL is evidence, never a link: nothing here fetches or resolves it.
"""

import hashlib
import ipaddress
from urllib.parse import urlsplit, urlunsplit

import idna
from django.utils.translation import gettext as _

MAX_URL_LENGTH = 2048
DEFAULT_PORTS = {"http": 80, "https": 443}


class InvalidUrl(ValueError):
    """The message says why, for the person who typed it."""


def _host(hostname):
    if hostname.startswith("[") or ":" in hostname:  # IPv6 literal
        try:
            return f"[{ipaddress.IPv6Address(hostname.strip('[]'))}]"
        except ValueError as error:
            raise InvalidUrl(_("The address has an invalid host.")) from error
    try:
        return idna.encode(hostname.rstrip("."), uts46=True).decode("ascii")
    except idna.IDNAError as error:
        raise InvalidUrl(_("The address has an invalid host.")) from error


def normalise_url(raw):
    """``(url, host)``: lower-case scheme and host, IDN as punycode, no fragment, no
    default port, ``/`` for an empty path. Raises InvalidUrl."""
    text = (raw or "").strip()
    if not text:
        raise InvalidUrl(_("Give an address."))
    if len(text) > MAX_URL_LENGTH:
        raise InvalidUrl(_("An address may have at most %(max)s characters.") % {"max": MAX_URL_LENGTH})
    if any(char.isspace() for char in text):
        raise InvalidUrl(_("An address cannot contain spaces."))
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise InvalidUrl(_("This is not a valid web address.")) from error
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise InvalidUrl(_("Only http:// and https:// addresses can be reported."))
    if not parts.hostname:
        raise InvalidUrl(_("The address has no host."))
    host = _host(parts.hostname)
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username is not None:
        credentials = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{credentials}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, "")), host


def url_hash(url):
    """SHA-256 of the normalised address, hex: what is kept once the address is gone."""
    return hashlib.sha256(url.encode()).hexdigest()


def defang(url):
    """``hxxps://example[.]com/path``: readable, copyable, never a working link."""
    scheme, _sep, rest = url.partition("://")
    netloc, slash, path = rest.partition("/")
    return f"{scheme.replace('t', 'x', 2)}://{netloc.replace('.', '[.]')}{slash}{path}"
