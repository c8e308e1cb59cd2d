"""Requests to addresses outside our control, made only to public IP addresses: the
takedown monitor's header-only look at a reported address, and webhook deliveries.

The takedown monitor is the one part of the system that contacts a reported site. It
asks for the headers (HEAD, or GET closed before the body when HEAD is not allowed),
never reads or keeps a body, and connects only to the addresses it has checked: the host
name is resolved here, every address must be public (no private, loopback, link-local,
multicast or reserved ones, not even one of several), and the connection goes to that
checked address, so a DNS answer cannot change between the check and the connection.
Each redirect is checked the same way before it is followed.
"""

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from .resolver import NameNotFound, resolve

MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
USER_AGENT = "SaferInternetCMS-takedown-monitor/1.0"
DEFAULT_PORTS = {"http": 80, "https": 443}
NAT64 = ipaddress.ip_network("64:ff9b::/96")
REQUEST_HEADERS = {"User-Agent": USER_AGENT, "Accept": "*/*", "Connection": "close"}


class Refused(Exception):
    """The address may not be contacted; the message says why."""


def refusal(ip):
    """Why ``ip`` may not be contacted, or None when it is public."""
    address = ipaddress.ip_address(ip)
    if address.version == 6:
        # An IPv4 address inside IPv6 (mapped, 6to4, NAT64) is judged as that IPv4 address.
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return refusal(str(embedded))
    if address.is_loopback:
        return None if settings.OUTBOUND_ALLOW_LOOPBACK else "loopback"
    for reason, flag in (
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("not public", not address.is_global),
    ):
        if flag:
            return reason
    return None


def checked_addresses(host):
    """The host's addresses, all of them allowed; raises Refused or NameNotFound."""
    addresses = resolve(host)
    if not addresses:
        raise NameNotFound(host)
    for ip in addresses:
        reason = refusal(ip)
        if reason:
            raise Refused(f"{host} resolves to a {reason} address")
    return addresses


def _tls_context():
    # The monitor sends nothing secret and reads only a status code: a host whose
    # certificate has expired or does not match still serves the content, so it counts.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """TLS to a checked IP address, with the host name for SNI."""

    def __init__(self, ip, port, server_name, timeout):
        super().__init__(ip, port, timeout=timeout, context=_tls_context())
        self.server_name = server_name

    def connect(self):
        raw = socket.create_connection((self.host, self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.server_name)


def _connection(scheme, ip, port, host):
    timeout = settings.HOTLINE_MONITOR_TIMEOUT
    if scheme == "https":
        return _PinnedHTTPSConnection(ip, port, host, timeout)
    return http.client.HTTPConnection(ip, port, timeout=timeout)


def _ask(parts, addresses, method, body=None, extra_headers=None):
    """``(status, location)`` from the first address that answers; the body is never read."""
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    # The host as typed (with its port), never the user name and password before an "@".
    headers = {**REQUEST_HEADERS, "Host": parts.netloc.rpartition("@")[2], **(extra_headers or {})}
    error = None
    for ip in addresses:
        connection = _connection(parts.scheme, ip, port, parts.hostname)
        try:
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.getheader("Location")
        except (OSError, http.client.HTTPException) as failure:
            error = failure
        finally:
            connection.close()
    raise error


def _parts(url, verb):
    """``url`` split, when it is an http(s) address with a host; else Refused."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS:
        raise Refused(f"only http and https addresses are {verb}, not {parts.scheme or 'this'}")
    if not parts.hostname:
        raise Refused("the address has no host")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when it is read
    except ValueError:
        raise Refused("the address has an invalid port") from None
    return parts


def header_status(url):
    """The final HTTP status of ``url`` after allowed redirects.

    Raises Refused (a forbidden address, scheme or too many redirects), NameNotFound,
    ResolverFailed, OSError or http.client.HTTPException.
    """
    for _hop in range(MAX_REDIRECTS + 1):
        parts = _parts(url, "checked")
        addresses = checked_addresses(parts.hostname)
        status, location = _ask(parts, addresses, "HEAD")
        if status in (405, 501):  # HEAD not allowed: GET, closed before the body
            status, location = _ask(parts, addresses, "GET")
        if status in REDIRECT_STATUSES and location:
            url = urljoin(url, location)
            continue
        return status
    raise Refused(f"more than {MAX_REDIRECTS} redirects")


def post(url, body, headers, user_agent=USER_AGENT):
    """POST ``body`` to ``url`` (public addresses only, no redirects followed); the status.

    Raises Refused, NameNotFound, ResolverFailed, OSError or http.client.HTTPException.
    """
    parts = _parts(url, "called")
    status, _location = _ask(
        parts, checked_addresses(parts.hostname), "POST", body=body, extra_headers={**headers, "User-Agent": user_agent}
    )
    return status
