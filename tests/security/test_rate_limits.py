"""Report limits: counted atomically, typos do not use up the quota, Retry-After is true."""

import threading

import pytest
import redis as redis_client
from django.db import connection

from cms.partners import limits
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


REDIS_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
def redis_limits(settings):
    connection = redis_client.Redis.from_url(REDIS_URL)
    connection.flushdb()
    settings.REDIS_URL = REDIS_URL
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sic-security-tests",
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    yield connection
    connection.flushdb()


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_fifty_gets_exactly_the_limit_through_redis(redis_limits):
    allowed = _burst("burst-redis", "10/hour")
    assert len(allowed) == 50 and allowed.count(True) == 10


def test_limits_hold_in_the_database_while_redis_does_not_answer(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient", "IGNORE_EXCEPTIONS": True},
        }
    }
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
