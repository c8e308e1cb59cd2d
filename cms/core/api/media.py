"""Images and documents as the API gives them: renditions and download links."""

IMAGE_WIDTHS = (320, 640, 1280)
IMAGE_FORMATS = ("webp", "jpeg")


def _absolute(url, request):
    return request.build_absolute_uri(url) if request else url


def image_representation(image, request=None, alt=None):
    """Several widths in WebP and JPEG, with the alt text; None for no image."""
    if image is None:
        return None
    specs = [f"width-{width}|format-{fmt}" for width in IMAGE_WIDTHS for fmt in IMAGE_FORMATS]
    renditions = image.get_renditions(*specs)
    return {
        "id": image.pk,
        "alt": alt if alt is not None else (getattr(image, "default_alt_text", "") or image.title),
        "width": image.width,
        "height": image.height,
        "renditions": [
            {"format": spec.split("format-")[1], "width": rendition.width, "height": rendition.height,
             "url": _absolute(rendition.url, request)}
            for spec, rendition in renditions.items()
        ],
    }  # fmt: skip


def document_representation(document, request=None):
    """A download link with the file's size and type; None for no document."""
    if document is None:
        return None
    try:
        size = document.get_file_size()
    except OSError:
        size = None
    return {
        "id": document.pk,
        "title": document.title,
        "url": _absolute(document.url, request),
        "size": size,
        "type": document.file_extension.lower(),
    }
