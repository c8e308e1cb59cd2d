"""``/print/<page id>.pdf``: the page's pack, or a short wait while the worker makes it."""

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from wagtail.models import Page

from . import storage
from .tasks import build_print_pack, printable

RETRY_SECONDS = 5
QUEUED_SECONDS = 120  # after this a pack still missing (a worker that failed) is queued again


def print_pack(request, page_id):
    page = Page.objects.live().public().filter(pk=page_id, alias_of__isnull=True).specific().first()
    if page is None or not printable(page):
        raise Http404
    name = storage.stored(page)
    # One task per pack and revision however many people ask while it is being made.
    if name is None and cache.add(f"print-pack-queued:{storage.pack_name(page)}", True, QUEUED_SECONDS):
        build_print_pack.enqueue(page.pk)
        name = storage.stored(page)  # made already when tasks run in the request (tests, small set-ups)
    if name is None:
        response = render(request, "print_packs/preparing.html", {"page": page}, status=202)
        response["Retry-After"] = str(RETRY_SECONDS)
        patch_cache_control(response, no_store=True)
        return response
    response = FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=True,
        filename=f"{page.slug}.pdf",
        content_type="application/pdf",
    )
    response["ETag"] = f'"{page.live_revision_id}-{page.locale.language_code}"'
    patch_cache_control(response, public=True, max_age=300)
    return response
