"""Redis for tests, without clashes: every use gets a key prefix of its own.

Two suites may run at once on one machine (SQLite and PostgreSQL, or a developer's run
beside CI) against the same Redis. A fixed database number with FLUSHDB would empty the
other suite's keys mid-test, so nothing here flushes: each test's keys carry a fresh
prefix and are deleted by that prefix afterwards. ``TEST_REDIS_URL`` names the server.
"""

import os
import uuid
from dataclasses import dataclass
from functools import cached_property

import pytest
import redis

DEFAULT_URL = "redis://127.0.0.1:6379/13"


@dataclass
class RedisKeys:
    url: str
    prefix: str

    @classmethod
    def new(cls):
        keys = cls(os.environ.get("TEST_REDIS_URL", DEFAULT_URL), f"sic-test-{uuid.uuid4().hex[:12]}")
        try:
            keys.connection.ping()
        except redis.ConnectionError:
            pytest.fail(f"Redis must answer at {keys.url} (.ci/run starts it)")
        return keys

    @cached_property
    def connection(self):
        return redis.Redis.from_url(self.url)

    def cache_settings(self, **options):
        """``CACHES`` for django-redis under this prefix."""
        return {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": self.url,
                "KEY_PREFIX": self.prefix,
                "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient", **options},
            }
        }

    def names(self):
        return sorted(key.decode() for key in self.connection.scan_iter(match=f"{self.prefix}:*"))

    def matching(self, fragment):
        """``{key: value}`` of this prefix's keys that contain ``fragment``."""
        return {name: self.connection.get(name) for name in self.names() if fragment in name}

    def counters(self, fragment):
        return {name: int(value) for name, value in self.matching(fragment).items()}

    def delete_all(self):
        names = self.names()
        if names:
            self.connection.delete(*names)
