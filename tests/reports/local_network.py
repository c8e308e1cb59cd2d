"""Servers on 127.0.0.1 for the hotline's tracing and takedown tests: a DNS server
(dnslib), HTTP servers whose answers a test changes, and MaxMind-format files
(mmdb-writer). No test reaches any other address."""

import contextlib
import http.server
import json
import threading

from dnslib import AAAA, QTYPE, RR, A
from dnslib.server import BaseResolver, DNSLogger, DNSServer
from mmdb_writer import MMDBWriter
from netaddr import IPSet

SERVFAIL, NXDOMAIN = 2, 3


class Zone(BaseResolver):
    """Answers A and AAAA from ``{name: [addresses]}``; an unknown name is NXDOMAIN, a name
    given an int instead of addresses gets that response code (``SERVFAIL``)."""

    def __init__(self, names):
        self.names = {name.rstrip(".").lower(): addresses for name, addresses in names.items()}

    def resolve(self, request, handler):
        reply = request.reply()
        name = str(request.q.qname).rstrip(".").lower()
        answer = self.names.get(name, NXDOMAIN)
        if isinstance(answer, int):
            reply.header.rcode = answer
            return reply
        for address in self.names[name]:
            if request.q.qtype == QTYPE.A and ":" not in address:
                reply.add_answer(RR(request.q.qname, QTYPE.A, rdata=A(address), ttl=60))
            elif request.q.qtype == QTYPE.AAAA and ":" in address:
                reply.add_answer(RR(request.q.qname, QTYPE.AAAA, rdata=AAAA(address), ttl=60))
        return reply


@contextlib.contextmanager
def dns_server(names):
    """A DNS server on 127.0.0.1; yields its ``"127.0.0.1:port"``."""
    quiet = DNSLogger(prefix=False, logf=lambda message: None)
    server = DNSServer(Zone(names), address="127.0.0.1", port=0, logger=quiet)
    server.start_thread()
    try:
        yield f"127.0.0.1:{server.server.server_address[1]}"
    finally:
        server.stop()
        server.server.server_close()


class Site:
    """What the test HTTP server answers per path: ``(status, headers)``; it records requests."""

    def __init__(self, routes=None):
        self.routes = dict(routes or {})
        self.requests = []
        self.headers = []  # every request's headers, in order
        self.head_allowed = True
        self.head_refusal = 405  # the status a server without HEAD answers it with


def _handler(site):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self, with_body):
            site.requests.append((self.command, self.path, self.headers.get("Host")))
            site.headers.append(dict(self.headers))
            if self.command == "HEAD" and not site.head_allowed:
                status, headers, body = site.head_refusal, {}, b""
            else:
                status, headers, body = site.routes.get(self.path, (404, {}, b"not here"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def do_HEAD(self):
            self._answer(with_body=False)

        def do_GET(self):
            self._answer(with_body=True)

    return Handler


@contextlib.contextmanager
def http_server(site, tls=None):
    """An HTTP server on 127.0.0.1 answering from ``site``; yields its port. With ``tls``
    (an ``ssl.SSLContext``) it speaks HTTPS, and the host names clients send for SNI are
    recorded in ``site.server_names``."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    if tls is not None:
        site.server_names = []
        tls.sni_callback = lambda _socket, name, _context: site.server_names.append(name)
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def rdap_site(contacts):
    """RDAP answers for ``{ip: abuse e-mail}``, shaped like a regional registry's."""
    routes = {}
    for ip, email in contacts.items():
        answer = {
            "objectClassName": "ip network",
            "entities": [
                {
                    "roles": ["registrant"],
                    "entities": [
                        {
                            "roles": ["abuse"],
                            "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["email", {}, "text", email]]],
                        }
                    ],
                }
            ],
        }
        routes[f"/ip/{ip}"] = (200, {"Content-Type": "application/rdap+json"}, json.dumps(answer).encode())
    return Site(routes)


def write_location_databases(directory, networks):
    """GeoLite2-style Country and ASN files for ``{cidr: (country, asn, organisation)}``."""
    country = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-Country")
    asn = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-ASN")
    for cidr, (code, number, organisation) in networks.items():
        country.insert_network(IPSet([cidr]), {"country": {"iso_code": code}})
        asn.insert_network(
            IPSet([cidr]), {"autonomous_system_number": number, "autonomous_system_organization": organisation}
        )
    country_path, asn_path = directory / "country.mmdb", directory / "asn.mmdb"
    country.to_db_file(str(country_path))
    asn.to_db_file(str(asn_path))
    return country_path, asn_path
