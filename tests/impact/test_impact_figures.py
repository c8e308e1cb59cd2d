"""The impact figures: a quarter's numbers from known records (workshops held by region and
audience, inquiries by outcome, programme seats, campaign activities, embed views and
downloads per partner, youth contributions), the admin dashboard, its CSV, and who sees it."""

import csv
import datetime
import io

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model

from cms.core.limits import forget_leases
from cms.impact.figures import quarter_figures
from cms.impact.quarters import Quarter
from cms.partners.models import ContentReach, Partner
from cms.partners.reach import flush_reach
from home.models import (
    CampaignActivity,
    CampaignIndexPage,
    CampaignPage,
    ProgrammeRegistration,
    WorkshopInquiry,
    YouthContribution,
)
from tests.factories import (
    AcademyPageFactory,
    ProgrammePageFactory,
    ResourcePageFactory,
    UserFactory,
    audience,
)

Q1 = Quarter(2027, 1)


def test_quarters_parse_and_step_across_years():
    assert Quarter.parse("2027-Q1") == Q1 and str(Q1) == "2027-Q1"
    assert (Q1.first_day, Q1.last_day) == (datetime.date(2027, 1, 1), datetime.date(2027, 3, 31))
    assert Q1.previous() == Quarter(2026, 4) and Quarter(2026, 4).next() == Q1
    assert Q1.recent(3) == [Q1, Quarter(2026, 4), Quarter(2026, 3)]
    for bad in ("2027-Q5", "2027Q1", "", "1999-Q1", "2027-Q1 "):
        with pytest.raises(ValueError):
            Quarter.parse(bad)


@pytest.fixture(autouse=True)
def fresh_counters(db):
    cache.clear()
    forget_leases()


def at(month, day, hour=10):
    return timezone.make_aware(datetime.datetime(2027, month, day, hour))


def inquiry(organisation, region, audiences, status, received, held=None, participants=None):
    record = WorkshopInquiry.objects.create(
        reference=f"AK-{organisation}",
        received_at=received,
        language="cs",
        channel="web",
        organisation=organisation,
        region=region,
        group_size=25,
        status=status,
        scheduled_start=held,
        participants=participants,
    )
    record.audiences.set([audience(slug) for slug in audiences])
    return record


@pytest.fixture
def quarter_of_work(home):
    # Workshops: two held in Q1 (Prague, Brno), one held in Q2, one declined.
    inquiry("a", "praha", ["children", "teachers"], "held", at(1, 5), at(2, 1), 27)
    inquiry("b", "jihomoravsky", ["children"], "closed", at(1, 20), at(3, 30, 22), 22)  # 22:00 CET, still Q1
    inquiry("c", "praha", ["parents"], "held", at(3, 1), at(4, 2), 40)
    inquiry("d", "praha", ["parents"], "declined", at(2, 2))
    # A programme starting in Q1 with its seats, and its translation (one programme).
    academy = AcademyPageFactory(parent=home, slug="akademie")
    programme = ProgrammePageFactory(
        parent=academy, slug="p", region="olomoucky", capacity=3, start=datetime.date(2027, 2, 1)
    )
    for seats, status in ((3, "confirmed"), (2, "waiting")):
        ProgrammeRegistration.objects.create(
            reference=f"AP-{seats}", language="cs", channel="web", programme=programme, organisation="x", seats=seats,
            status=status,
        )  # fmt: skip
    # Campaign activities: approved in Q1 count; pending and outside Q1 do not.
    index = CampaignIndexPage(title="Kampaně", slug="kampane")
    home.add_child(instance=index)
    campaign = CampaignPage(
        title="SID 2027", slug="sid", start=datetime.date(2027, 1, 1), end=datetime.date(2027, 4, 30), key_message="k",
        lead="l",
    )  # fmt: skip
    index.add_child(instance=campaign)
    for number, (day, status, reach) in enumerate(
        ((datetime.date(2027, 2, 9), "approved", 240), (datetime.date(2027, 2, 10), "approved", 35),
         (datetime.date(2027, 2, 11), "pending", 999), (datetime.date(2027, 4, 2), "approved", 50))
    ):  # fmt: skip
        CampaignActivity.objects.create(
            reference=f"KA-{number}", language="cs", channel="web", campaign=campaign, organisation="o", title="t",
            city="c", region="praha", date=day, audience=audience("children"), reach=reach, status=status,
        )  # fmt: skip
    # Youth contributions received in Q1 (and one in Q2).
    for number, (kind, age, status, received) in enumerate(
        (("idea", "13-14", "approved", at(1, 3)), ("idea", "15-17", "pending", at(2, 3)),
         ("story", "15-17", "rejected", at(3, 3)), ("story", "15-17", "approved", at(4, 3)))
    ):  # fmt: skip
        YouthContribution.objects.create(
            reference=f"ML-{number}", received_at=received, language="cs", channel="web", age_band=age, kind=kind,
            text="x", status=status,
        )  # fmt: skip
    # Content reach of one day in Q1: a partner's embed views, a download from the centre's site.
    ContentReach.objects.create(day=datetime.date(2027, 3, 1), kind="embed-view", partner=partner_site(), count=12)
    ContentReach.objects.create(day=datetime.date(2027, 3, 2), kind="download", partner=None, count=5)
    ContentReach.objects.create(day=datetime.date(2027, 4, 2), kind="download", partner=None, count=100)


