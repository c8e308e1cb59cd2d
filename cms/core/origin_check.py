"""Cross-site request protection without a cookie, for the public forms of the helpline and
the hotline, where an anonymous visitor must get no cookie at all.

A browser says where a request comes from: ``Sec-Fetch-Site`` (every current browser) and
``Origin`` (on every POST). A POST is refused when either says it comes from another site.
A request with neither header is not a browser's, so no visitor's browser can be made to
send it: it is let through, as Django's own check would let through a client that copies a
token (the same rule as Go's ``net/http.CrossOriginProtection``). These forms hold no
session to ride on; the check stops other sites from filing in a visitor's name.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.views.decorators.csrf import csrf_exempt

from .error_views import csrf_failure

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
SAME = ("same-origin", "none")  # "none": typed or bookmarked by the visitor


def _own_origin(request):
    return f"{request.scheme}://{request.get_host()}"


def _trusted(origin, request):
    return origin == _own_origin(request) or origin in settings.CSRF_TRUSTED_ORIGINS


def cross_site(request):
    """True when the browser says this request comes from another site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in SAME:
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    parts = urlsplit(origin)  # "null" (a sandboxed or privacy-sensitive context) has no scheme
    return not parts.scheme or not _trusted(f"{parts.scheme}://{parts.netloc}", request)


def same_origin_posts(view):
    """Protect ``view``'s POSTs by origin instead of Django's CSRF cookie (403, the CSRF failure page)."""

    @csrf_exempt
    @wraps(view)
    def check(request, *args, **kwargs):
        if request.method not in SAFE_METHODS and cross_site(request):
            return csrf_failure(request, "cross-site request")
        return view(request, *args, **kwargs)

    return check
