"""Idempotency-Keys: each submitter's keys are its own, and a key names one report."""

import pytest

from reports.models import HotlineReport, IntakeReceipt

REPORT = {"urls": ["https://bad.example/a.jpg"], "category": "csam", "source_type": "webpage"}
OTHER = {**REPORT, "urls": ["https://other.example/b.jpg"]}


def post(client, data, key=None, api_key=None):
    headers = {"Idempotency-Key": key, "Accept-Language": "en"} if key else {"Accept-Language": "en"}
    if api_key:
        headers["Authorization"] = f"Api-Key {api_key}"
    return client.post("/api/v1/reports/hotline/", data, content_type="application/json", headers=headers)


def test_an_anonymous_key_spelling_a_partner_namespace_cannot_reach_the_partners_report(client, partner, partner_key):
    attacker = post(client, OTHER, key=f"partner:{partner.pk}:case-9000")
    platform = post(client, REPORT, key="case-9000", api_key=partner_key)
    assert attacker.status_code == platform.status_code == 201
    assert "Idempotent-Replayed" not in platform
    assert platform.json()["reference"] != attacker.json()["reference"]
    stored = HotlineReport.objects.get(reference=platform.json()["reference"])
    assert stored.partner == partner and stored.urls.get().url == "https://bad.example/a.jpg"


def test_a_partner_key_never_reads_an_anonymous_receipt(client, partner, partner_key):
    anonymous = post(client, REPORT, key="shared")
    platform = post(client, REPORT, key="shared", api_key=partner_key)
    assert platform.status_code == 201 and "Idempotent-Replayed" not in platform
    assert platform.json()["status_token"] != anonymous.json()["status_token"]
    assert sorted(IntakeReceipt.objects.values_list("namespace", flat=True)) == ["api", f"partner:{partner.pk}"]


def test_a_key_reused_with_another_body_answers_422_and_stores_nothing(client):
    first = post(client, REPORT, key="k-1")
    reused = post(client, OTHER, key="k-1")
    assert first.status_code == 201
    assert reused.status_code == 422
    error = reused.json()["error"]
    assert error["code"] == "idempotency_key_reused" and "used before for something else" in error["message"]
    assert HotlineReport.objects.count() == 1


def test_the_422_speaks_czech_to_czech_clients(client):
    post(client, REPORT, key="k-2")
    reused = client.post(
        "/api/v1/reports/hotline/",
        OTHER,
        content_type="application/json",
        headers={"Idempotency-Key": "k-2", "Accept-Language": "cs"},
    )
    assert reused.status_code == 422 and "pro něco jiného" in reused.json()["error"]["message"]


@pytest.mark.django_db
def test_the_form_and_the_api_keep_their_keys_apart(client):
    api = post(client, REPORT, key="abc")
    form = client.post(
        "/en/hotline/",
        {"urls": "https://bad.example/a.jpg", "category": "csam", "source_type": "webpage", "idempotency_key": "abc"},
    )
    assert api.status_code == form.status_code == 201
    assert HotlineReport.objects.count() == 2
    assert sorted(IntakeReceipt.objects.values_list("namespace", flat=True)) == ["api", "form"]
