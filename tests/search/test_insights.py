"""Search insights: counts of what people search for, without personal data, and the
editors' report (HTML and CSV)."""

import datetime

import pytest
from django.db import DatabaseError
from django.utils import timezone

from search import insights
from search.models import SearchQueryCount

from .test_api import search


def counted(query, **extra):
    return sum(SearchQueryCount.objects.filter(query=query, **extra).values_list("count", flat=True))


def test_every_answered_search_is_counted_cached_answers_too(client, demo):
    for _ in range(3):
        search(client, "/api/v1/search/", q="Hesla ")  # the second and third come from the cache
    search(client, q="hesla", topic="security")
    client.get("/cs/search/", {"q": "HESLA"})
    rows = SearchQueryCount.objects.filter(query="hesla")
    assert counted("hesla", filters="") == 4 and counted("hesla", filters="topic=security") == 1
    assert set(rows.values_list("language", "found")) == {("cs", True)}
    assert [field.name for field in SearchQueryCount._meta.get_fields()] == [
        "id",
        "day",
        "language",
        "query",
        "filters",
        "found",
        "count",
    ]  # fmt: skip  (no address, session, user or user agent: nothing to leak)


def test_a_search_that_finds_nothing_is_counted_as_such(client, demo):
    search(client, "/api/v1/search/", q="xqzwv", locale="en")
    assert SearchQueryCount.objects.get(query="xqzwv").found is False
    assert SearchQueryCount.objects.get(query="xqzwv").language == "en"


def test_bad_searches_and_conditional_repeats_are_not_counted(client, demo):
    assert client.get("/api/v1/search/", {"q": ""}).status_code == 400
    first = client.get("/api/v1/search/", {"q": "heslo"})
    again = client.get("/api/v1/search/", {"q": "heslo"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and counted("heslo") == 1


def test_a_database_error_while_counting_never_fails_the_search(client, demo, monkeypatch, caplog):
    def broken(key):
        raise DatabaseError("disk full")

    monkeypatch.setattr(insights, "_add_one", broken)
    assert client.get("/api/v1/search/", {"q": "heslo"}).status_code == 200
    assert "could not be counted" in caplog.text and "heslo" not in caplog.text


def test_counts_older_than_the_retention_period_are_deleted(db, settings):
    settings.SEARCH_INSIGHTS_RETENTION_DAYS = 30
    today = timezone.localdate()
    for age in (0, 30, 31):
        SearchQueryCount.objects.create(
            day=today - datetime.timedelta(days=age), language="cs", query=f"q{age}", found=True, count=1
        )
    assert insights.prune(today) == 1
    assert sorted(SearchQueryCount.objects.values_list("query", flat=True)) == ["q0", "q30"]


def report(client, **params):
    response = client.get("/admin/search-insights/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_report_shows_top_searches_and_those_that_found_nothing_from_three_searches_up(editor_client, demo):
    today = timezone.localdate()
    rows = [("sikana", True, 9), ("kyberhrozby", False, 4), ("jan.novak@example.cz", False, 2), ("hoax", True, 2)]
    for query, found, count in rows:
        SearchQueryCount.objects.create(day=today, language="cs", query=query, found=found, count=count)
    SearchQueryCount.objects.create(day=today, language="en", query="grooming", found=True, count=5)
    page = report(editor_client)
    assert "sikana" in page and "kyberhrozby" in page
    assert "jan.novak@example.cz" not in page and ">hoax<" not in page  # fewer than 3 searches
    assert "grooming" not in page  # another language
    assert "grooming" in report(editor_client, language="en")
    export = editor_client.get("/admin/search-insights/export.csv", {"language": "cs", "days": 7})
    assert export["Content-Type"].startswith("text/csv")
    lines = export.content.decode().splitlines()
    assert lines[0] == "language,query,searches,without results"
    assert lines[1:] == ["cs,sikana,9,0", "cs,kyberhrozby,4,4"]


def test_the_report_and_its_csv_narrow_to_searches_with_given_filters_or_none(editor_client, demo):
    today = timezone.localdate()
    rows = [("hesla", "", 6), ("hesla", "topic=security", 3), ("deepfake", "type=video", 4), ("hoax", "age=9", 2)]
    for query, filters, count in rows:
        SearchQueryCount.objects.create(day=today, language="cs", query=query, filters=filters, found=True, count=count)
    page = report(editor_client)
    assert '<option value="type=video">type=video (4)</option>' in page
    assert "age=9" not in page  # a combination used fewer than 3 times is not offered
    top = report(editor_client, filters="type=video").split("Top searches")[1]
    assert '<th scope="row">deepfake</th>' in top and "hesla" not in top
    without = report(editor_client, filters="none").split("Top searches")[1]
    assert '<th scope="row">hesla</th><td>6</td>' in without and "deepfake" not in without
    assert '<th scope="row">hesla</th><td>9</td>' in report(editor_client).split("Top searches")[1]
    export = editor_client.get("/admin/search-insights/export.csv", {"language": "cs", "filters": "topic=security"})
    assert export.content.decode().splitlines()[1:] == ["cs,hesla,3,0"]


def test_the_report_is_in_czech_for_a_czech_editor_and_closed_to_others(client, demo):
    from tests.factories import UserFactory

    editor = UserFactory(username="cesky-editor", groups=["Editors"])
    client.force_login(editor)
    assert "Často hledané, nic nenalezeno" in report(client)
    nobody = UserFactory(username="bez-skupiny")
    client.force_login(nobody)
    assert client.get("/admin/search-insights/").status_code in (302, 403)


@pytest.mark.parametrize("days", ["abc", "365"])
def test_an_unknown_period_falls_back_to_thirty_days(editor_client, demo, days):
    assert '<option value="30" selected>Last 30 days</option>' in report(editor_client, days=days)


def test_searches_on_the_demo_site_show_in_the_report(client, editor_client, demo):
    for query in ("šikana", "Šikana", "sikana", "sikana"):
        assert client.get("/cs/search/", {"q": query}).status_code == 200
    page = report(editor_client)
    top = page.split("Top searches")[1]
    assert '<th scope="row">sikana</th><td>4</td>' in top  # one query however it was typed