def partner_site():
    return Partner.objects.get_or_create(name="E-Bezpečí", defaults={"origins": "https://www.e-bezpeci.example"})[0]


def rows(tables, key):
    return next(table for table in tables if table.key == key).rows


def test_a_quarters_figures_come_from_its_records_only(quarter_of_work, settings):
    settings.LANGUAGE_CODE = "en"
    totals, tables = quarter_figures(Q1)
    assert rows(tables, "workshops-by-region") == [["Prague", 1, 27], ["South Moravian Region", 1, 22]]
    assert rows(tables, "workshops-by-audience") == [["Children", 2], ["Teachers", 1]]
    assert rows(tables, "inquiries-by-outcome") == [["held", 2], ["closed", 1], ["declined", 1]]
    assert rows(tables, "programme-seats") == [["Olomouc Region", 1, 3, 2]]
    assert rows(tables, "campaign-activities") == [["SID 2027", 2, 275]]
    assert rows(tables, "reach-by-partner") == [["E-Bezpečí", 12, 0], ["The centre's site and other sites", 0, 5]]
    assert rows(tables, "youth-contributions") == [
        ["Received: idea", 2],
        ["Received: story", 1],
        ["Waiting for moderation", 1],
        ["Approved", 1],
        ["Rejected", 1],
        ["Age 13–14", 1],
        ["Age 15–17", 2],
    ]
    assert totals == {
        "workshops": 2,
        "participants": 49,
        "inquiries": 4,
        "activities": 2,
        "reach": 275,
        "embed_views": 12,
        "downloads": 5,
        "contributions": 3,
    }


def test_embed_views_and_downloads_are_counted_per_partner_without_keeping_the_address(client, library):
    partner = partner_site()
    resource = ResourcePageFactory(parent=library, slug="r")
    document = get_document_model().objects.create(title="Plakát", file=ContentFile(b"%PDF-1.4 x", name="p.pdf"))
    from_partner = {"Referer": "https://www.e-bezpeci.example/skoly/materialy?zak=Jana"}
    assert client.get(f"/embed/resources/{resource.pk}/", headers=from_partner).status_code == 200
    assert client.get(f"/embed/resources/{resource.pk}/", headers={"Origin": "https://www.e-bezpeci.example"})
    assert client.get(f"/embed/resources/{resource.pk}/").status_code == 200  # no referrer: the centre's
    assert client.get(document.url, headers={"Referer": "https://elsewhere.example/x"}).status_code == 200
    assert flush_reach() == 3
    counted = {(row.kind, row.partner_id): row.count for row in ContentReach.objects.all()}
    assert counted == {("embed-view", partner.pk): 2, ("embed-view", None): 1, ("download", None): 1}
    assert flush_reach() == 3 and ContentReach.objects.count() == 3  # copied again, not added twice


@pytest.fixture
def editor(db):
    client = Client(HTTP_HOST="localhost")
    client.force_login(UserFactory(username="editor", groups=["Editors"]))
    return client


def test_the_dashboard_shows_a_quarter_and_exports_it(editor, quarter_of_work):
    page = editor.get("/admin/impact/", {"quarter": "2027-Q1"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "2027-Q1" in html and "impact-bar" in html and "SID 2027" in html
    export = editor.get("/admin/impact/", {"quarter": "2027-Q1", "format": "csv"})
    assert export.status_code == 200 and export["Content-Disposition"] == 'attachment; filename="impact-2027-Q1.csv"'
    lines = list(csv.reader(io.StringIO(export.content.decode())))
    assert lines[0][1:] == ["2027-Q1", "2027-01-01", "2027-03-31"]
    assert ["SID 2027", "2", "275"] in lines
    bad = editor.get("/admin/impact/", {"quarter": "2027-Q9"})
    assert bad.status_code == 400


def test_only_groups_with_the_permission_see_the_figures(db):
    for group, allowed in (("Academy", True), ("Moderators", False), ("Helpline counsellors", False)):
        client = Client(HTTP_HOST="localhost")
        client.force_login(UserFactory(username=f"user-{group}", groups=[group]))
        status = client.get("/admin/impact/").status_code
        assert (status == 200) is allowed, (group, status)
