"""Fixed-window counters shared by every worker: rate limits and partners' daily usage.

The counters live in Redis when ``REDIS_URL`` is set (``INCRBY`` and ``EXPIRE`` in one
pipeline), in the database otherwise (one atomic upsert per count, table
``sic_rate_counter``). While Redis does not answer, the counters are kept in the database
too: limits hold through a Redis outage (docs/security.md). A window allows ``limit``
requests; its counter expires with it, and a refused client learns from ``Retry-After``
when the next window opens.

A round trip per request would cost more than a cached answer itself, so each worker
process leases a share of a client's window at a time (a twentieth of the limit, at
least one request) and serves that many without asking again. The lease is counted in
the shared counter when it is taken, so a client never gets more than the limit; it may
be refused up to (workers × lease) requests early. Limits under 20 lease one request at
a time: exact. A partner's usage is counted exactly, one increment per request (in the
same round trip as a lease when one is taken).
"""

import datetime
import hashlib
import hmac
import logging
import random
import threading
import time

from django.conf import settings
from django.db import connection
from django.utils import timezone
from redis.exceptions import RedisError
from rest_framework.throttling import BaseThrottle

from .models import RateCounter

logger = logging.getLogger(__name__)

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}  # by the period's first letter, as DRF reads rates
USAGE_TTL = 3 * 86400  # counters outlive the day they count until they are flushed to the database
LEASE_SHARE = 20
MAX_LEASES = 10_000  # per process; beyond it the leases are dropped (and taken again)
HOUSEKEEPING_SHARE = 0.01  # of database counts that also delete the expired counters

_lock = threading.Lock()
_leases = {}  # (key, window start) → requests this process may still serve


def clock():
    return time.time()


def parse_rate(rate):
    """``"120/minute"`` → ``(120, 60)``."""
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period.strip().lower()[0]]


def client_digest(request):
    """The client as a keyed hash of its address (behind ``TRUSTED_PROXIES``, the forwarded one)."""
    return address_digest(BaseThrottle().get_ident(request) or "")  # a server that passes no REMOTE_ADDR


def address_digest(address):
    """A keyed hash of a client address: what limits count, never the address itself."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def _redis():
    if not settings.REDIS_URL:
        return None
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def _name(key):
    return f"{settings.CACHE_KEY_PREFIX}:counter:{key}"


def hit(key, rate, usage_key=None):
    """Count one request against ``rate`` under ``key`` (and one under ``usage_key``).

    Returns ``(allowed, retry_after_seconds)``.
    """
    limit, period = parse_rate(rate)
    now = clock()
    window = int(now // period) * period
    retry_after = max(1, int(window + period - now + 0.999))
    lease = (key, window)
    with _lock:
        leased = _leases.get(lease, 0) > 0
        if leased:
            _leases[lease] -= 1
    if leased:
        if usage_key:
            count(usage_key)
        return True, retry_after
    size = max(1, limit // LEASE_SHARE)
    counted = _add((f"{key}:{window}", size, period + 1), {usage_key: 1} if usage_key else {})
    granted = min(size, limit - (counted - size))
    if granted <= 0:
        return False, retry_after
    with _lock:
        if len(_leases) >= MAX_LEASES:
            _leases.clear()
        _leases[lease] = granted - 1
    return True, retry_after


def count(usage_key):
    """Count one request under ``usage_key`` without a limit."""
    _add(None, {usage_key: 1})


def _add(counter, usage):
    """Add to ``counter`` (``(key, amount, timeout)``, or None) and ``usage`` (``{key:
    amount}``, kept ``USAGE_TTL``) in one round trip (Redis); the counter's new value."""
    redis = _redis()
    if redis is not None:
        try:
            return _redis_add(redis, counter, usage)
        except RedisError:
            logger.warning("Redis is not answering: rate limits are counted in the database meanwhile.")
    for usage_key, value in usage.items():
        _database_add(usage_key, value, USAGE_TTL)
    return _database_add(*counter) if counter else 0


def _redis_add(redis, counter, usage):
    pipeline = redis.pipeline(transaction=False)
    if counter:
        key, amount, timeout = counter
        pipeline.incrby(_name(key), amount)
        pipeline.expire(_name(key), timeout)
    for usage_key, value in usage.items():
        pipeline.incrby(_name(usage_key), value)
        pipeline.expire(_name(usage_key), USAGE_TTL)
    results = pipeline.execute()
    return results[0] if counter else 0


UPSERT = (
    'INSERT INTO sic_rate_counter ("key", "value", "expires_at") VALUES (%s, %s, %s) '
    'ON CONFLICT ("key") DO UPDATE SET "value" = sic_rate_counter."value" + excluded."value" '
    'RETURNING "value"'
)


def _database_add(key, amount, timeout):
    """One atomic statement on SQLite (3.35+) and PostgreSQL alike: concurrent workers
    never lose a count."""
    now = timezone.now()
    if random.random() < HOUSEKEEPING_SHARE:  # noqa: S311 - housekeeping, not security
        RateCounter.objects.filter(expires_at__lt=now).delete()
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [_name(key), amount, now + datetime.timedelta(seconds=timeout)])
        return cursor.fetchone()[0]


def read(keys):
    """Current values of counters (0 for missing ones), in the order of ``keys``."""
    if not keys:
        return []
    redis = _redis()
    if redis is not None:
        try:
            return [int(value or 0) for value in redis.mget([_name(key) for key in keys])]
        except RedisError:
            logger.warning("Redis is not answering: counters are read from the database meanwhile.")
    names = [_name(key) for key in keys]
    found = dict(RateCounter.objects.filter(key__in=names).values_list("key", "value"))
    return [int(found.get(name) or 0) for name in names]


def forget_leases():
    """Drop this process's leases (tests; a changed limit)."""
    with _lock:
        _leases.clear()
