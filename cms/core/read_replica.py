"""Read-only API traffic from a read replica (docs/deployment.md).

When ``DATABASE_REPLICA_URL`` is set, the ``replica`` connection points at a streaming
replica of the primary, and ``API_READ_DATABASE`` names it. Requests that cannot change
anything (GET, HEAD and OPTIONS under ``/api/``) then read from it; everything else, every
write and the admin read from the primary, so an editor always sees what was just saved.

Left on the primary even in an API read:
- the database cache (the shared content version and the cached answers must be the
  primary's, or a lagging replica would bring back answers a publish had invalidated);
- sessions (a preview token or a signed-in editor's session written a moment ago).

A replica lags the primary by a little: a publish reaches the API after that lag plus the
per-worker memo (``API_VERSION_MEMO_SECONDS``).
"""

from contextvars import ContextVar

from django.conf import settings

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
PRIMARY_ONLY_APPS = {"django_cache", "sessions"}

_api_read = ContextVar("api_read", default=False)


def replica_alias():
    return getattr(settings, "API_READ_DATABASE", "") or None


class ReadReplicaMiddleware:
    """Marks a read-only API request, for the router."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (replica_alias() and request.method in SAFE_METHODS and request.path.startswith("/api/")):
            return self.get_response(request)
        token = _api_read.set(True)
        try:
            return self.get_response(request)
        finally:
            _api_read.reset(token)


class ReadReplicaRouter:
    """Reads of a read-only API request go to the replica; nothing else is routed."""

    def db_for_read(self, model, **hints):
        alias = replica_alias()
        if alias and _api_read.get() and model._meta.app_label not in PRIMARY_ONLY_APPS:
            return alias
        return None

    def db_for_write(self, model, **hints):
        return None  # the primary, always

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data, whichever connection read it

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if db == "replica":
            return False  # a replica gets its schema from the primary
        return None
