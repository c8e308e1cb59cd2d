"""Serializer fields whose schema says exactly what the API sends."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

# Free text that says something: at least one character that is not a space, and no NUL
# character (refused everywhere: PostgreSQL cannot store it).
SOME_TEXT = r"^[^\u0000]*[^\s\u0000][^\u0000]*$"
NO_NUL = r"^[^\u0000]+$"


class StrictText:
    """Only a JSON string is text. DRF's text fields turn a number into its digits, so a
    request the schema calls invalid (``"text": 2.95e+239``) was stored as text; here it
    is a 400 naming the field, as any other wrong type is."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class TextField(StrictText, serializers.CharField):
    """An incoming text field: a string, never a number turned into one."""


class PatternField(StrictText, serializers.RegexField):
    """An incoming text field with a pattern: a string, never a number turned into one."""


def some_text_field(max_length, **kwargs):
    """Free text that must say something: the schema's pattern tells clients so."""
    return PatternField(SOME_TEXT, max_length=max_length, trim_whitespace=True, **kwargs)


@extend_schema_field({"type": "boolean", "enum": [True]})
class ConsentField(serializers.BooleanField):
    """Consent must be given: ``false`` is refused with ``refusal`` (why it is needed), and
    the schema says only ``true`` is valid."""

    def __init__(self, refusal, **kwargs):
        super().__init__(**kwargs)
        self.refusal = refusal

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not value:
            raise serializers.ValidationError(self.refusal)
        return value


MAX_ID = 2**31 - 1  # the largest id a database column holds everywhere


class PageIdField(serializers.PrimaryKeyRelatedField):
    """A page chosen by its id: an id no database column can hold is "does not exist" (400),
    never the database driver's overflow (SQLite raises it on 2**63)."""

    def to_internal_value(self, data):
        if isinstance(data, int) and not isinstance(data, bool) and not 0 < data <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class OptionalURLField(serializers.URLField):
    """An address or ``null`` (never ``""``, which a strict client refuses as a URI)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


class RequiredChoiceField(serializers.ChoiceField):
    """A choice that must be made: an empty value (a form's unchosen radio buttons send
    ``""``) is refused with the field's ``required`` message, not as ``"" is not a valid
    choice``."""

    def validate_empty_values(self, data):
        if data == "":
            self.fail("required")
        return super().validate_empty_values(data)


class TermSerializer(serializers.Serializer):
    """A vocabulary term: the stable slug and the label in the requested language (in the
    content API, and in Wagtail's API v2, which would otherwise give bare ids)."""

    slug = serializers.SlugField()
    name = serializers.CharField()


@extend_schema_field(TermSerializer(many=True))
class TermsField(serializers.Field):
    """The terms of a many-to-many vocabulary, ``{slug, name}`` each. A list view attaches
    them to its pages (``page.listed_terms``, one query for a page of results, see
    ``attach_terms``); otherwise they are read through the relation."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        listed = getattr(page, "listed_terms", None)
        if listed is not None:
            return listed.get(self.field_name, [])
        return [{"slug": term.slug, "name": term.name} for term in getattr(page, self.field_name).all()]


def attach_terms(pages, relations, terms_by_model):
    """Give every page of ``pages`` its terms of each many-to-many ``relation`` as
    ``page.listed_terms[relation]``: one query a relation, on its link table, the terms
    themselves from ``terms_by_model`` ({model: [terms in their order]}, already loaded)."""
    pages = list(pages)
    if not pages:
        return
    for page in pages:
        page.listed_terms = {}
    ids = [page.pk for page in pages]
    by_page = {page.pk: page for page in pages}
    for relation in relations:
        field = pages[0]._meta.get_field(relation)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        ordered = terms_by_model[field.related_model]
        position = {term.pk: index for index, term in enumerate(ordered)}
        shown = {term.pk: {"slug": term.slug, "name": term.name} for term in ordered}
        chosen = {page_id: [] for page_id in ids}
        for page_id, term_id in through.objects.filter(**{f"{source}__in": ids}).values_list(source, target):
            chosen[page_id].append(term_id)
        for page_id, term_ids in chosen.items():
            by_page[page_id].listed_terms[relation] = [shown[pk] for pk in sorted(term_ids, key=position.get)]


@extend_schema_field(OpenApiTypes.URI)
class PrintPackField(serializers.Field):
    """The absolute address of a page's print pack (cms.core.print_packs), on the page's site."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("help_text", "The page as one A4 PDF for printing (202 while it is being made).")
        super().__init__(**kwargs)

    def to_representation(self, page):
        _site_id, root_url, _path = page.get_url_parts(self.context.get("request"))
        return f"{root_url}{reverse('print-pack', args=[page.pk])}"


def v2_terms(name, many=True):
    """A Wagtail API v2 field of taxonomy terms (slug and label), not bare ids."""
    return APIField(name, serializer=TermSerializer(many=many, read_only=True))


def v2_picture(name):
    """A Wagtail API v2 field giving a picture as a 1200×630 rendition (address, size, alt)."""
    return APIField(name, serializer=ImageRenditionField("fill-1200x630", read_only=True))
