"""Fixed-window counters shared by every worker: rate limits and partners' daily usage.

In Redis when ``REDIS_URL`` is set (an ``INCR`` and an ``EXPIRE`` in one pipeline: one
round trip per request), in Django's cache otherwise. A window allows ``limit`` requests
and its counter expires with it; a client learns from ``Retry-After`` when the next
window opens.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

PERIODS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "h": 3600,
    "hour": 3600,
    "d": 86400,
    "day": 86400,
}
USAGE_TTL = 3 * 86400  # counters outlive the day they count until they are flushed to the database


def clock():
    return time.time()


def parse_rate(rate):
    """``"120/minute"`` → ``(120, 60)``."""
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period.strip().lower()]


def client_digest(request):
    """The client as a keyed hash of its address (behind ``TRUSTED_PROXIES``, the forwarded one)."""
    address = BaseThrottle().get_ident(request)
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
    counter = f"{key}:{window}"
    redis = _redis()
    if redis is not None:
        pipeline = redis.pipeline(transaction=False)
        pipeline.incr(_name(counter))
        pipeline.expire(_name(counter), period + 1)
        if usage_key:
            pipeline.incr(_name(usage_key))
            pipeline.expire(_name(usage_key), USAGE_TTL)
        count = pipeline.execute()[0]
    else:
        count = _cache_incr(counter, period + 1)
        if usage_key:
            _cache_incr(usage_key, USAGE_TTL)
    retry_after = max(1, int(window + period - now + 0.999))
    return count <= limit, retry_after


def count(usage_key):
    """Count one request under ``usage_key`` without a limit."""
    redis = _redis()
    if redis is not None:
        redis.pipeline(transaction=False).incr(_name(usage_key)).expire(_name(usage_key), USAGE_TTL).execute()
    else:
        _cache_incr(usage_key, USAGE_TTL)


def _cache_incr(key, timeout):
    name = _name(key)
    cache.add(name, 0, timeout)
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout)
        return 1


def read(keys):
    """Current values of counters (0 for missing ones), in the order of ``keys``."""
    redis = _redis()
    if redis is not None:
        values = redis.mget([_name(key) for key in keys]) if keys else []
        return [int(value or 0) for value in values]
    found = cache.get_many([_name(key) for key in keys])
    return [int(found.get(_name(key)) or 0) for key in keys]
