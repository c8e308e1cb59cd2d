"""What Elasticsearch stores: a document per page (one language each), and its mapping.

Each text field is indexed twice: with Elasticsearch's own Czech or English analyser
(stop words, stemming, folded diacritics) and, in ``terms``, as the terms of
``search.analysis``, so both engines meet the same inflected and unaccented forms.
"""

from django.conf import settings
from django.utils.html import strip_tags
from elasticsearch.dsl import Date, Document, Integer, Keyword, SearchAsYouType, Text, analyzer, token_filter

from cms.core import page_kinds

from .analysis import analyse, fold
from .fields import language_of
from .kinds import kind_of

czech_stop = token_filter("czech_stop", type="stop", stopwords="_czech_")
czech_stemmer = token_filter("czech_stemmer", type="stemmer", language="czech")
english_stop = token_filter("english_stop", type="stop", stopwords="_english_")
english_stemmer = token_filter("english_stemmer", type="stemmer", language="english")

CZECH = analyzer("sic_czech", tokenizer="standard", filter=["lowercase", czech_stop, czech_stemmer, "asciifolding"])
ENGLISH = analyzer(
    "sic_english", tokenizer="standard", filter=["lowercase", english_stop, english_stemmer, "asciifolding"]
)
FOLDED = analyzer("sic_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
# Python-analysed terms are already lower-case ASCII separated by spaces.
TERMS = analyzer("sic_terms", tokenizer="whitespace")


def text_field():
    return Text(analyzer=FOLDED, fields={"cs": Text(analyzer=CZECH), "en": Text(analyzer=ENGLISH)})


class PageDocument(Document):
    kind = Keyword()
    locale = Keyword()
    title = text_field()
    summary = text_field()
    body = text_field()
    title_terms = Text(analyzer=TERMS)
    terms = Text(analyzer=TERMS)
    suggest = SearchAsYouType(analyzer=FOLDED)
    audience = Keyword(multi=True)
    topic = Keyword(multi=True)
    resource_type = Keyword()
    age_min = Integer()
    age_max = Integer()
    first_published_at = Date()

    class Index:
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    @classmethod
    def alias(cls):
        return settings.ELASTICSEARCH_INDEX


def _text(page, field_name):
    value = getattr(page, field_name, "")
    if hasattr(value, "stream_block"):  # a StreamField: its searchable text, as Wagtail indexes it
        value = " ".join(value.stream_block.get_searchable_content(value))
    return strip_tags(str(value or ""))


def page_document(page):
    """The document for a specific live page of a searchable kind."""
    kind = kind_of(type(page))
    language = language_of(page)
    fields = page_kinds.get(kind)
    summary, body = _text(page, fields.summary_field), _text(page, fields.body_field)
    document = PageDocument(
        meta={"id": page.pk},
        kind=kind,
        locale=language,
        title=page.title,
        summary=summary,
        body=body,
        title_terms=analyse(page.title, language),
        terms=analyse(f"{summary}\n{body}", language),
        suggest=fold(page.title),
        first_published_at=page.first_published_at,
    )
    if kind == "resource":
        document.audience = [term.slug for term in page.audiences.all()]
        document.topic = [term.slug for term in page.topics.all()]
        document.resource_type = page.resource_type.slug if page.resource_type_id else None
        document.age_min, document.age_max = page.age_min, page.age_max
    return document
