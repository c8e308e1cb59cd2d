"""Internal page links in rich text, resolved in a fixed number of queries.

Wagtail's own handler asks for the active locale and the site root paths once per link.
This one fetches the linked pages, their translations into the active language and the
site root paths once per piece of text (and the API expands a whole StreamField as one
piece), and writes absolute addresses, which stay right when partner sites embed the HTML.
"""

from types import SimpleNamespace

from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail.rich_text.pages import PageLinkHandler


class BatchedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        locale = Locale.get_active()
        other_language = {page.translation_key for page in pages if page and page.locale_id != locale.pk}
        translations = (
            {
                page.translation_key: page
                for page in Page.objects.live().filter(translation_key__in=other_language, locale=locale)
            }
            if other_language
            else {}
        )
        site_paths_cache = SimpleNamespace()  # Page.get_url_parts caches site root paths on it
        links = []
        for page in pages:
            target = translations.get(page.translation_key, page) if page else None
            parts = target.get_url_parts(request=site_paths_cache) if target else None
            if parts and parts[1] and parts[2]:
                links.append(f'<a href="{escape(parts[1] + parts[2])}">')
            else:
                links.append("<a>")
        return links
