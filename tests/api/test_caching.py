"""Public GETs are cacheable: strong ETags, 304s, and publishing invalidates them."""

import pytest
from django.test import override_settings

from resources.api.serializers import ResourceSerializer
from resources.models import ResourcePage

URL = "/api/v1/resources/?topic=sexting"


def test_public_get_sends_cache_headers(client, demo):
    response = client.get(URL)
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
    assert response["ETag"].startswith('"') and not response["ETag"].startswith("W/")
    assert "Accept-Language" in response["Vary"]


def test_if_none_match_gets_a_304_without_serialising_again(client, demo, monkeypatch):
    etag = client.get(URL)["ETag"]

    def refuse(*args, **kwargs):
        raise AssertionError("the payload was serialised again")

    monkeypatch.setattr(ResourceSerializer, "to_representation", refuse)
    response = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""


def test_a_stale_etag_gets_the_full_response(client, demo):
    response = client.get(URL, HTTP_IF_NONE_MATCH='"not-the-current-one"')
    assert response.status_code == 200 and response.json()["count"] > 0


@pytest.mark.parametrize("change", ["publish", "unpublish", "delete"])
def test_changing_a_page_changes_the_etags(client, demo, change):
    before = client.get(URL)
    page = ResourcePage.objects.get(external_id="demo-006", locale__language_code="cs")
    if change == "publish":
        page.title = "Sexting bez mýtů (nové vydání)"
        page.save_revision().publish()
    elif change == "unpublish":
        page.unpublish()
    else:
        page.delete()
    after = client.get(URL, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert (page.title in after.content.decode()) == (change == "publish")


def test_editing_a_topic_label_changes_the_etags(client, demo):
    from resources.models import Topic

    before = client.get(URL)["ETag"]
    topic = Topic.objects.get(slug="sexting")
    topic.name_cs = "Sexting (posílání intimních fotek)"
    topic.save()
    assert client.get(URL)["ETag"] != before


def test_errors_are_not_cached(client, demo):
    first = client.get("/api/v1/resources/?age=x")
    assert first.status_code == 400 and "ETag" not in first


def test_redis_holds_the_responses_and_publishing_invalidates_them(client, demo, redis_cache):
    first = client.get(URL)
    assert redis_cache.matching(":api:v1:body:")
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    page = ResourcePage.objects.get(external_id="demo-006", locale__language_code="cs")
    page.save_revision().publish()
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_facets_are_shared_by_every_page_of_a_result_set_until_content_changes(client, demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = client.get("/api/v1/resources/", {"topic": "sexting", "page_size": 1}).json()
    with CaptureQueriesContext(connection) as captured:
        second = client.get("/api/v1/resources/", {"topic": "sexting", "page_size": 1, "page": 2}).json()
    assert second["facets"] == first["facets"]
    assert not any("COUNT(DISTINCT" in query["sql"] for query in captured.captured_queries)

    page = ResourcePage.objects.get(external_id="demo-040", locale__language_code="cs")
    page.topics = []
    page.save_revision().publish()
    after = client.get("/api/v1/resources/", {"topic": "sexting", "page_size": 1, "page": 2}).json()
    sexting = next(term for term in after["facets"]["topic"] if term["slug"] == "sexting")
    assert sexting["count"] == next(t for t in first["facets"]["topic"] if t["slug"] == "sexting")["count"] - 1


def another_worker_publishes():
    """What a publish in another process does: the content and the shared version change,
    this process's memo does not (no signal reaches it)."""
    from django.core.cache import cache
    from wagtail.models import Page

    from cms.core.api.caching import VERSION_KEY

    page = ResourcePage.objects.get(external_id="demo-006", locale__language_code="cs")
    Page.objects.filter(pk=page.pk).update(title="Sexting bez mýtů (upraveno jinde)")
    cache.incr(VERSION_KEY)


def test_a_change_in_another_worker_is_seen_once_the_memo_window_passes(client, demo, monkeypatch):
    from cms.core.api import caching

    clock = [1000.0]
    monkeypatch.setattr(caching.time, "monotonic", lambda: clock[0])
    etag = client.get(URL)["ETag"]
    another_worker_publishes()
    clock[0] += 0.5
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304  # within the 1 s window
    clock[0] += 0.6
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 200


@override_settings(API_VERSION_MEMO_SECONDS=0)
def test_without_a_memo_window_every_request_reads_the_shared_version(client, demo):
    etag = client.get(URL)["ETag"]
    another_worker_publishes()
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_memoised_304_makes_no_cache_round_trip(client, demo, monkeypatch):
    from cms.core.api import caching

    etag = client.get(URL)["ETag"]

    def refuse(*args, **kwargs):
        raise AssertionError("the shared cache was read")

    monkeypatch.setattr(caching.cache, "get_many", refuse)
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_memoised_200_makes_no_cache_round_trip_and_a_change_here_is_seen_at_once(client, demo, monkeypatch):
    from cms.core.api import caching

    first = client.get(URL)

    def refuse(*args, **kwargs):
        raise AssertionError("the shared cache was read")

    with monkeypatch.context() as patched:
        patched.setattr(caching.cache, "get_many", refuse)
        patched.setattr(caching.cache, "get", refuse)
        again = client.get(URL)
    assert again.status_code == 200 and again.content == first.content and again["ETag"] == first["ETag"]

    page = ResourcePage.objects.get(external_id="demo-006", locale__language_code="cs")
    page.title = "Sexting bez mýtů (upraveno)"
    page.save_revision().publish()  # in this process: the memo is dropped at once
    assert "Sexting bez mýtů (upraveno)" in client.get(URL).content.decode()


def test_the_body_memo_stays_within_its_size(client, demo, monkeypatch):
    from cms.core.api import caching

    small = {"topic": "sexting", "page_size": 1}
    limit = len(client.get("/api/v1/resources/", small).content) * 2 + 100
    monkeypatch.setattr(caching.memo, "max_body_bytes", limit)
    caching.memo.forget()
    for page in (1, 2, 3):  # small bodies are kept while the total stays within the limit
        client.get("/api/v1/resources/", {**small, "page": page})
        assert 0 < caching.memo.body_bytes <= limit
    large = client.get("/api/v1/resources/", {"page_size": 50})
    assert len(large.content) > limit and caching.memo.body_bytes <= limit
    assert all(len(content) <= limit for _etag, content in caching.memo.bodies.values())


class TestProcessMemo:
    """The memo's bounds, exactly: a body of the limit's size is kept, one byte more is not;
    the table of ETags starts again when full."""

    @pytest.fixture
    def memo(self, monkeypatch):
        from cms.core.api import caching

        memo = caching._ProcessMemo()
        monkeypatch.setattr(memo, "max_body_bytes", 10)
        monkeypatch.setattr(memo, "max_etags", 2)
        memo.saw_version("v1")
        return memo

    def test_bodies_up_to_the_limit_are_kept(self, memo):
        memo.saw_body("a", "v1", '"a"', b"x" * 10)
        assert memo.body("a", '"a"') == b"x" * 10 and memo.body_bytes == 10
        memo.saw_body("b", "v1", '"b"', b"y" * 11)  # larger than the limit on its own: not kept
        assert memo.body("b", '"b"') is None and memo.body_bytes == 10

    def test_a_full_memo_starts_again_and_counts_from_zero(self, memo):
        memo.saw_body("a", "v1", '"a"', b"x" * 6)
        memo.saw_body("b", "v1", '"b"', b"y" * 4)  # exactly full
        assert (memo.body("a", '"a"'), memo.body_bytes) == (b"x" * 6, 10)
        memo.saw_body("c", "v1", '"c"', b"z" * 3)
        assert memo.bodies == {"c": ('"c"', b"z" * 3)} and memo.body_bytes == 3

    def test_a_body_is_given_only_for_its_own_etag_and_version(self, memo):
        memo.saw_body("a", "v1", '"a"', b"x")
        assert memo.body("a", '"other"') is None and memo.body("missing", '"a"') is None
        memo.saw_body("b", "v0", '"b"', b"old")  # built under an older version: not kept
        assert memo.body("b", '"b"') is None

    def test_the_etag_table_starts_again_when_full(self, memo):
        for key in ("a", "b", "c"):
            memo.saw_etag(key, "v1", f'"{key}"')
        assert memo.etags == {"c": '"c"'}
        memo.saw_version("v2")
        assert memo.etags == {} and memo.bodies == {}


def test_a_lost_content_version_starts_again_from_the_clock(redis_cache):
    import time

    from django.core.cache import cache

    from cms.core.api import caching

    cache.delete(caching.VERSION_KEY)
    before = time.time_ns() // 1000
    caching.bump_content_version()
    version = cache.get(caching.VERSION_KEY)
    assert isinstance(version, int) and before <= version <= time.time_ns() // 1000
    assert cache.ttl(caching.VERSION_KEY) is None  # kept until the next bump, never expiring
    caching.bump_content_version()
    assert cache.get(caching.VERSION_KEY) == version + 1


@pytest.mark.parametrize("order", ["first", "last"])
def test_if_none_match_with_several_etags_matches_any_of_them(client, demo, order):
    etag = client.get(URL)["ETag"]
    tags = [etag, '"someone-else"'] if order == "first" else ['"someone-else"', f"W/{etag}"]
    response = client.get(URL, HTTP_IF_NONE_MATCH=", ".join(tags))
    assert response.status_code == 304 and response["ETag"] == etag
    assert client.get(URL, HTTP_IF_NONE_MATCH='"someone-else"').status_code == 200
    assert client.get(URL, HTTP_IF_NONE_MATCH="*").status_code == 304


def test_a_cached_answer_varies_by_language_and_says_so(client, demo):
    first = client.get(URL)
    again = client.get(URL)
    assert again["Vary"] == first["Vary"] and "Accept-Language" in [v.strip() for v in again["Vary"].split(",")]
    assert again["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
    english = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert english["ETag"] != first["ETag"]


def test_the_first_content_version_comes_from_the_clock_and_never_expires(redis_cache):
    import time

    from django.core.cache import cache

    from cms.core.api import caching

    before = time.time_ns() // 1000
    version = caching.content_version()
    assert isinstance(version, int) and before <= version <= time.time_ns() // 1000
    assert cache.get(caching.VERSION_KEY) == version and cache.ttl(caching.VERSION_KEY) is None
    assert caching.content_version() == version  # read, not made again


def test_without_a_shared_cache_every_answer_gets_a_version_of_its_own(settings):
    from cms.core.api import caching

    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient", "IGNORE_EXCEPTIONS": True},
        }
    }
    first, second = caching.content_version(), caching.content_version()
    assert first.startswith("unshared-") and second.startswith("unshared-") and first != second


class TestAnotherWorker:
    """What a second worker process sees: the shared cache, none of this process's memo.

    ``memo.forget()`` stands for "another process"; the view raising proves that the answer
    came from the shared cache, with its headers, and only for the same address.
    """

    @pytest.fixture
    def served_once(self, client, demo, monkeypatch):
        from cms.core.api import caching

        first = client.get(URL)
        caching.memo.forget()

        def refuse(*args, **kwargs):
            raise AssertionError("the view ran: the shared cache was not used")

        monkeypatch.setattr("resources.api.views.ResourceListView.get", refuse)
        return first

    def test_a_response_cached_by_another_worker_is_served_whole(self, client, served_once):
        again = client.get(URL)
        assert again.status_code == 200 and again.content == served_once.content
        assert again["ETag"] == served_once["ETag"]
        assert again["Cache-Control"] == served_once["Cache-Control"]
        assert again["Content-Type"] == "application/json"
        assert "Accept-Language" in again["Vary"]

    def test_another_worker_answers_a_matching_etag_with_304(self, client, served_once):
        response = client.get(URL, HTTP_IF_NONE_MATCH=f"W/{served_once['ETag']}")
        assert response.status_code == 304 and response["ETag"] == served_once["ETag"]
        assert "Accept-Language" in response["Vary"]

    def test_another_workers_304_costs_one_cache_round_trip(self, client, served_once, monkeypatch):
        from cms.core.api import caching

        def refuse(*args, **kwargs):
            raise AssertionError("a second cache round trip")

        monkeypatch.setattr(caching.cache, "get", refuse)  # the version and the ETag come in one get_many
        assert client.get(URL, HTTP_IF_NONE_MATCH=served_once["ETag"]).status_code == 304

    def test_another_worker_remembers_what_it_read_from_the_shared_cache(self, client, served_once, monkeypatch):
        from cms.core.api import caching

        client.get(URL)  # read from the shared cache: now in this worker's memo

        def refuse(*args, **kwargs):
            raise AssertionError("the shared cache was read again")

        monkeypatch.setattr(caching.cache, "get_many", refuse)
        monkeypatch.setattr(caching.cache, "get", refuse)
        assert client.get(URL).content == served_once.content
        assert client.get(URL, HTTP_IF_NONE_MATCH=served_once["ETag"]).status_code == 304


def test_other_addresses_and_languages_are_not_served_an_answer_cached_for_one(client, demo, monkeypatch):
    from cms.core.api import caching
    from resources.api.views import ResourceListView

    built = []
    original = ResourceListView.get

    def counted(self, request, *args, **kwargs):
        built.append(request.get_full_path())
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ResourceListView, "get", counted)
    client.get(URL)
    for other in (URL + "&page_size=3", URL.replace("?", "?locale=en&"), URL):
        caching.memo.forget()
        client.get(other)
    assert built == [URL, URL + "&page_size=3", URL.replace("?", "?locale=en&")]  # the last from the cache


def test_an_entry_of_an_older_content_version_is_never_served(client, demo):
    from cms.core.api import caching

    client.get(URL)
    another_worker_publishes()
    caching.memo.forget()
    assert "Sexting bez mýtů (upraveno jinde)" in client.get(URL).content.decode()


def test_a_body_written_for_another_etag_is_not_served(client, demo, monkeypatch):
    from django.core.cache import cache

    from cms.core.api import caching

    written = {}
    original = caching.cache.set_many
    monkeypatch.setattr(caching.cache, "set_many", lambda entries, *a: written.update(entries) or original(entries, *a))
    first = client.get(URL)
    [body_key] = [key for key in written if key.startswith("api:v1:body:")]
    version, _etag, _content = cache.get(body_key)
    cache.set(body_key, (version, '"another"', b'{"stale": true}'))
    caching.memo.forget()
    again = client.get(URL)
    assert again.status_code == 200 and again.content == first.content  # built again, not the stale body
