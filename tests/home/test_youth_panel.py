"""The youth panel's page and form: young people send contributions on the site (no name,
no e-mail, the age-15 consent explained), the page shows only approved ones in its
language with the upcoming participation activities; nothing unapproved is ever public."""

import datetime

import pytest
from django.utils import timezone

from cms.core.moderation import moderate
from home.models import EventKind, YouthContribution, YouthPanelPage
from home.models.youth import ContributionStatus
from tests.api.conftest import empty_api_cache  # noqa: F401  (a clean API cache per test)
from tests.conftest import translate
from tests.factories import EventIndexPageFactory, EventPageFactory

FORM = {"kind": "idea", "text": "Schránka na anonymní vzkazy o šikaně.", "age_band": "13-14", "nickname": "Žirafa"}


@pytest.fixture
def panel(home):
    page = YouthPanelPage(title="Mládežnický panel", slug="mladez", lead="Panel mladých.")
    home.add_child(instance=page)
    page.save_revision().publish()
    translate(page, title="Youth panel", slug="youth", lead="The young people's panel.")
    return page


def approve(contribution):
    contribution.status = ContributionStatus.APPROVED
    return moderate(contribution, None)


def test_a_young_person_sends_a_contribution_from_the_panels_page(client, panel):
    page = client.get("/cs/mladez/")
    html = page.content.decode()
    assert page.status_code == 200 and 'action="/cs/mladez/prispevek/"' in html
    assert "od 15 let" in html  # the Czech age of digital consent, explained
    response = client.post("/cs/mladez/prispevek/", FORM)
    assert response.status_code == 201 and "ML-" in response.content.decode()
    assert not response.cookies
    contribution = YouthContribution.objects.get()
    assert (contribution.channel, contribution.language, contribution.status) == ("web", "cs", "pending")


def test_the_form_names_each_bad_field_and_keeps_what_was_typed(client, panel):
    response = client.post("/en/youth/contribute/", {**FORM, "age_band": "", "kind": "poem", "topic": "weather"})
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("age_band", "kind", "topic"):
        assert f'href="#field-{field}"' in html
    assert "Schránka na anonymní vzkazy" in html and not YouthContribution.objects.exists()


def test_only_approved_contributions_of_the_pages_language_are_shown(client, panel):
    client.post("/cs/mladez/prispevek/", {**FORM, "text": "Tajný text čekající na moderátora."})
    client.post("/en/youth/contribute/", {**FORM, "text": "An English idea."})
    assert "Tajný text" not in client.get("/cs/mladez/").content.decode()
    assert "Tajný text" not in client.get("/api/v1/youth/contributions/").content.decode()
    assert "Tajný text" not in client.get("/api/v1/search/", {"q": "tajný text"}).content.decode()
    for feed in ("/feeds/cs/news.xml", "/feeds/cs/resources.atom", "/embed/resources/?locale=cs"):
        response = client.get(feed)  # contributions are in no feed or embed
        assert response.status_code == 200 and "Tajný text" not in response.content.decode()
    for contribution in YouthContribution.objects.all():
        approve(contribution)
    czech, english = client.get("/cs/mladez/").content.decode(), client.get("/en/youth/").content.decode()
    assert "Tajný text" in czech and "An English idea." not in czech
    assert "An English idea." in english and "Tajný text" not in english


def test_the_panels_participation_activities_are_listed_and_filterable(client, panel, home):
    index = EventIndexPageFactory(parent=home, slug="akce")
    start = timezone.now() + datetime.timedelta(days=10)
    EventPageFactory(parent=index, slug="panel", title="Setkání panelu", kind=EventKind.PARTICIPATION, start=start)
    EventPageFactory(parent=index, slug="webinar", title="Webinář pro rodiče", start=start)
    html = client.get("/cs/mladez/").content.decode()
    assert "Setkání panelu" in html and "Webinář pro rodiče" not in html
    listed = client.get("/api/v1/events/", {"kind": "participation"}).json()
    assert [item["title"] for item in listed["results"]] == ["Setkání panelu"]
    assert listed["results"][0]["kind"] == "participation"
    bad = client.get("/api/v1/events/", {"kind": "party"})
    assert bad.status_code == 400 and "kind" in bad.json()["error"]["fields"]


def test_a_topic_is_kept_and_the_form_refuses_over_its_limits(client, panel, settings):
    settings.YOUTH_RATE_LIMIT = "1/hour"
    settings.YOUTH_ATTEMPT_RATE_LIMIT = "2/hour"
    assert client.get("/cs/mladez/prispevek/").status_code == 200
    statuses = [client.post("/cs/mladez/prispevek/", {**FORM, "topic": "cyberbullying"}).status_code for _ in range(3)]
    assert statuses == [201, 429, 429]
    assert YouthContribution.objects.get().topic.slug == "cyberbullying"
