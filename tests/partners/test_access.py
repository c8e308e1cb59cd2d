"""Rate limits (lower without a key, higher with one), counted in Redis or the cache and
answered with 429 and Retry-After; usage per partner per day, shown in the admin."""

import redis as redis_client
from django.test import override_settings
from django.utils import timezone

from cms.core import limits
from cms.partners.models import PartnerUsage
from tests.reports.conftest import shown_messages

URL = "/api/v1/taxonomy/topics/"


@override_settings(API_RATE_LIMIT_ANONYMOUS="3/minute", API_RATE_LIMIT_PARTNER="5/minute")
def test_without_a_key_the_lower_limit_holds_and_a_key_raises_it(client, issue):
    for _ in range(3):
        assert client.get(URL).status_code == 200
    refused = client.get(URL)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["error"]["code"] == "throttled"
    _record, key = issue("content:read")
    headers = {"Authorization": f"Api-Key {key}"}
    assert [client.get(URL, headers=headers).status_code for _ in range(6)] == [200] * 5 + [429]


@override_settings(API_RATE_LIMIT_ANONYMOUS="2/minute")
def test_limits_are_counted_in_redis_with_one_round_trip(client, redis_cache, monkeypatch):
    executed = []
    original = redis_client.client.Pipeline.execute

    def counting(self, *args, **kwargs):
        executed.append([command[0] for command, _options in self.command_stack])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(redis_client.client.Pipeline, "execute", counting)
    assert client.get(URL).status_code == 200
    assert client.get(URL).status_code == 200
    refused = client.get(URL)
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
    # The limiter's INCRBY and EXPIRE go together, one round trip per request (the response
    # cache may write its entries in a pipeline of its own on a miss).
    counted = [commands for commands in executed if "INCRBY" in commands]
    assert counted == [["INCRBY", "EXPIRE"]] * 3
    assert list(redis_cache.counters(":counter:client:").values()) == [3]


def test_a_window_that_ends_opens_the_next(monkeypatch, db):
    clock = [1_000_000.0]
    monkeypatch.setattr(limits, "clock", lambda: clock[0])
    assert limits.hit("test", "1/minute") == (True, 20)  # 1,000,000 is 40 s into its minute
    assert limits.hit("test", "1/minute") == (False, 20)
    clock[0] += 20
    assert limits.hit("test", "1/minute")[0] is True


def test_hotline_reports_keep_their_own_limit(client, settings):
    settings.API_RATE_LIMIT_ANONYMOUS = "1/minute"
    assert client.get("/api/v1/reports/hotline/status/?reference=HL-2026-000001&token=x").status_code == 404
    assert client.get("/api/v1/reports/hotline/status/?reference=HL-2026-000001&token=x").status_code == 404


def test_usage_is_counted_per_partner_per_day_and_shown_to_administrators(client, issue, partner, administrator):
    _record, key = issue()
    for _ in range(4):
        client.get(URL, headers={"Authorization": f"Api-Key {key}"})
    client.get(URL)  # anonymous: not the partner's
    client.force_login(administrator)
    page = client.get(f"/admin/partners/{partner.pk}/keys/").content.decode()
    usage = PartnerUsage.objects.get(partner=partner)
    assert (usage.day, usage.requests) == (timezone.localdate(), 4)
    assert f"<td>{timezone.localdate():%Y-%m-%d}</td><td>4</td>" in page


def test_only_administrators_manage_partners(client, partner, django_user_model):
    from django.contrib.auth.models import Group

    analyst = django_user_model.objects.create_user("analyst", "a@centre.example", "pass")
    analyst.groups.add(Group.objects.get(name="Hotline analysts"))
    client.force_login(analyst)
    assert client.get(f"/admin/partners/{partner.pk}/keys/").status_code == 403
    assert "/admin/partners/" not in client.get("/admin/").content.decode()


