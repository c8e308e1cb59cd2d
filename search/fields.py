"""Search fields whose indexed value is analysed text (see ``search.analysis``).

A page's indexed text keeps what the editor wrote, so the admin's own search keeps
working as before, followed by the analysed terms, which are what the site's search
matches. The analysis follows the page's language.
"""

from django.conf import settings
from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail.search import index

from .analysis import analyse, fold

_languages = {}


def language_of(page):
    """The language code of ``page``, without a query per page once the locales are known."""
    code = _languages.get(page.locale_id)
    if code is None:
        _languages.update(Locale.objects.values_list("pk", "language_code"))
        code = _languages.get(page.locale_id, settings.LANGUAGE_CODE)
    return code


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_as_text(item) for item in value)
    return strip_tags(str(value))


class AnalysedSearchField(index.SearchField):
    def __init__(self, field_name, keep_text=True, **kwargs):
        super().__init__(field_name, **kwargs)
        self.keep_text = keep_text

    def get_value(self, obj):
        text = _as_text(super().get_value(obj))
        terms = analyse(text, language_of(obj))
        return f"{text}\n{terms}" if self.keep_text else terms


class FoldedAutocompleteField(index.AutocompleteField):
    """Prefixes match without diacritics: ``kyber`` completes ``Kyberšikana``."""

    def get_value(self, obj):
        return fold(_as_text(super().get_value(obj)))


TITLE_BOOST = 3
SUMMARY_BOOST = 2


def analysed_search_fields(summary=None, body=()):
    """Page.search_fields plus the analysed title, summary and body.

    Title counts above summary, which counts above body. Page's own fields stay (Wagtail
    expects them, and its raw title keeps the admin's search as it was); the title's
    terms and folded prefixes come on top of them.
    """
    fields = Page.search_fields + [
        AnalysedSearchField("title", keep_text=False, boost=TITLE_BOOST),
        FoldedAutocompleteField("title"),
    ]
    if summary:
        fields.append(AnalysedSearchField(summary, boost=SUMMARY_BOOST))
    fields += [AnalysedSearchField(name) for name in body]
    return fields
