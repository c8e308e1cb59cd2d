"""Case data is for the groups that need it: anyone else gets a plain 403 (Wagtail would
turn a PermissionDenied into a redirect to the dashboard, which hides the refusal)."""

from functools import wraps

from django.shortcuts import render
from django.utils.translation import gettext as _


def require_permission(permission):
    def decorator(view):
        @wraps(view)
        def check(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                message = _("Your account has no access to this part of the administration.")
                return render(request, "core/forbidden.html", {"message": message}, status=403)
            return view(request, *args, **kwargs)

        return check

    return decorator


# The browser loads nothing from anywhere else on case pages, whatever a value contains.
NO_EXTERNAL_LOADS = "img-src 'self' data:; media-src 'none'; frame-src 'none'; connect-src 'self'"


def case_workspace(permission):
    """A page of a case workspace: ``permission`` required, nothing loaded from elsewhere, no
    referrer to other sites, never stored by a browser or a proxy."""

    def decorator(view):
        @wraps(view)
        @require_permission(permission)
        def page(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response["Content-Security-Policy"] = NO_EXTERNAL_LOADS
            response["Referrer-Policy"] = "same-origin"
            response["Cache-Control"] = "no-store"
            return response

        return page

    return decorator
