"""Two application servers (separate gunicorn processes, one worker each) sharing one
database and one Redis, with the real clock: what one process counts or caches, the other
sees. Nothing here is simulated inside the test's own process."""

import json
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.redis_keys import RedisKeys
from tests.servers import PROJECT, gunicorn_alone, manage, production_environment

TOPICS = "/api/v1/taxonomy/topics/?locale=en"


def get(base, path, **headers):
    # One Host for both, as behind the load balancer that would share requests between them.
    headers = {"Accept-Language": "en", "Host": "localhost", **headers}
    request = urllib.request.Request(base + path, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - our own server
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def partner_command(env, *args):
    """``manage.py partner …`` in the servers' environment; its output."""
    command = [sys.executable, "manage.py", "partner", *args]
    return subprocess.run(command, cwd=PROJECT, env=env, check=True, capture_output=True, text=True).stdout  # noqa: S603


def issue_partner_key(env):
    output = partner_command(env, "add", "Gymnázium Příklad", "--contact", "it@gymnazium.example")
    return re.search(r"API key \(shown only now, store it safely\): (\S+)", output).group(1)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """``(first, second, env, redis keys, partner key)``: two servers on one SQLite file."""
    workdir = tmp_path_factory.mktemp("two-processes")
    keys = RedisKeys.new()
    env = production_environment(
        workdir,
        REDIS_URL=keys.url,
        CACHE_KEY_PREFIX=keys.prefix,
        API_RATE_LIMIT_ANONYMOUS="4/hour",
        API_RATE_LIMIT_PARTNER="1000/hour",
    )
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "createcachetable")
    partner_key = issue_partner_key(env)
    try:
        with gunicorn_alone(env, workers=1) as first, gunicorn_alone(env, workers=1) as second:
            yield first, second, env, keys, partner_key, workdir / "db.sqlite3"
    finally:
        keys.delete_all()


def far_from_the_hour_s_end():
    """The anonymous limit counts per clock hour: wait if the hour is about to turn."""
    left = 3600 - time.time() % 3600
    if left < 30:
        time.sleep(left + 1)


def test_the_anonymous_limit_is_counted_once_across_both_processes(servers):
    first, second, _env, _keys, _partner_key, _database = servers
    far_from_the_hour_s_end()
    # Six different addresses (no answer comes from the cache), all with documented parameters.
    urls = [f"/api/v1/news/?page_size={n + 1}" for n in range(6)]
    statuses = [get(base, url)[0] for url, base in zip(urls, [first, second] * 3, strict=True)]
    assert statuses == [200, 200, 200, 200, 429, 429]
    status, headers, body = get(second, "/api/v1/taxonomy/audiences/")
    assert status == 429 and 0 < int(headers["Retry-After"]) <= 3600
    assert json.loads(body)["error"]["code"] == "throttled"


def test_a_partners_requests_through_both_processes_are_counted_in_redis(servers):
    first, second, env, keys, partner_key, _database = servers
    headers = {"Authorization": f"Api-Key {partner_key}"}
    for base in [first, second, second, first, second]:
        assert get(base, "/api/v1/taxonomy/resource-types/", **headers)[0] == 200
    assert list(keys.counters(":counter:usage:").values()) == [5]
    usage = partner_command(env, "usage")  # copies the counters into the database
    assert usage.strip().endswith("\t5") and usage.startswith("Gymnázium Příklad\t")


def test_a_response_cached_by_one_process_is_served_by_the_other_from_redis(servers):
    first, second, _env, keys, partner_key, database = servers
    headers = {"Authorization": f"Api-Key {partner_key}"}  # the partner limit is high: no 429 here
    status, cached_headers, cached_body = get(first, TOPICS, **headers)
    assert status == 200 and b"Cyberbullying" in cached_body
    assert keys.matching(":api:v1:")  # the response is in Redis now
    # Change the data behind both processes' backs (no publish, so no new content version):
    # the second process has never built this answer, so it can only serve the old one
    # from the shared cache.
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE resources_topic SET name_en = 'Changed underneath' WHERE slug = 'cyberbullying'")
    status, served_headers, served_body = get(second, TOPICS, **headers)
    assert status == 200 and served_body == cached_body and served_headers["ETag"] == cached_headers["ETag"]
    assert b"Changed underneath" not in served_body
    revalidated = get(second, TOPICS, **{**headers, "If-None-Match": cached_headers["ETag"]})
    assert revalidated[0] == 304