def test_an_administrator_issues_and_revokes_a_key_in_the_admin(client, partner, administrator):
    client.force_login(administrator)
    response = client.post(
        f"/admin/partners/{partner.pk}/keys/", {"action": "issue", "scopes": ["content:read", "reports:submit"]}
    )
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    record = partner.keys.get()
    assert record.scopes == ["content:read", "reports:submit"]
    key = page.split('class="partner-new-key">')[1].split("<")[0]
    assert key.startswith(record.prefix + ".")
    assert client.get(URL, headers={"Authorization": f"Api-Key {key}"}).status_code == 200
    assert key not in client.get(f"/admin/partners/{partner.pk}/keys/").content.decode()  # shown once
    client.post(f"/admin/partners/{partner.pk}/keys/", {"action": "revoke", "prefix": record.prefix})
    assert client.get(URL, headers={"Authorization": f"Api-Key {key}"}).status_code == 401


def test_an_administrator_adds_a_partner_and_a_bad_origin_is_explained(client, administrator):
    from cms.partners.models import Partner

    client.force_login(administrator)
    data = {"name": "Knihovna", "kind": "public-body", "contact_email": "it@knihovna.example", "active": "on"}
    refused = client.post("/admin/partners/new/", {**data, "origins": "https://knihovna.example/katalog"})
    assert refused.status_code == 200 and not Partner.objects.exists()
    assert "https://knihovna.example/katalog" in refused.content.decode()
    client.post("/admin/partners/new/", {**data, "origins": "https://knihovna.example\nhttps://www.knihovna.example"})
    partner = Partner.objects.get()
    assert partner.origin_list == ["https://knihovna.example", "https://www.knihovna.example"]
    assert f"/admin/partners/{partner.pk}/keys/" in client.get("/admin/partners/").content.decode()


def test_an_administrator_subscribes_a_webhook_and_sees_the_secret_once(client, partner, administrator):
    client.force_login(administrator)
    page = client.post(
        f"/admin/partners/{partner.pk}/keys/",
        {
            "action": "subscribe",
            "url": "https://hooks.zs.example/sic",
            "events": ["resource.published", "news.published"],
        },
    ).content.decode()
    subscription = partner.webhooks.get()
    assert subscription.events == ["news.published", "resource.published"]
    assert subscription.secret in page
    assert subscription.secret not in client.get(f"/admin/partners/{partner.pk}/keys/").content.decode()
    bad = client.post(f"/admin/partners/{partner.pk}/keys/", {"action": "subscribe", "url": "not a url", "events": []})
    assert bad.status_code == 200 and partner.webhooks.count() == 1
    assert shown_messages(bad) == ["Formulář obsahuje chyby: Adresa: Vložte platný odkaz.; Akce: Toto pole je povinné."]


def test_a_worker_leases_a_share_of_the_window_and_never_exceeds_the_limit(db, monkeypatch):
    round_trips = []
    original = limits._add
    monkeypatch.setattr(limits, "_add", lambda *args: round_trips.append(args) or original(*args))
    allowed = [limits.hit("lease-test", "40/minute")[0] for _ in range(41)]
    assert allowed == [True] * 40 + [False]
    assert len(round_trips) == 21  # a lease of 2 requests per round trip, then the refusal

    # Workers that each take a lease and use only part of it: the shared counter still
    # refuses once the leases add up to the limit, never later.
    limits.forget_leases()
    served = 0
    for _ in range(100):
        limits.forget_leases()  # as if every request reached another worker
        served += limits.hit("lease-test-2", "40/minute")[0]
    assert served == 20  # each lease of 2 was counted whole: early, never over


@override_settings(API_RATE_LIMIT_ANONYMOUS="1/minute")
def test_refusals_speak_the_clients_language(client, db):
    client.get(URL)
    assert "Příliš mnoho požadavků" in client.get(URL, headers={"Accept-Language": "cs"}).json()["error"]["message"]
    english = client.get(URL, headers={"Accept-Language": "en"}).json()["error"]["message"]
    assert english == "Too many requests. Try again in 30 seconds."
    unknown = client.get(URL, headers={"Accept-Language": "en", "Authorization": "Api-Key nope"})
    assert unknown.json()["error"]["message"] == "The API key is unknown, revoked or expired."
