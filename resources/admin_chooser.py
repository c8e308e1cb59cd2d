"""The page chooser opens at the resource library when it is asked for a resource.

Wagtail's chooser opens at the highest common ancestor of the pages of the wanted type;
with a library per language that is the root of the whole tree, three clicks from any
resource. Asked for resources (the toolkit's resource lists) with no starting page, it
opens at the library of the default language instead (each resource is shown in the
toolkit's language when the toolkit is rendered).
"""

from django.conf import settings
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView

from .models import ResourceIndexPage

RESOURCE_PAGE_TYPE = "resources.resourcepage"

browse = BrowseView.as_view()


@require_admin_access
def choose_page(request):
    """Wagtail's ``choose-page/`` view (with the admin's access check, as Wagtail wraps its
    own), started at the library for resources."""
    wanted = request.GET.get("page_type", "").lower()
    if wanted == RESOURCE_PAGE_TYPE:
        library = ResourceIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).only("pk").first()
        if library is not None:
            return browse(request, parent_page_id=library.pk)
    return browse(request)
