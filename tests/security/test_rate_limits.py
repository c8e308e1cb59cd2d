"""Report limits: counted atomically, typos do not use up the quota, Retry-After is true."""

import datetime
import threading

import pytest
from django.db import connection

from cms.core import limits
from reports.models import HotlineReport

GOOD = {"urls": ["https://bad.example/a.jpg"], "category": "csam", "source_type": "webpage"}
TYPO = {**GOOD, "urls": ["htps//bad.example"]}
NOW = 1_800_000_030.0  # 30 s into its hour: 3,570 s before the next


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch):
    monkeypatch.setattr(limits, "clock", lambda: NOW)


def post(client, data, address="192.0.2.1"):
    return client.post("/api/v1/reports/hotline/", data, content_type="application/json", REMOTE_ADDR=address)


def test_refused_submissions_do_not_use_up_the_report_quota(client, settings):
    settings.HOTLINE_RATE_LIMIT = "2/hour"
    settings.HOTLINE_ATTEMPT_RATE_LIMIT = "6/hour"
    assert [post(client, TYPO).status_code for _ in range(3)] == [400, 400, 400]
    assert [post(client, GOOD).status_code for _ in range(3)] == [201, 201, 429]
    assert HotlineReport.objects.count() == 2
    # The looser limit on every attempt still holds: the 7th attempt is refused, typo or not.
    refused = post(client, TYPO)
    assert refused.status_code == 429


def test_the_api_429_says_when_the_window_ends(client, settings):
    settings.HOTLINE_RATE_LIMIT = "1/hour"
    assert post(client, GOOD).status_code == 201
    refused = post(client, GOOD)
    assert refused.status_code == 429 and refused["Retry-After"] == "3570"  # 1,800,000,030 is 2,430 s into its hour
    assert refused.json()["error"]["code"] == "throttled"


def test_the_form_429_says_when_the_window_ends(client, settings):
    settings.HOTLINE_ATTEMPT_RATE_LIMIT = "1/hour"
    form = {"urls": "https://bad.example/a.jpg", "category": "csam", "source_type": "webpage"}
    assert client.post("/en/hotline/", form).status_code == 201
    refused = client.post("/en/hotline/", form)
    assert refused.status_code == 429 and refused["Retry-After"] == "3570"


def test_two_clients_have_separate_limits(client, settings):
    settings.HOTLINE_RATE_LIMIT = "1/hour"
    assert post(client, GOOD, "192.0.2.1").status_code == 201
    assert post(client, GOOD, "192.0.2.1").status_code == 429
    assert post(client, GOOD, "198.51.100.7").status_code == 201
    assert post(client, GOOD, "198.51.100.7").status_code == 429


def _burst(key, rate, threads=50):
    allowed, barrier = [], threading.Barrier(threads)

    def one():
        barrier.wait()
        try:
            allowed.append(limits.hit(key, rate)[0])
        finally:
            connection.close()

    workers = [threading.Thread(target=one) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return allowed


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_fifty_gets_exactly_the_limit_through_the_database_counter():
    if connection.vendor == "sqlite":
        # The test database is SQLite's shared in-memory one, which answers "table is locked"
        # at once instead of waiting; a real SQLite file waits (timeout 20 s) and serialises
        # the single-statement upsert just the same.
        pytest.skip("needs a database with real concurrent connections (PostgreSQL)")
    allowed = _burst("burst-db", "10/hour")
    assert len(allowed) == 50 and allowed.count(True) == 10


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_fifty_gets_exactly_the_limit_through_redis(redis_cache):
    allowed = _burst("burst-redis", "10/hour")
    assert len(allowed) == 50 and allowed.count(True) == 10


@pytest.fixture
def redis_away(settings):
    """Redis configured, nothing listening: the cache fails open, the limiter uses the database."""
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient", "IGNORE_EXCEPTIONS": True},
        }
    }


def test_limits_hold_in_the_database_while_redis_does_not_answer(redis_away):
    assert [limits.hit("redis-down", "2/hour")[0] for _ in range(3)] == [True, True, False]


def test_the_429_message_speaks_czech_to_czech_clients(client, settings):
    settings.HOTLINE_RATE_LIMIT = "1/hour"
    post(client, GOOD)
    refused = client.post(
        "/api/v1/reports/hotline/",
        GOOD,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="cs",
        REMOTE_ADDR="192.0.2.1",
    )
    assert refused.status_code == 429
    assert refused.json()["error"]["message"] == "Příliš mnoho požadavků. Zkuste to znovu za 3570 s."


STATUS = "/api/v1/reports/hotline/status/?reference=HL-2026-000001&token=wrong"


def attempt(client, address):
    return post(client, TYPO, address).status_code


def report(client, address):
    return post(client, GOOD, address).status_code


def status_read(client, address):
    return client.get(STATUS, REMOTE_ADDR=address).status_code


def helpline(client, data, address):
    return client.post("/api/v1/reports/helpline/", data, content_type="application/json", REMOTE_ADDR=address)


