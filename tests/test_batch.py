"""cms.core.batch: shared work once for a batch of changes, at once outside one."""

from cms.core.batch import after_batch, batch, once_per_batch


def test_outside_a_batch_everything_happens_at_once():
    calls = []
    assert once_per_batch("k", lambda: calls.append("computed") or len(calls)) == 1
    assert once_per_batch("k", lambda: calls.append("computed") or len(calls)) == 2
    assert after_batch("k", lambda: calls.append("after")) is False and calls == ["computed", "computed"]


def test_in_a_batch_shared_work_is_done_once_and_deferred_work_runs_once_at_the_end():
    calls = []
    with batch():
        with batch():  # nested: the outer one finishes
            first = once_per_batch("subscriptions", lambda: calls.append("looked up") or ["a"])
            assert after_batch("bump", lambda: calls.append("bumped")) is True
        second = once_per_batch("subscriptions", lambda: calls.append("looked up") or ["b"])
        assert after_batch("bump", lambda: calls.append("bumped again")) is True
        assert calls == ["looked up"]
    assert first == second == ["a"] and calls == ["looked up", "bumped"]
    assert once_per_batch("subscriptions", lambda: ["fresh"]) == ["fresh"]  # the memo ends with the batch


def test_deferred_work_runs_even_when_the_batch_fails():
    calls = []
    try:
        with batch():
            after_batch("bump", lambda: calls.append("bumped"))
            raise RuntimeError
    except RuntimeError:
        pass
    assert calls == ["bumped"]
