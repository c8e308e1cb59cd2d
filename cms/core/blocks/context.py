"""What blocks need from the rendering context for their API representation."""


def request_of(context):
    return (context or {}).get("request")


def page_url(page, context):
    if page is None:
        return None
    page = page.localized.specific
    return page.get_full_url(request_of(context)) if page.live else None