def contact_attempt(client, address):
    return helpline(client, {"message": "", "consent": True}, address).status_code


def contact(client, address):
    return helpline(client, {"message": "Pomoc", "consent": True}, address).status_code


def conversation_read(client, address):
    body = {"reference": "PO-2026-000001", "token": "wrong"}
    return client.post(
        "/api/v1/reports/helpline/status/", body, content_type="application/json", REMOTE_ADDR=address
    ).status_code


def content_read(client, address):
    return client.get("/api/v1/taxonomy/audiences/", REMOTE_ADDR=address).status_code


@pytest.mark.parametrize(
    ("setting", "send", "allowed"),
    [
        ("HOTLINE_ATTEMPT_RATE_LIMIT", attempt, 400),
        ("HOTLINE_RATE_LIMIT", report, 201),
        ("HOTLINE_STATUS_RATE_LIMIT", status_read, 404),
        ("HELPLINE_ATTEMPT_RATE_LIMIT", contact_attempt, 400),
        ("HELPLINE_RATE_LIMIT", contact, 201),
        ("HELPLINE_STATUS_RATE_LIMIT", conversation_read, 404),
        ("API_RATE_LIMIT_ANONYMOUS", content_read, 200),
    ],
)
def test_every_limit_counts_each_client_on_its_own(client, settings, setting, send, allowed):
    """Two addresses, each with its own quota: one client using its quota up leaves the
    other's whole (a limit keyed without the client, or a digest ignoring the address,
    would refuse the second)."""
    setattr(settings, setting, "2/hour")
    assert [send(client, "192.0.2.1") for _ in range(3)] == [allowed, allowed, 429]
    assert [send(client, "2001:db8::7") for _ in range(3)] == [allowed, allowed, 429]
    assert send(client, "192.0.2.1") == 429  # the first is still refused


def test_the_forwarded_address_is_the_client_behind_a_trusted_proxy(client, settings):
    settings.HOTLINE_STATUS_RATE_LIMIT = "1/hour"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}

    def read(forwarded):
        return client.get(STATUS, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded).status_code

    assert [read("192.0.2.1"), read("192.0.2.1"), read("198.51.100.7")] == [404, 429, 404]


def test_digests_differ_by_address_and_by_secret(rf, settings):
    first, second = rf.get("/", REMOTE_ADDR="192.0.2.1"), rf.get("/", REMOTE_ADDR="192.0.2.2")
    digest = limits.client_digest(first)
    assert len(digest) == 32 and digest != limits.client_digest(second)
    assert "192.0.2.1" not in digest
    settings.SECRET_KEY = "another-secret"
    assert limits.client_digest(first) != digest


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [
        ("120/minute", (120, 60)),
        ("10/hour", (10, 3600)),
        ("5/s", (5, 1)),
        ("1000/day", (1000, 86400)),
        ("3/ Min", (3, 60)),
    ],
)
def test_rates_are_read_as_drf_reads_them(rate, parsed):
    assert limits.parse_rate(rate) == parsed


def test_the_digest_is_a_keyed_hash_of_the_address(rf, settings):
    import hashlib
    import hmac

    settings.SECRET_KEY = "a-secret-of-this-test"
    expected = hmac.new(b"a-secret-of-this-test", b"192.0.2.1", hashlib.sha256).hexdigest()[:32]
    assert limits.client_digest(rf.get("/", REMOTE_ADDR="192.0.2.1")) == expected
    request = rf.get("/")
    del request.META["REMOTE_ADDR"]  # a server that passes none: one shared, still keyed, client
    assert limits.client_digest(request) == hmac.new(b"a-secret-of-this-test", b"", hashlib.sha256).hexdigest()[:32]


def test_a_throttle_reads_requests_that_never_met_the_partner_middleware(rf, settings):
    from reports.api.throttling import HotlineStatusThrottle

    settings.HOTLINE_STATUS_RATE_LIMIT = "1/hour"
    throttle = HotlineStatusThrottle()
    assert throttle.wait() is None  # nothing refused yet
    request = rf.get("/", REMOTE_ADDR="192.0.2.9")
    assert throttle.identity(request) == (f"client:{limits.client_digest(request)}", "1/hour")
    assert [throttle.allow_request(request, None) for _ in range(2)] == [True, False]
    assert throttle.wait() == 3570


def test_an_empty_limit_turns_the_limit_off(client, settings):
    settings.HOTLINE_STATUS_RATE_LIMIT = ""
    assert {status_read(client, "192.0.2.1") for _ in range(5)} == {404}


