"""Content-Security-Policy and Permissions-Policy on every page.

The public site runs no inline script and loads nothing from elsewhere, so its policy is
strict. Wagtail's admin needs inline styles and scripts of its own, images from data: and
blob: addresses, and frames its own previews; it gets those and nothing more (still no
other origin). Embeds and the hotline workspace set stricter policies of their own, which
are kept.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_ADDITIONS = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["data:", "blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
    "worker-src": [SELF, "blob:"],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)


# The admin and the API's own documentation viewers (Swagger UI and Redoc start with an
# inline script) get the additions; nothing else does.
RELAXED_PATHS = ("/admin/", "/api/v1/docs/", "/api/v1/redoc/")


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(RELAXED_PATHS):
            update = dict(parts.update or {})
            for directive, sources in ADMIN_ADDITIONS.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts = PolicyParts(parts.config, update, parts.replace, parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    """No page of the centre uses the camera, microphone, location or other device features."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class AdminFramingMiddleware:
    """X-Frame-Options is DENY everywhere (settings), except that the admin frames its own
    previews (SAMEORIGIN) and embeds are made to be framed (their CSP frame-ancestors says
    by whom). Placed below Django's XFrameOptionsMiddleware, it answers first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
