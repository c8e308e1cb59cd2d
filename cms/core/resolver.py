"""Host names to IP addresses through the name servers the settings name (dnspython).

Used by tracing and by the takedown monitor, so both see the same answers and a test can
point both at a DNS server on 127.0.0.1.
"""

import ipaddress

import dns.exception
import dns.nameserver
import dns.resolver
from django.conf import settings


class NameNotFound(Exception):
    """The name does not exist (NXDOMAIN): for the monitor, the site is gone."""


class ResolverFailed(Exception):
    """No usable answer (timeout, server failure): try again later."""


def describe_resolvers():
    return ", ".join(settings.HOTLINE_DNS_RESOLVERS) or "system"


def _resolver():
    if not settings.HOTLINE_DNS_RESOLVERS:
        resolver = dns.resolver.Resolver()
    else:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [_nameserver(item) for item in settings.HOTLINE_DNS_RESOLVERS]
    resolver.lifetime = settings.HOTLINE_DNS_TIMEOUT
    resolver.timeout = settings.HOTLINE_DNS_TIMEOUT
    return resolver


def _nameserver(item):
    """``"192.0.2.53"``, ``"192.0.2.53:5353"`` or ``"[2001:db8::53]:5353"``."""
    if item.startswith("["):
        host, _, port = item[1:].partition("]")
        port = port.lstrip(":")
    elif item.count(":") == 1:
        host, port = item.split(":")
    else:
        host, port = item, ""
    return dns.nameserver.Do53Nameserver(host, int(port) if port else 53)


def resolve(host):
    """Every IPv4 and IPv6 address of ``host`` (an address literal is its own answer)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    resolver = _resolver()
    found = []
    for record_type in ("A", "AAAA"):
        try:
            answer = resolver.resolve(host, record_type, search=False)
        except dns.resolver.NXDOMAIN as error:
            raise NameNotFound(host) from error
        except dns.resolver.NoAnswer:
            continue
        except dns.resolver.NoNameservers as error:  # SERVFAIL or REFUSED from every server: ask later
            raise ResolverFailed(f"{record_type}: the name servers gave no answer") from error
        except dns.exception.DNSException as error:
            raise ResolverFailed(f"{record_type}: {type(error).__name__}") from error
        found.extend(record.address for record in answer)
    return found
