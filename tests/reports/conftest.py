import pytest
from django.core.cache import cache

VALID = {
    "urls": ["https://Example.COM/some/page#top"],
    "category": "csam",
    "source_type": "webpage",
    "description": "Seen on a forum.",
    "language": "cs",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    """Rate limits live in the shared cache: each test starts with none counted (and no
    lease a process took in an earlier test)."""
    from cms.core.limits import forget_leases

    cache.clear()
    forget_leases()
    yield
    cache.clear()
    forget_leases()


@pytest.fixture
def report_data():
    return {**VALID, "urls": list(VALID["urls"])}


@pytest.fixture
def post_report(client, db):
    def post(data, **headers):
        return client.post("/api/v1/reports/hotline/", data, content_type="application/json", headers=headers)

    return post


@pytest.fixture
def make_report(db):
    from reports.hotline.intake import receive_report
    from reports.hotline.reported_urls import normalise_url

    def make(*urls, **fields):
        data = {**VALID, **fields, "urls": [normalise_url(url) for url in (urls or VALID["urls"])]}
        return receive_report(data, "web").record

    return make


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def case_url(report):
    return f"/admin/hotline/{report.pk}/"


def shown_messages(response, level="error"):
    """The admin messages of ``level`` a page shows, as plain text."""
    import html
    import re

    items = re.findall(rf'<li class="{level}">(.*?)(?:<button|</li>)', response.content.decode(), flags=re.DOTALL)
    texts = (" ".join(html.unescape(re.sub(r"<[^>]+>", " ", item)).split()) for item in items)
    return [text for text in texts if text]


def post_action(client, report, action, **fields):
    report.refresh_from_db()
    data = {"action": action, "version": report.version, **fields}
    return client.post(case_url(report), data, follow=True)


def _user(django_user_model, name, group=None, **extra):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(name, f"{name}@centre.example", "pass", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def analyst(django_user_model):
    return _user(django_user_model, "analyst", "Hotline analysts")


@pytest.fixture
def second_analyst(django_user_model):
    return _user(django_user_model, "analyst2", "Hotline analysts")


@pytest.fixture
def editor(django_user_model):
    return _user(django_user_model, "editor", "Editors")


@pytest.fixture
def administrator(django_user_model):
    return _user(django_user_model, "administrator", "Administrators")


# Hosting as the tests see it: documentation addresses (never contacted by tracing) placed
# in countries by a location database written for the test, names served by a local DNS.
NETWORKS = {
    "198.51.100.0/24": ("DE", 64500, "Beispiel Hosting GmbH"),
    "203.0.113.0/24": ("CZ", 64501, "Příklad hosting s.r.o."),
    "192.0.2.0/24": ("BR", 64502, "Exemplo Hospedagem"),
    "2001:db8:1::/48": ("NL", 64503, "Voorbeeld BV"),
    "127.0.0.0/8": ("CZ", 64501, "Příklad hosting s.r.o."),
}
NAMES = {
    "hosted-in-germany.example": ["198.51.100.7", "2001:db8:1::7"],
    "hosted-in-czechia.example": ["203.0.113.9"],
    "hosted-in-brazil.example": ["192.0.2.44"],
    "hosted-in-japan.example": ["192.0.2.45"],
    "only-ipv6.example": ["2001:db8:1::8"],
    "content.example": ["127.0.0.1"],
    "private.example": ["10.1.2.3"],
    "mixed.example": ["127.0.0.1", "192.168.1.20"],
}


@pytest.fixture(scope="session")
def location_databases(tmp_path_factory):
    from .local_network import write_location_databases

    return write_location_databases(tmp_path_factory.mktemp("geoip"), NETWORKS)


@pytest.fixture
def hosting(settings, location_databases):
    """Tracing and the monitor resolve through a DNS server on 127.0.0.1."""
    from .local_network import dns_server

    country, asn = location_databases
    with dns_server(NAMES) as nameserver:
        settings.HOTLINE_DNS_RESOLVERS = [nameserver]
        settings.HOTLINE_DNS_TIMEOUT = 2
        settings.HOTLINE_GEOIP_COUNTRY_DB = str(country)
        settings.HOTLINE_GEOIP_ASN_DB = str(asn)
        settings.HOTLINE_RDAP_URL = ""
        yield nameserver


@pytest.fixture
def assessed(make_report, analyst):
    """A report whose addresses an analyst assessed as illegal (tracing runs on commit)."""
    from reports.hotline import workflow
    from reports.models import ReportedUrl

    def make(*urls, category="csam"):
        report = make_report(*urls, category=category)
        for record in ReportedUrl.objects.filter(report_links__report=report).order_by("pk"):
            report.refresh_from_db()
            workflow.assess(report, record, analyst, report.version, ASSESSMENT)
        report.refresh_from_db()
        return report

    return make


ASSESSMENT = {
    "classification": "baseline-illegal",
    "content_type": "image",
    "site_type": "image-host",
    "victim_age_group": "pre-pubescent",
    "victim_gender": "female",
}


CONTACT = {
    "nickname": "Liška",
    "age_band": "12-15",
    "gender": "female",
    "role": "child",
    "platform": "social-network",
    "categories": ["cyberbullying"],
    "message": "Spolužáci o mně píšou ošklivé věci ve skupině.",
    "answer_by": "status-page",
    "language": "cs",
    "consent": True,
}


@pytest.fixture
def contact_data():
    return {**CONTACT, "categories": list(CONTACT["categories"])}


@pytest.fixture
def post_contact(client, db):
    def post(data, **headers):
        return client.post("/api/v1/reports/helpline/", data, content_type="application/json", headers=headers)

    return post


@pytest.fixture
def make_contact(db):
    from reports.helpline.intake import receive_contact

    def make(**fields):
        return receive_contact({**CONTACT, **fields}, "web").record

    return make


@pytest.fixture
def counsellor(django_user_model):
    return _user(django_user_model, "counsellor", "Helpline counsellors")


@pytest.fixture
def second_counsellor(django_user_model):
    return _user(django_user_model, "counsellor2", "Helpline counsellors")


@pytest.fixture
def supervisor(django_user_model):
    return _user(django_user_model, "supervisor", "Helpline supervisors")


def contact_url(contact):
    return f"/admin/helpline/{contact.pk}/"


def contact_action(client, contact, action, **fields):
    contact.refresh_from_db()
    data = {"action": action, "version": contact.version, **fields}
    return client.post(contact_url(contact), data, follow=True)
