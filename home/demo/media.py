"""Pictures and files of the demo: an illustration on every section, toolkit, resource, news
item and event, and a PDF worksheet (or poster) in its own language on every resource.

Made at demo load (Pillow draws the pictures, WeasyPrint typesets the PDFs), so the
repository ships no binaries and the demo's files are ours to license (CC0).
"""

import functools

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.core.print_packs.render import html_to_pdf, render_html
from resources.models import ResourcePage

from .pictures import draw_logo, draw_picture

POSTER_TYPES = {"poster"}


def picture(key, topic="", audience=""):
    """The demo picture ``key``, drawn and stored once."""
    model = get_image_model()
    title = f"demo-{key}"
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = _drawn(key, topic, audience)
    return model.objects.create(
        title=title, file=ImageFile(ContentFile(data), name=_fresh(f"original_images/{title}.jpg"))
    )


def logo(slug, initials, palette):
    """The demo logo of the directory entry ``slug``, drawn and stored once."""
    model = get_image_model()
    title = f"demo-logo-{slug}"
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = draw_logo(initials, palette)
    return model.objects.create(
        title=title, file=ImageFile(ContentFile(data), name=_fresh(f"original_images/{title}.png"))
    )


# Loading the demo again in one process (the test suite loads it per module) draws and
# typesets the same files: they are made once per process.
_drawn = functools.lru_cache(maxsize=None)(draw_picture)
_typeset = functools.lru_cache(maxsize=256)(html_to_pdf)


def _fresh(path):
    """The file name of ``path``, after removing a file left there by an earlier load whose
    rows are gone (a failed or rolled-back load): the demo's files keep stable names."""
    if default_storage.exists(path):
        default_storage.delete(path)
    return path.rsplit("/", 1)[1]


def _first_slug(related):
    first = related.order_by("pk").first()
    return first.slug if first else ""


def document_for(resource):
    """A worksheet (or a poster) of ``resource`` in its language, typeset as A4 PDF."""
    template = "home/demo/poster.html" if resource.resource_type.slug in POSTER_TYPES else "home/demo/worksheet.html"
    pdf = _typeset(render_html(resource, template))
    name = _fresh(f"documents/{resource.slug}-{resource.locale.language_code}.pdf")
    return get_document_model().objects.create(title=resource.title, file=ContentFile(pdf, name=name))


def illustrate_resources(locale):
    """Give every demo resource of ``locale`` (and its translations) a picture and a file."""
    sources = ResourcePage.objects.filter(locale=locale, alias_of__isnull=True, external_id__startswith="demo-")
    for source in sources.select_related("resource_type"):
        if source.thumbnail_id:
            continue
        image = picture(source.external_id, _first_slug(source.topics), _first_slug(source.audiences))
        versions = [source, *ResourcePage.objects.filter(translation_key=source.translation_key, alias_of__isnull=True)
                    .exclude(pk=source.pk).select_related("resource_type", "locale")]  # fmt: skip
        for version in versions:
            version.thumbnail = image
            version.thumbnail_id = image.pk
            version.document = document_for(version)
            version.save_revision().publish()


def illustrate_page(page, topic="", audience=""):
    """Set the picture of ``page`` and of its translations (once)."""
    if page.image_id:
        return
    image = picture(f"{page.specific_class.__name__.lower()}-{page.slug}", topic, audience)
    for version in page.get_translations(inclusive=True).filter(alias_of__isnull=True):
        version = version.specific
        version.image = image
        version.save_revision().publish()
