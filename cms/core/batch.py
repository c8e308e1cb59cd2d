"""Many changes made as one, such as a batch of pages published by an import: what reacts
to each change may do its shared work once for the whole batch.

- ``once_per_batch(key, compute)``: ``compute()`` once a batch (outside a batch, every call),
  e.g. the webhook subscriptions looked up for every published page;
- ``after_batch(key, func)``: ``func()`` once when the batch ends (True), or False outside a
  batch, where the caller does its work at once; e.g. the API cache invalidated once.
"""

import threading
from contextlib import contextmanager

_state = threading.local()


@contextmanager
def batch():
    if getattr(_state, "current", None) is not None:
        yield  # nested: the outer batch finishes the work
        return
    _state.current = current = {"memo": {}, "after": {}}
    try:
        yield
    finally:
        _state.current = None
        for func in current["after"].values():
            func()


def once_per_batch(key, compute):
    current = getattr(_state, "current", None)
    if current is None:
        return compute()
    if key not in current["memo"]:
        current["memo"][key] = compute()
    return current["memo"][key]


def after_batch(key, func):
    current = getattr(_state, "current", None)
    if current is None:
        return False
    current["after"].setdefault(key, func)
    return True
