"""Making packs in the background (django-tasks): WeasyPrint takes a second or more per pack."""

import logging

from django_tasks import task
from wagtail.models import Page

from .. import page_kinds
from . import storage
from .render import render_pdf

logger = logging.getLogger(__name__)


def printable(page):
    """The print template of ``page``'s kind, or "" when the kind has no pack."""
    kind = page_kinds.of_model(type(page))
    return kind.print_template if kind else ""


@task()
def build_print_pack(page_id):
    """Make the pack of the live page ``page_id`` unless its current one exists already."""
    page = Page.objects.live().public().filter(pk=page_id, alias_of__isnull=True).specific().first()
    if page is None or not printable(page) or storage.stored(page):
        return
    storage.store(page, render_pdf(page, printable(page)))
    logger.info("Print pack of page %s made", page_id)