@pytest.mark.parametrize(("draw", "purged"), [(0.0099, True), (0.01, False), (0.5, False)])
def test_one_database_count_in_a_hundred_deletes_the_expired_counters(monkeypatch, draw, purged):
    import datetime

    from django.utils import timezone

    from cms.core.models import RateCounter

    RateCounter.objects.create(
        key="sic:counter:old", value=3, expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    monkeypatch.setattr(limits.random, "random", lambda: draw)
    limits.count("usage:1:2026-12-01")
    assert RateCounter.objects.filter(key="sic:counter:old").exists() is not purged
    assert limits.read(["usage:1:2026-12-01"]) == [1]


def test_counters_are_read_back_from_redis(redis_cache):
    limits.hit("read-back", "10/hour", usage_key="usage:7:2026-12-01")
    limits.count("usage:7:2026-12-01")
    assert limits.read(["usage:7:2026-12-01", "usage:8:2026-12-01"]) == [2, 0]
    assert limits.read([]) == []


def test_counters_are_read_from_the_database_while_redis_does_not_answer(redis_away, settings, caplog):
    from cms.core.models import RateCounter

    limits.count("usage:9:2026-12-01")
    assert RateCounter.objects.get(key=f"{settings.CACHE_KEY_PREFIX}:counter:usage:9:2026-12-01").value == 1
    assert limits.read(["usage:9:2026-12-01"]) == [1]
    assert [record.getMessage() for record in caplog.records if record.name == "cms.core.limits"] == [
        "Redis is not answering: rate limits are counted in the database meanwhile.",
        "Redis is not answering: counters are read from the database meanwhile.",
    ]


class TestWithTheRealClock:
    """The pinned clock above makes windows exact; these run on ``time.time()``."""

    @pytest.fixture(autouse=True)
    def pinned_clock(self):
        """Overrides the module's pinned clock: nothing patched."""

    def test_retry_after_is_the_time_left_in_the_current_window(self):
        import time

        assert limits.clock() == pytest.approx(time.time(), abs=1)
        limits.hit("real-clock", "1/hour")
        allowed, retry_after = limits.hit("real-clock", "1/hour")
        left = 3600 - time.time() % 3600
        assert allowed is False and abs(retry_after - left) <= 2

    def test_a_one_second_window_opens_again(self):
        import time

        start = time.time()
        time.sleep(1 - start % 1 + 0.05)  # the start of a second
        assert [limits.hit("per-second", "2/second")[0] for _ in range(3)] == [True, True, False]
        time.sleep(1.0)
        assert limits.hit("per-second", "2/second")[0] is True


@pytest.mark.parametrize("backend", ["database", "redis"])
def test_a_large_limit_served_from_leases_still_lets_exactly_the_limit_through(backend, request, monkeypatch):
    """Limits of 20 and more are leased a twentieth at a time: every lease is counted whole
    in the shared counter and served one request at a time, so 100/hour lets 100 through."""
    if backend == "redis":
        request.getfixturevalue("redis_cache")
    else:
        request.getfixturevalue("db")
    monkeypatch.setattr(limits, "clock", lambda: 3600 * 1000 + 10.0)
    limits.forget_leases()
    allowed = [limits.hit(f"lease-{backend}", "100/hour")[0] for _ in range(130)]
    assert allowed == [True] * 100 + [False] * 30
    # Leases of 5 are counted whole: 20 granted, then each refused request asked for one more.
    assert limits.read([f"lease-{backend}:{3600 * 1000}"]) == [100 + 30 * 5]


def test_the_retry_after_is_at_least_a_second_and_counts_to_the_window_s_end(db, monkeypatch):
    window = 3600 * 2000
    limits.forget_leases()
    monkeypatch.setattr(limits, "clock", lambda: window + 3600 - 0.25)  # a quarter second left
    assert limits.hit("retry-end", "1/hour") == (True, 1)
    assert limits.hit("retry-end", "1/hour") == (False, 1)
    monkeypatch.setattr(limits, "clock", lambda: window + 3600 - 2.5)
    assert limits.hit("retry-end-2", "1/hour") == (True, 3)


def test_a_counter_lives_one_second_past_its_window(db, monkeypatch):
    from cms.core.models import RateCounter

    window = 3600 * 3000
    monkeypatch.setattr(limits, "clock", lambda: window + 5.0)
    monkeypatch.setattr(limits.timezone, "now", lambda: datetime.datetime.fromtimestamp(window + 5.0, datetime.UTC))
    limits.forget_leases()
    limits.hit("ttl", "1/hour")
    counter = RateCounter.objects.get(key__endswith=f":counter:ttl:{window}")
    assert counter.expires_at.timestamp() == window + 5.0 + 3600 + 1


def test_redis_counters_expire_with_their_window_and_usage_after_its_keeping_time(redis_cache, monkeypatch):
    from django_redis import get_redis_connection

    window = 3600 * 4000
    monkeypatch.setattr(limits, "clock", lambda: window + 5.0)
    limits.forget_leases()
    limits.hit("expiring", "100/hour", usage_key="usage:expiring")
    redis = get_redis_connection("default")
    assert 3595 <= redis.ttl(limits._name(f"expiring:{window}")) <= 3601  # the window and a second
    assert limits.USAGE_TTL - 5 <= redis.ttl(limits._name("usage:expiring")) <= limits.USAGE_TTL
