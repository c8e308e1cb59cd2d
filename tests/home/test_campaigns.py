"""Campaigns: a campaign page with its key message, assets and linked toolkits; schools and
organisations register their activity (API and the form on the page), moderators approve
it, and only then is it listed and counted; every translation shares the activities."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.core.moderation import moderate
from cms.partners.keys import issue_key
from cms.partners.models import Partner
from home.campaigns import retention
from home.models import CampaignActivity, CampaignIndexPage, CampaignPage
from home.models.campaigns import ActivityStatus
from tests.api.conftest import empty_api_cache  # noqa: F401  (a clean API cache per test)
from tests.conftest import translate
from tests.factories import UserFactory

TODAY = timezone.localdate()
ACTIVITY = {
    "organisation": "ZŠ Kuncova, Praha 5",
    "title": "Projektový den o kyberšikaně",
    "city": "Praha",
    "region": "praha",
    "date": (TODAY + datetime.timedelta(days=5)).isoformat(),
    "audience": "children",
    "reach": 240,
    "email": "reditelna@zs-kuncova.cz",
    "consent": True,
}


@pytest.fixture
def campaign(home):
    index = CampaignIndexPage(title="Kampaně", slug="kampane")
    home.add_child(instance=index)
    index.save_revision().publish()
    translate(index, title="Campaigns", slug="campaigns")
    page = CampaignPage(
        title="Den bezpečnějšího internetu",
        slug="den",
        start=TODAY,
        end=TODAY + datetime.timedelta(days=20),
        key_message="Společně pro lepší internet.",
        lead="Zapojte se.",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    translate(page, title="Safer Internet Day", slug="day", key_message="Together for a better internet.")
    return page


def activities_url(campaign):
    return f"/api/v1/campaigns/{campaign.pk}/activities/"


def post(client, campaign, data=None, **headers):
    return client.post(activities_url(campaign), data or ACTIVITY, content_type="application/json", headers=headers)


def approve(activity):
    activity.status = ActivityStatus.APPROVED
    return moderate(activity, None)


def test_an_activity_is_listed_and_counted_only_once_approved(client, campaign, en):
    response = post(client, campaign)
    assert response.status_code == 201 and response.json()["status"] == "pending"
    assert response["Cache-Control"] == "no-store"
    assert client.get(activities_url(campaign)).json()["count"] == 0
    assert "Projektový den" not in client.get("/cs/kampane/den/").content.decode()
    approve(CampaignActivity.objects.get())
    listed = client.get(activities_url(campaign)).json()
    assert listed["count"] == 1 and listed["results"][0]["reach"] == 240
    assert "email" not in listed["results"][0]  # the contact e-mail is never public
    english = campaign.get_translation(en)
    detail = client.get(f"/api/v1/campaigns/{english.pk}/").json()
    assert detail["activities"] == {"activities": 1, "reach": 240}  # the translation shares them
    assert "Projektový den o kyberšikaně" in client.get("/en/campaigns/day/").content.decode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"date": (TODAY + datetime.timedelta(days=40)).isoformat()}, "date"),
        ({"date": "tomorrow"}, "date"),
        ({"region": "bavaria"}, "region"),
        ({"reach": 0}, "reach"),
        ({"reach": 100001}, "reach"),
        ({"audience": "aliens"}, "audience"),
        ({"email": "nope"}, "email"),
        ({"consent": False}, "consent"),
        ({"title": " "}, "title"),
        ({"description": "a\u0000b"}, "description"),
        ({"title": 2026}, "title"),
        ({"description": 1.5}, "description"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_nothing_is_stored(client, campaign, change, field):
    response = post(client, campaign, {**ACTIVITY, **change})
    assert response.status_code == 400 and field in response.json()["error"]["fields"], response.content
    assert not CampaignActivity.objects.exists()


def test_the_intake_rules_hold_honeypot_idempotency_scope_and_quota(client, campaign, settings):
    assert post(client, campaign, {**ACTIVITY, "homepage": "x"}).status_code == 201
    assert not CampaignActivity.objects.exists()
    first = post(client, campaign, **{"Idempotency-Key": "k"})
    again = post(client, campaign, **{"Idempotency-Key": "k"})
    assert first.json()["reference"] == again.json()["reference"] and CampaignActivity.objects.count() == 1
    assert post(client, campaign, {**ACTIVITY, "reach": 5}, **{"Idempotency-Key": "k"}).status_code == 422
    partner = Partner.objects.create(name="School portal", kind="education", contact_email="", origins="")
    _, wrong = issue_key(partner, ["academy:submit"])
    assert post(client, campaign, Authorization=f"Api-Key {wrong}").status_code == 403
    settings.CAMPAIGN_RATE_LIMIT = "5/hour"  # four valid submissions were counted above
    assert [post(client, campaign).status_code for _ in range(2)] == [201, 429]


def test_a_closed_or_unknown_campaign_takes_no_activity(client, campaign):
    campaign.activities_open = False
    campaign.save_revision().publish()
    refused = post(client, campaign)
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "activities_closed"
    assert client.post(f"/cs/kampane/aktivita/{campaign.pk}/", {**ACTIVITY, "consent": "on"}).status_code == 409
    assert post(client, CampaignPage(pk=999999)).status_code == 404
    assert not CampaignActivity.objects.exists()


def test_the_campaign_page_registers_through_its_form(client, campaign):
    html = client.get("/cs/kampane/den/").content.decode()
    assert f'action="/cs/kampane/aktivita/{campaign.pk}/"' in html and "Společně pro lepší internet." in html
    bad = client.post(f"/cs/kampane/aktivita/{campaign.pk}/", {**ACTIVITY, "consent": "on", "reach": "0"})
    assert bad.status_code == 400 and 'href="#field-reach"' in bad.content.decode()
    sent = client.post(f"/cs/kampane/aktivita/{campaign.pk}/", {**ACTIVITY, "consent": "on"})
    assert sent.status_code == 201 and "KA-" in sent.content.decode() and not sent.cookies
    assert CampaignActivity.objects.get().channel == "web"


@pytest.fixture
def moderator(db):
    client = Client(HTTP_HOST="localhost")
    client.force_login(UserFactory(username="moderator", groups=["Moderators"]))
    return client


def test_moderators_approve_or_reject_with_a_reason_and_editors_see_nothing(client, campaign, moderator):
    post(client, campaign)
    activity = CampaignActivity.objects.get()
    assert (
        "reditelna@zs-kuncova.cz" in moderator.get(f"/admin/campaign_activities/edit/{activity.pk}/").content.decode()
    )
    data = {
        "organisation": activity.organisation,
        "title": "Projektový den",
        "description": "",
        "city": "Praha",
        "region": "praha",
        "date": activity.date.isoformat(),
        "audience": activity.audience_id,
        "reach": 200,
        "status": "rejected",
        "rejection_reason": "",
    }
    refused = moderator.post(f"/admin/campaign_activities/edit/{activity.pk}/", data)
    assert refused.status_code == 200 and "rejection_reason" in refused.context["form"].errors
    approved = moderator.post(f"/admin/campaign_activities/edit/{activity.pk}/", {**data, "status": "approved"})
    assert approved.status_code == 302
    assert client.get(f"/api/v1/campaigns/{campaign.pk}/").json()["activities"] == {"activities": 1, "reach": 200}
    client.force_login(UserFactory(username="editor-only", groups=["Editors"]))
    assert client.get("/admin/campaign_activities/").status_code in (302, 403)


def test_lists_run_a_constant_number_of_queries(client, campaign):
    for _ in range(5):
        post(client, campaign)
    for activity in CampaignActivity.objects.all():
        approve(activity)

    def queries(url, size):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"page_size": size}).status_code == 200
        return len(captured)

    assert queries(activities_url(campaign), 1) == queries(activities_url(campaign), 5)
    assert queries("/api/v1/campaigns/", 1) == queries("/api/v1/campaigns/", 5)


def test_retention_blanks_the_contact_email_after_the_campaign(client, campaign):
    post(client, campaign)
    assert retention.apply_retention() == (0, 0)
    later = timezone.now() + datetime.timedelta(days=20 + 366)
    assert retention.apply_retention(now=later) == (1, 0)
    activity = CampaignActivity.objects.get()
    assert activity.email == "" and activity.reach == 240


def test_retention_counts_the_centres_days_not_utcs(client, campaign, settings):
    """Half past midnight in Prague is still the day before in UTC: the period ends with
    the centre's day."""
    post(client, campaign)
    first_day_due = campaign.end + datetime.timedelta(days=settings.CAMPAIGN_RETENTION_DAYS + 1)
    just_after_midnight = datetime.datetime.combine(
        first_day_due, datetime.time(0, 30), tzinfo=timezone.get_current_timezone()
    ).astimezone(datetime.UTC)  # as timezone.now() gives it
    assert retention.apply_retention(now=just_after_midnight - datetime.timedelta(hours=1)) == (0, 0)
    assert retention.apply_retention(now=just_after_midnight) == (1, 0)


def test_the_form_refuses_over_the_quota_and_then_every_attempt(client, campaign, settings):
    settings.CAMPAIGN_RATE_LIMIT = "1/hour"
    settings.CAMPAIGN_ATTEMPT_RATE_LIMIT = "2/hour"
    url = f"/cs/kampane/aktivita/{campaign.pk}/"
    assert client.get(url).status_code == 200
    statuses = [client.post(url, {**ACTIVITY, "consent": "on"}).status_code for _ in range(3)]
    assert statuses == [201, 429, 429] and CampaignActivity.objects.count() == 1
