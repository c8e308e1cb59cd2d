"""The youth panel's contributions: young people send them (``POST /api/v1/youth/
contributions/``) without e-mail or name, moderators approve them (with edits) or reject
them in the admin, and only approved ones are ever public."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.core.moderation import moderate
from cms.partners.keys import issue_key
from cms.partners.models import Partner
from home.models import YouthContribution
from home.models.youth import ContributionStatus
from tests.api.conftest import empty_api_cache  # noqa: F401  (a clean API cache per test)
from tests.factories import UserFactory

URL = "/api/v1/youth/contributions/"
CONTRIBUTION = {
    "nickname": "Žirafa",
    "age_band": "13-14",
    "kind": "idea",
    "topic": "cyberbullying",
    "text": "Ve škole by měla být schránka, kam se dá anonymně napsat, že se někomu děje šikana.",
    "language": "cs",
}


@pytest.fixture
def post(client, db):
    def send(data=None, **headers):
        return client.post(URL, data or CONTRIBUTION, content_type="application/json", headers=headers)

    return send


def published(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def approve(contribution, text=None):
    contribution.status = ContributionStatus.APPROVED
    contribution.published_text = text or contribution.text
    return moderate(contribution, None)


def test_a_contribution_waits_for_a_moderator_and_is_never_public_before(post, client):
    response = post()
    assert response.status_code == 201 and response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["reference"].startswith("ML-") and body["status"] == "pending" and "moderátor" in body["message"]
    contribution = YouthContribution.objects.get()
    assert (contribution.reference, contribution.nickname, contribution.topic.slug) == (
        body["reference"],
        "Žirafa",
        "cyberbullying",
    )
    assert published(client, locale="cs")["count"] == 0
    approve(contribution, "Ve škole by měla být schránka na anonymní vzkazy o šikaně.")
    listed = published(client, locale="cs")
    assert listed["count"] == 1
    item = listed["results"][0]
    assert item["text"] == "Ve škole by měla být schránka na anonymní vzkazy o šikaně."  # the moderator's text
    assert item["kind"] == {"slug": "idea", "name": "nápad"} and item["age_band"]["slug"] == "13-14"
    assert item["nickname"] == "Žirafa" and item["topic"]["slug"] == "cyberbullying"
    assert published(client, locale="en")["count"] == 0  # a Czech contribution is on the Czech pages


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"age_band": None}, "age_band"),
        ({"age_band": "30-40"}, "age_band"),
        ({"kind": "complaint"}, "kind"),
        ({"text": "   "}, "text"),
        ({"text": "a\u0000b"}, "text"),
        ({"text": "x" * 2001}, "text"),
        ({"text": 2.9516520084118155e239}, "text"),  # schemathesis: a number is not text
        ({"nickname": 12345}, "nickname"),
        ({"topic": "weather"}, "topic"),
        ({"nickname": "n" * 41}, "nickname"),
        ({"language": "de"}, "language"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_nothing_is_stored(post, change, field):
    data = {key: value for key, value in {**CONTRIBUTION, **change}.items() if value is not None}
    response = post(data)
    assert response.status_code == 400 and field in response.json()["error"]["fields"]
    assert not YouthContribution.objects.exists()


def test_the_honeypot_gets_a_receipt_and_nothing_is_stored(post):
    response = post({**CONTRIBUTION, "homepage": "https://spam.invalid/"})
    assert response.status_code == 201 and response.json()["reference"].startswith("ML-")
    assert not YouthContribution.objects.exists()


def test_an_idempotency_key_stores_once_and_refuses_another_body(post):
    first = post(**{"Idempotency-Key": "k-1"})
    again = post(**{"Idempotency-Key": "k-1"})
    assert first.json()["reference"] == again.json()["reference"] and again["Idempotent-Replayed"] == "true"
    other = post({**CONTRIBUTION, "text": "Něco jiného."}, **{"Idempotency-Key": "k-1"})
    assert other.status_code == 422
    assert YouthContribution.objects.count() == 1


def test_the_quota_counts_valid_contributions_and_says_when_to_come_back(post, settings):
    settings.YOUTH_RATE_LIMIT = "2/hour"
    assert [post().status_code for _ in range(3)] == [201, 201, 429]
    assert YouthContribution.objects.count() == 2


def test_every_attempt_counts_against_the_looser_limit_invalid_ones_too(post, settings):
    settings.YOUTH_ATTEMPT_RATE_LIMIT = "3/hour"
    bad = {**CONTRIBUTION, "kind": "complaint"}
    assert [post(bad).status_code for _ in range(3)] + [post().status_code] == [400, 400, 400, 429]
    assert not YouthContribution.objects.exists()


def test_a_platform_needs_the_youth_scope(post):
    partner = Partner.objects.create(name="Youth portal", kind="ngo", contact_email="", origins="")
    _, wrong = issue_key(partner, ["helpline:submit"])
    refused = post(Authorization=f"Api-Key {wrong}")
    assert refused.status_code == 403 and "youth:submit" in refused.json()["error"]["message"]
    _, right = issue_key(partner, ["youth:submit"])
    assert post(Authorization=f"Api-Key {right}").status_code == 201
    assert YouthContribution.objects.get().channel == "partner"


def test_the_list_filters_by_kind_and_topic_and_names_a_bad_filter(post, client):
    for kind, topic in (("idea", "cyberbullying"), ("story", "gaming"), ("opinion", "gaming")):
        post({**CONTRIBUTION, "kind": kind, "topic": topic})
    for contribution in YouthContribution.objects.all():
        approve(contribution)
    assert published(client, kind="story")["count"] == 1 and published(client, topic="gaming")["count"] == 2
    for params, field in (({"kind": "poem"}, "kind"), ({"topic": "x"}, "topic"), ({"sort": "new"}, "sort")):
        response = client.get(URL, params)
        assert response.status_code == 400 and field in response.json()["error"]["fields"]


def test_the_list_runs_a_constant_number_of_queries(post, client):
    for _ in range(5):
        post()
    for contribution in YouthContribution.objects.all():
        approve(contribution)

    def queries(size):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"page_size": size}).status_code == 200
        return len(captured)

    assert queries(1) == queries(5)


@pytest.fixture
def moderator_client(db):
    client = Client(HTTP_HOST="localhost")
    client.force_login(UserFactory(username="moderator", groups=["Moderators"]))
    return client


def edit_url(contribution):
    return f"/admin/youth_contributions/edit/{contribution.pk}/"


def test_a_moderator_approves_with_edits_and_it_shows_at_once(post, client, moderator_client):
    post()
    contribution = YouthContribution.objects.get()
    assert published(client)["count"] == 0  # cached: the approval must make it stale
    queue = moderator_client.get("/admin/youth_contributions/")
    assert queue.status_code == 200 and contribution.reference in queue.content.decode()
    page = moderator_client.get(edit_url(contribution)).content.decode()
    assert "Ve škole by měla být schránka" in page  # the text as sent, read only
    response = moderator_client.post(
        edit_url(contribution),
        {"status": "approved", "published_text": "Schránka na anonymní vzkazy.", "rejection_reason": "", "topic": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    contribution.refresh_from_db()
    assert contribution.moderated_by.username == "moderator" and contribution.moderated_at is not None
    assert contribution.text.startswith("Ve škole")  # what was sent is kept as sent
    assert [item["text"] for item in published(client)["results"]] == ["Schránka na anonymní vzkazy."]


def test_a_rejection_needs_a_reason_and_stays_private(post, client, moderator_client):
    post()
    contribution = YouthContribution.objects.get()
    data = {"status": "rejected", "published_text": contribution.text, "rejection_reason": "", "topic": ""}
    refused = moderator_client.post(edit_url(contribution), data)
    assert refused.status_code == 200 and "rejection_reason" in refused.context["form"].errors
    accepted = moderator_client.post(edit_url(contribution), {**data, "rejection_reason": "Jméno spolužáka."})
    assert accepted.status_code == 302
    assert YouthContribution.objects.get().status == "rejected" and published(client)["count"] == 0


def test_withdrawing_an_approval_takes_it_off_at_once(post, client):
    post()
    contribution = approve(YouthContribution.objects.get())
    assert published(client)["count"] == 1
    contribution.status, contribution.rejection_reason = ContributionStatus.REJECTED, "Poznávací znaky školy."
    moderate(contribution, None)
    assert published(client)["count"] == 0


def test_deleting_an_approved_contribution_takes_it_off_at_once(post, client):
    post()
    approve(YouthContribution.objects.get())
    assert published(client)["count"] == 1
    YouthContribution.objects.get().delete()
    assert published(client)["count"] == 0


def test_editors_do_not_see_the_moderation_queue(client, db):
    client.force_login(UserFactory(username="editor-only", groups=["Editors"]))
    assert client.get("/admin/youth_contributions/").status_code in (302, 403)
