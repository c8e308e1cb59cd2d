"""Tracing against a DNS server on 127.0.0.1 and a location database built in the test;
the route proposed for each kind of hosting; forwards and their ICCAM-style record."""

import pytest
from django.utils import translation

from reports.hotline import routing, tracing, workflow
from reports.models import CaseEvent, Forward, PartnerHotline, ReportedUrl, Status, TraceRun

from .conftest import ASSESSMENT
from .local_network import http_server, rdap_site


def address(report):
    return ReportedUrl.objects.filter(report_links__report=report).order_by("pk").first()


def test_trace_resolves_and_locates_each_address(hosting, make_report):
    report = make_report("https://hosted-in-germany.example/a.jpg")
    run = tracing.trace(address(report))
    assert run.outcome == TraceRun.Outcome.TRACED
    found = {item.ip: item for item in run.addresses.all()}
    assert set(found) == {"198.51.100.7", "2001:db8:1::7"}
    assert (found["198.51.100.7"].country, found["198.51.100.7"].asn) == ("DE", 64500)
    assert found["198.51.100.7"].organisation == "Beispiel Hosting GmbH"
    assert found["198.51.100.7"].network == "198.51.100.0/24"
    assert found["2001:db8:1::7"].country == "NL"
    assert hosting in run.method and "country.mmdb" in run.method
    record = address(report)
    # The case shows the first IPv4 address's country and network.
    assert (record.hosting_country, record.hosting_ip, record.hosting_asn) == ("DE", "198.51.100.7", 64500)
    assert record.traced_at == run.finished_at
    assert report.events.filter(kind=CaseEvent.Kind.TRACED).exists()


def test_an_ipv6_only_host_is_located_by_its_ipv6_address(hosting, make_report):
    report = make_report("http://only-ipv6.example/")
    tracing.trace(address(report))
    assert address(report).hosting_country == "NL"


def test_a_name_that_does_not_exist_is_recorded_as_such(hosting, make_report):
    report = make_report("http://gone.example/")
    run = tracing.trace(address(report))
    assert run.outcome == TraceRun.Outcome.NO_ADDRESS
    assert address(report).hosting_country == ""


def test_a_resolver_that_does_not_answer_fails_the_run_with_the_reason(settings, make_report):
    settings.HOTLINE_DNS_RESOLVERS = ["127.0.0.1:9"]  # nothing listens on the discard port
    settings.HOTLINE_DNS_TIMEOUT = 0.3
    report = make_report("http://hosted-in-germany.example/")
    run = tracing.trace(address(report))
    assert run.outcome == TraceRun.Outcome.FAILED
    assert run.error == "A: LifetimeTimeout"


def test_without_the_location_files_everything_is_unknown(hosting, settings, make_report, tmp_path):
    settings.HOTLINE_GEOIP_COUNTRY_DB = str(tmp_path / "GeoLite2-Country.mmdb")
    settings.HOTLINE_GEOIP_ASN_DB = str(tmp_path / "GeoLite2-ASN.mmdb")
    report = make_report("https://hosted-in-germany.example/a.jpg")
    run = tracing.trace(address(report))
    assert run.outcome == TraceRun.Outcome.TRACED
    assert {item.country for item in run.addresses.all()} == {""}
    assert address(report).hosting_country == ""


def test_rdap_gives_the_abuse_contact(hosting, settings, make_report):
    site = rdap_site({"198.51.100.7": "abuse@beispiel-hosting.example"})
    with http_server(site) as port:
        settings.HOTLINE_RDAP_URL = f"http://127.0.0.1:{port}/"
        report = make_report("https://hosted-in-germany.example/a.jpg")
        run = tracing.trace(address(report))
    assert "RDAP" in run.method
    assert address(report).abuse_contact == "abuse@beispiel-hosting.example"
    assert ("GET", "/ip/198.51.100.7", f"127.0.0.1:{port}") in site.requests


def test_an_unanswered_rdap_question_leaves_the_contact_blank(hosting, settings, make_report):
    with http_server(rdap_site({})) as port:
        settings.HOTLINE_RDAP_URL = f"http://127.0.0.1:{port}"
        report = make_report("https://hosted-in-germany.example/a.jpg")
        tracing.trace(address(report))
    assert address(report).abuse_contact == ""


