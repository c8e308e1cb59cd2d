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
