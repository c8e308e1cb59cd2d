"""Requests at the same time against a live server on PostgreSQL: real connections, real
transactions, the real unique constraint. Only the order is arranged (a barrier), never
an error."""

import json
import threading
import time
import urllib.error
import urllib.request

import pytest
from django.db import connection

from cms.core import submission
from reports.models import HotlineReport, IntakeReceipt

pytestmark = pytest.mark.django_db(transaction=True)

REPORT = {"urls": ["https://bad.example/a.jpg"], "category": "csam", "source_type": "webpage"}


@pytest.fixture(autouse=True)
def postgresql(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database with real concurrent connections (PostgreSQL)")
    settings.HOTLINE_RATE_LIMIT = settings.HOTLINE_ATTEMPT_RATE_LIMIT = "1000/hour"


def send(url, body=None, **headers):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json", "Accept-Language": "en", **headers}
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 - the live server
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"null")


def at_once(count, request):
    """``request(index)`` from ``count`` threads released together; the answers in order."""
    answers, barrier = [None] * count, threading.Barrier(count)

    def run(index):
        barrier.wait()
        answers[index] = request(index)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def test_two_retries_racing_past_the_first_look_up_file_one_report(live_server, monkeypatch):
    """Both requests find no receipt, both store; the constraint refuses the second, which
    must then answer with the first's receipt (not a 500, not a second report)."""
    both_looked, lock, first_look_ups = threading.Barrier(2, timeout=20), threading.Lock(), []
    real_look_up = submission._earlier

    def look_up_then_wait(*arguments):
        found = real_look_up(*arguments)
        with lock:
            waits = len(first_look_ups) < 2
            first_look_ups.append(found)
        if waits:
            both_looked.wait()
        return found

    monkeypatch.setattr(submission, "_earlier", look_up_then_wait)
    url = f"{live_server.url}/api/v1/reports/hotline/"
    answers = at_once(2, lambda _index: send(url, REPORT, **{"Idempotency-Key": "race-1"}))

    assert first_look_ups[:2] == [None, None]  # the race really happened
    assert [status for status, _headers, _body in answers] == [201, 201]
    assert answers[0][2] == answers[1][2]  # the same reference and status token
    assert sorted(headers.get("Idempotent-Replayed", "") for _status, headers, _body in answers) == ["", "true"]
    assert HotlineReport.objects.count() == IntakeReceipt.objects.count() == 1


def test_eight_retries_at_once_file_one_report(live_server):
    url = f"{live_server.url}/api/v1/reports/hotline/"
    answers = at_once(8, lambda _index: send(url, REPORT, **{"Idempotency-Key": "burst-1"}))
    assert {status for status, _headers, _body in answers} == {201}
    assert len({body["reference"] for _status, _headers, body in answers}) == 1
    assert HotlineReport.objects.count() == 1


def test_the_same_new_address_reported_twice_at_once_is_one_record(live_server):
    url = f"{live_server.url}/api/v1/reports/hotline/"
    answers = at_once(6, lambda _index: send(url, REPORT))
    assert [status for status, _headers, _body in answers] == [201] * 6
    assert HotlineReport.objects.count() == 6
    (record,) = HotlineReport.objects.first().urls.all()
    assert record.reports.count() == 6


def test_a_burst_from_one_client_gets_exactly_the_limit(live_server, settings):
    settings.HOTLINE_STATUS_RATE_LIMIT = "5/hour"
    left = 3600 - time.time() % 3600
    if left < 20:  # the real clock: do not straddle the hour's end
        time.sleep(left + 1)
    url = f"{live_server.url}/api/v1/reports/hotline/status/?reference=HL-2026-000001&token=wrong"
    statuses = sorted(status for status, _headers, _body in at_once(20, lambda _index: send(url)))
    assert statuses == [404] * 5 + [429] * 15