def test_assessing_an_address_illegal_traces_it(hosting, make_report, analyst, django_capture_on_commit_callbacks):
    report = make_report("https://hosted-in-germany.example/a.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.assess(report, address(report), analyst, report.version, ASSESSMENT)
    assert address(report).trace_runs.count() == 1
    assert address(report).hosting_country == "DE"


def test_an_address_assessed_not_illegal_is_not_traced(
    hosting, make_report, analyst, django_capture_on_commit_callbacks
):
    report = make_report("https://hosted-in-germany.example/a.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.assess(
            report, address(report), analyst, report.version, {**ASSESSMENT, "classification": "not-illegal"}
        )
    assert not address(report).trace_runs.exists()


@pytest.mark.parametrize(
    ("host", "recipient", "name", "notice"),
    [
        ("hosted-in-czechia.example", Forward.Recipient.POLICE, "Policie ČR", True),
        ("hosted-in-germany.example", Forward.Recipient.PARTNER_HOTLINE, "eco Beschwerdestelle", False),
        ("hosted-in-brazil.example", Forward.Recipient.PARTNER_HOTLINE, "SaferNet Brasil", False),
    ],
)
def test_the_route_follows_the_hosting_country(hosting, make_report, host, recipient, name, notice):
    report = make_report(f"https://{host}/x")
    tracing.trace(address(report))
    route = routing.propose_route(address(report))
    assert (route.recipient, route.recipient_name, route.notice_to_host) == (recipient, name, notice)


def test_a_country_without_a_partner_hotline_goes_to_the_police(hosting, make_report):
    PartnerHotline.objects.filter(country="BR").update(active=False)
    report = make_report("https://hosted-in-brazil.example/x")
    tracing.trace(address(report))
    with translation.override("en"):
        route = routing.propose_route(address(report))
    assert (route.recipient, route.partner_hotline, route.notice_to_host) == (Forward.Recipient.POLICE, None, False)
    assert "Brazil" in route.explanation and "international" in route.explanation


def test_an_untraced_address_goes_to_the_police(make_report):
    with translation.override("cs"):
        route = routing.propose_route(address(make_report("https://somewhere.example/")))
    assert route.recipient == Forward.Recipient.POLICE
    assert "Země hostingu není známá" in route.explanation


def test_a_forward_is_recorded_and_exported_as_a_structured_record(hosting, assessed, analyst):
    report = assessed("https://hosted-in-germany.example/a.jpg")
    record = address(report)
    tracing.trace(record)
    partner = PartnerHotline.objects.get(organisation="eco Beschwerdestelle")
    destination = routing.Destination(Forward.Recipient.PARTNER_HOTLINE, partner.organisation, partner)
    forward = routing.forward(report, record, analyst, report.version, destination)
    report.refresh_from_db()
    assert report.status == Status.FORWARDED
    assert report.events.filter(kind=CaseEvent.Kind.FORWARDED).count() == 1
    routing.set_their_reference(forward, analyst, report.version, "ECO-2026-77")
    forward.refresh_from_db()
    exported = routing.iccam_record(forward)
    assert exported["url"] == "https://hosted-in-germany.example/a.jpg"
    assert exported["reference"] == report.reference
    assert (exported["classification"], exported["content_type"], exported["site_type"]) == (
        "baseline-illegal",
        "image",
        "image-host",
    )
    assert exported["hosting"] == {
        "country": "DE",
        "ip": "198.51.100.7",
        "asn": 64500,
        "network": "Beispiel Hosting GmbH",
    }
    assert exported["recipient"] == {
        "kind": "partner-hotline",
        "name": "eco Beschwerdestelle",
        "country": "DE",
        "their_reference": "ECO-2026-77",
    }
    assert exported["times"]["forwarded"] == forward.forwarded_at.isoformat()
    assert exported["times"]["assessed"] == record.assessed_at.isoformat()


def test_a_forward_from_an_old_version_of_the_case_is_refused(assessed, analyst):
    report = assessed("https://hosted-in-germany.example/a.jpg")
    with pytest.raises(workflow.StaleCase):
        police = routing.Destination(Forward.Recipient.POLICE, "Policie ČR")
        routing.forward(report, address(report), analyst, report.version - 1, police)
    assert not Forward.objects.exists()


def _abuse(email, role="abuse"):
    return {"roles": [role], "vcardArray": ["vcard", [["email", {}, "text", email]]]}


@pytest.mark.parametrize(
    ("answer", "email"),
    [
        ({"entities": [_abuse("a@rir.example")]}, "a@rir.example"),
        ({"entities": ["not an entity", {"roles": ["abuse"], "vcardArray": "broken"}]}, ""),
        ({"entities": [{"roles": ["abuse"], "vcardArray": ["vcard", [["tel", {}, "text", "+420"], ["email"]]]}]}, ""),
        ({"entities": [{"roles": ["registrant"], "entities": [_abuse("n@rir.example")]}]}, "n@rir.example"),
        (["a list, not an object"], ""),
    ],
)
def test_rdap_answers_of_every_shape_give_an_address_or_nothing(settings, answer, email):
    import json as json_module

    from reports.hotline import rdap

    from .local_network import Site, http_server

    site = Site({"/ip/192.0.2.1": (200, {"Content-Type": "application/rdap+json"}, json_module.dumps(answer).encode())})
    with http_server(site) as port:
        settings.HOTLINE_RDAP_URL = f"http://127.0.0.1:{port}/"
        assert rdap.abuse_contact("192.0.2.1") == email
    settings.HOTLINE_RDAP_URL = ""
    assert rdap.abuse_contact("192.0.2.1") == ""  # no service named: nothing asked


@pytest.mark.parametrize(
    ("item", "host", "port"),
    [
        ("192.0.2.53", "192.0.2.53", 53),
        ("192.0.2.53:5353", "192.0.2.53", 5353),
        ("[2001:db8::53]:5353", "2001:db8::53", 5353),
        ("[2001:db8::53]", "2001:db8::53", 53),
        ("2001:db8::53", "2001:db8::53", 53),
    ],
)
def test_name_servers_are_read_with_or_without_a_port(item, host, port):
    from cms.core.resolver import _nameserver

    server = _nameserver(item)
    assert (server.address, server.port) == (host, port)


def test_without_configured_name_servers_the_systems_are_used(settings):
    from cms.core import resolver

    settings.HOTLINE_DNS_RESOLVERS = []
    assert resolver.describe_resolvers() == "system"
    assert resolver._resolver().nameservers  # read from the system's configuration
