"""HTTP caching of public API responses: strong ETags, 304s, and a shared response cache.

Every public GET is cached under a key made of the path, the query string and the
language asked for, together with the content version it was built under. That version
is a counter in the shared cache (Redis when ``REDIS_URL`` is set, else the database
cache every worker reads) that publishing, unpublishing or deleting a page, or editing
the taxonomy, increments: every cached response and every ETag changes at once, in
every worker.

A request whose ``If-None-Match`` matches the cached ETag gets a 304 without the
payload being built or serialised again.

Each process also remembers the content version it last read for
``API_VERSION_MEMO_SECONDS`` (1 s by default) and the ETags and bodies it has seen under
that version (bodies up to ``max_body_bytes`` in all), so a repeated request is answered
without a cache round trip. A
change made by another worker therefore shows up here at most that long after it was
made, a small addition to the ``max-age=60`` every client may already serve; a change
made by this process is seen at once.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

from ..batch import after_batch
from .errors import InvalidParameter
from .locale import requested_language
from .parameters import refuse_unknown_parameters

VERSION_KEY = "api:v1:content-version"
CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300"
RESPONSE_TTL = 60 * 60


class _ProcessMemo:
    """The content version this process last read, and the ETags and bodies it knows under it."""

    max_etags = 10_000
    max_body_bytes = 32 * 1024 * 1024

    def __init__(self):
        self.forget()

    def forget(self):
        self.version = None
        self.read_at = 0.0
        self.etags = {}
        self.bodies = {}
        self.body_bytes = 0
        self.values = {}

    def fresh(self):
        window = getattr(settings, "API_VERSION_MEMO_SECONDS", 1.0)
        return self.version is not None and time.monotonic() - self.read_at < window

    def saw_version(self, version):
        if version != self.version:
            self.etags, self.bodies, self.body_bytes, self.values = {}, {}, 0, {}
            self.version = version
        self.read_at = time.monotonic()

    def value(self, name, compute):
        """``compute()``, remembered while the content version stays the one this process
        last read (what content a change invalidates, such as the vocabularies)."""
        if self.version is None:
            return compute()
        if name not in self.values:
            self.values[name] = compute()
        return self.values[name]

    def saw_body(self, key, version, etag, content):
        if version != self.version or len(content) > self.max_body_bytes:
            return
        if self.body_bytes + len(content) > self.max_body_bytes:
            self.bodies, self.body_bytes = {}, 0  # as with ETags: start again rather than track age
        self.bodies[key] = (etag, content)
        self.body_bytes += len(content)

    def body(self, key, etag):
        found = self.bodies.get(key)
        return found[1] if found and found[0] == etag else None

    def saw_etag(self, key, version, etag):
        if version != self.version:
            return
        if len(self.etags) >= self.max_etags:
            self.etags = {}  # rare; cheaper and safer than an LRU shared between threads
        self.etags[key] = etag


memo = _ProcessMemo()


def content_version():
    """The shared content version. It starts from the clock, so a cache that lost it (a
    Redis restart) never starts again at a number some process still remembers; while the
    cache does not answer, every call gets a version of its own and nothing is reused."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY)
    return version if version is not None else f"unshared-{time.monotonic_ns()}"


def bump_content_version(**kwargs):
    """Invalidate every cached API response and ETag (signal receiver); in a batch of
    changes (``cms.core.batch``), once when it ends."""
    if after_batch("api:content-version", bump_content_version):
        return
    memo.forget()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def _request_key(request, language):
    # Scheme and host belong to the key: answers carry absolute links built from them, and
    # one client's Host header must never reach another client's answer.
    raw = f"{request.scheme}://{request.get_host()}{request.path}?{request.META.get('QUERY_STRING', '')}|{language}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _etag_key(key):
    return f"api:v1:etag:{key}"


def _body_key(key):
    return f"api:v1:body:{key}"


def _finish(response, etag):
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ("Accept-Language",))
    return response


def _opaque(tag):
    return tag.strip().removeprefix("W/")


def _not_modified(request, etag):
    """RFC 9110 §13.1.2: If-None-Match uses the weak comparison, and ``*`` matches any."""
    sent = request.headers.get("If-None-Match", "")
    if sent.strip() == "*":
        return True
    return _opaque(etag) in {_opaque(tag) for tag in sent.split(",")}


def cached_response(request):
    """The cached answer to ``request`` (a 200 or a 304), or None on a miss.

    The content version and the ETag come in one cache round trip, so a 304 costs one
    read, or none while this process's memo of the version is fresh; a 200 from the cache
    costs a second read for the body. Entries written under an older content version are
    ignored.
    """
    if request.method != "GET":
        return None
    key = _request_key(request, requested_language(request))
    if memo.fresh():
        etag = memo.etags.get(key)
        if etag is not None and _not_modified(request, etag):
            return _finish(HttpResponseNotModified(), etag)
        content = memo.body(key, etag) if etag is not None else None
        if content is not None:
            return _finish(HttpResponse(content, content_type="application/json"), etag)
    found = cache.get_many([VERSION_KEY, _etag_key(key)])
    version = found.get(VERSION_KEY) or content_version()
    memo.saw_version(version)
    entry = found.get(_etag_key(key))
    if entry is None or entry[0] != version:
        return None
    etag = entry[1]
    memo.saw_etag(key, version, etag)
    if _not_modified(request, etag):
        return _finish(HttpResponseNotModified(), etag)
    body = cache.get(_body_key(key))
    if body is None or body[:2] != (version, etag):
        return None
    memo.saw_body(key, version, etag, body[2])
    return _finish(HttpResponse(body[2], content_type="application/json"), etag)


class CachedGetMixin:
    """Answers a GET from the shared cache before DRF does any work.

    Only a miss goes through DRF, and ``cached_get`` stores its answer.
    """

    def dispatch(self, request, *args, **kwargs):
        try:
            response = cached_response(request)
        except InvalidParameter:
            response = None  # let DRF answer the bad locale with the error envelope
        if response is not None:
            return response
        return super().dispatch(request, *args, **kwargs)


def cached_get(view_method):
    """Wrap a DRF ``get``: cache 200s under the shared version, answer 304 when the ETag matches."""

    @wraps(view_method)
    def get(self, request, *args, **kwargs):
        key = _request_key(request, requested_language(request))  # 400 on an unknown locale
        refuse_unknown_parameters(self, request)
        # Read the version before building: if content changes meanwhile, the entry is stale.
        version = content_version()
        response = view_method(self, request, *args, **kwargs)
        if response.status_code != 200:
            return response
        # A degraded answer (e.g. a search the fallback engine gave) is sent, not kept.
        store = not getattr(self, "degraded", False)
        response = self.finalize_response(request, response, *args, **kwargs)
        response.render()
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:40] + '"'
        if store:
            cache.set_many(
                {_etag_key(key): (version, etag), _body_key(key): (version, etag, response.content)}, RESPONSE_TTL
            )
            memo.saw_etag(key, version, etag)
            memo.saw_body(key, version, etag, response.content)
        if _not_modified(request, etag):
            return _finish(HttpResponseNotModified(), etag)
        return _finish(HttpResponse(response.content, content_type="application/json"), etag)

    return get
