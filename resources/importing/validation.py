"""Turn raw records into validated ResourceRows, collecting every error with its line."""

import difflib
import html
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Locale

from cms.core.age_range import AGE_LIMIT
from cms.core.blocks import RICH_TEXT_FEATURES

from ..models import Audience, ResourcePage, ResourceType, Topic
from .errors import ResourceImportError, RowError

BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')
MAX_LENGTHS = {"external_id": 100, "title": 255, "url": 500}


@dataclass
class ResourceRow:
    """A validated record; ``None`` in a taxonomy or age field means "take it from the source"."""

    line: int
    external_id: str
    locale: Locale
    title: str
    summary: str
    body: str
    audiences: list | None
    topics: list | None
    resource_type: ResourceType | None
    age_min: int | None
    age_max: int | None
    url: str
    translation_of: str = ""
    errors: list = field(default_factory=list, repr=False)

    @property
    def is_translation(self):
        return bool(self.translation_of)


def split_list(value):
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value if str(item).strip()]
    return [item.strip() for item in str(value or "").split(",") if item.strip()]


def text(value):
    return "" if value is None else str(value).strip()


class RichTextCleaner:
    """Keeps only what the editor's rich text allows; plain text becomes paragraphs."""

    def __init__(self):
        self.converter = ContentstateConverter(features=RICH_TEXT_FEATURES)

    def __call__(self, value):
        if not value:
            return ""
        if "<" not in value:
            paragraphs = re.split(r"\n\s*\n", value.strip())
            value = "".join(f"<p>{html.escape(p).replace(chr(10), '<br/>')}</p>" for p in paragraphs)
        cleaned = self.converter.to_database_format(self.converter.from_database_format(value))
        # The converter invents random block keys; drop them so that re-importing the same
        # text leaves the page unchanged (the editor adds keys again on the next save).
        return BLOCK_KEY.sub("", cleaned)


class RowValidator:
    def __init__(self):
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.terms = {
            "audiences": {term.slug: term for term in Audience.objects.all()},
            "topics": {term.slug: term for term in Topic.objects.all()},
            "resource_type": {term.slug: term for term in ResourceType.objects.all()},
        }
        self.clean_body = RichTextCleaner()
        self.url_validator = URLValidator(schemes=["http", "https"])

    def unknown_term(self, line, column, slug):
        known = self.terms[column]
        message = _('unknown slug "%(slug)s"') % {"slug": slug}
        close = difflib.get_close_matches(slug, known, n=1)
        if close:
            message += "; " + _('did you mean "%(slug)s"?') % {"slug": close[0]}
        else:
            message += "; " + _("known: %(slugs)s") % {"slugs": ", ".join(known)}
        return RowError(line, message, column, slug)

    def age(self, line, column, value, errors):
        value = text(value)
        if value == "":
            return None
        try:
            age = int(value)
        except ValueError:
            errors.append(RowError(line, _('"%(value)s" is not a whole number') % {"value": value}, column, value))
            return None
        if not 0 <= age <= AGE_LIMIT:
            errors.append(
                RowError(
                    line, _("age %(age)s is out of range 0–%(limit)s") % {"age": age, "limit": AGE_LIMIT}, column, value
                )
            )
            return None
        return age

    def validate(self, raw):
        values, line, errors = raw.values, raw.line, []
        row = {name: text(values.get(name)) for name in ("external_id", "title", "summary", "url", "translation_of")}
        self.check_texts(row, line, errors)
        locale = self.locale(values, line, errors)
        taxonomy = {column: self.terms_of(values, column, line, errors) for column in ("audiences", "topics")}
        resource_type = self.resource_type(values, row, line, errors)
        age_min, age_max = self.ages(values, line, errors)
        self.check_url(row, line, errors)
        return ResourceRow(
            line=line,
            external_id=row["external_id"],
            locale=locale,
            title=row["title"],
            summary=row["summary"],
            body=self.body(values, line, errors),
            audiences=taxonomy["audiences"],
            topics=taxonomy["topics"],
            resource_type=resource_type,
            age_min=age_min,
            age_max=age_max,
            url=row["url"],
            translation_of=row["translation_of"],
            errors=errors,
        )

    @staticmethod
    def check_texts(row, line, errors):
        for column in ("external_id", "title", "summary"):
            if not row[column]:
                errors.append(RowError(line, _("a value is required"), column, ""))
        for column, limit in MAX_LENGTHS.items():
            if len(row[column]) > limit:
                errors.append(
                    RowError(
                        line, _("longer than %(limit)s characters") % {"limit": limit}, column, row[column][:40] + "…"
                    )
                )

    def locale(self, values, line, errors):
        code = text(values.get("locale")) or settings.LANGUAGE_CODE
        locale = self.locales.get(code)
        if locale is None:
            errors.append(
                RowError(
                    line,
                    _('unknown locale "%(code)s"; known: %(known)s') % {"code": code, "known": ", ".join(self.locales)},
                    "locale",
                    code,
                )
            )
        return locale

    def terms_of(self, values, column, line, errors):
        """The audiences or topics named; None when the column is empty (a translation keeps its source's)."""
        slugs = split_list(values.get(column))
        missing = [slug for slug in slugs if slug not in self.terms[column]]
        errors += [self.unknown_term(line, column, slug) for slug in missing]
        return [self.terms[column][slug] for slug in slugs if slug not in missing] if slugs else None

    def resource_type(self, values, row, line, errors):
        type_slug = text(values.get("resource_type"))
        if not type_slug:
            if not row["translation_of"]:
                errors.append(RowError(line, _("a value is required"), "resource_type", ""))
            return None
        resource_type = self.terms["resource_type"].get(type_slug)
        if resource_type is None:
            errors.append(self.unknown_term(line, "resource_type", type_slug))
        return resource_type

    def ages(self, values, line, errors):
        age_min = self.age(line, "age_min", values.get("age_min"), errors)
        age_max = self.age(line, "age_max", values.get("age_max"), errors)
        if age_min is not None and age_max is not None and age_min > age_max:
            errors.append(
                RowError(
                    line,
                    _("age_max %(max)s is lower than age_min %(min)s") % {"max": age_max, "min": age_min},
                    "age_max",
                    age_max,
                )
            )
        return age_min, age_max

    def check_url(self, row, line, errors):
        if row["url"]:
            try:
                self.url_validator(row["url"])
            except ValidationError:
                errors.append(RowError(line, _("not a valid http(s) address"), "url", row["url"]))

    def body(self, values, line, errors):
        try:
            return self.clean_body(text(values.get("body")))
        except Exception as exc:  # noqa: BLE001 - any parser failure is a bad value
            errors.append(RowError(line, _("cannot read the rich text: %(error)s") % {"error": exc}, "body", ""))
            return ""


@dataclass(frozen=True)
class RowKey:
    """What the checks across rows need of a row: kept for every row while the rows
    themselves pass by."""

    line: int
    external_id: str
    locale: Locale | None
    translation_of: str

    @property
    def is_translation(self):
        return bool(self.translation_of)


@dataclass
class CheckedFile:
    """A file whose every row is valid: how many rows, and their keys."""

    keys: list

    @property
    def count(self):
        return len(self.keys)


def check_across_rows(rows):
    """Duplicates within the file and ``translation_of`` references (``rows``: RowKeys)."""
    errors = []
    seen = {}
    by_external_id = {}
    for row in rows:
        if row.locale is None:
            continue
        key = (row.external_id, row.locale.language_code)
        if key in seen:
            errors.append(
                RowError(
                    row.line,
                    _("duplicate of line %(line)s (same external_id and locale)") % {"line": seen[key]},
                    "external_id",
                    row.external_id,
                )
            )
        seen[key] = row.line
        if not row.is_translation:
            by_external_id.setdefault(row.external_id, set()).add(row.locale.id)

    referenced = {row.translation_of for row in rows if row.is_translation}
    in_database = {}
    for external_id, locale_id in ResourcePage.objects.filter(
        external_id__in=referenced, alias_of__isnull=True
    ).values_list("external_id", "locale_id"):
        in_database.setdefault(external_id, set()).add(locale_id)

    for row in rows:
        if not row.is_translation or row.locale is None:
            continue
        source_locales = by_external_id.get(row.translation_of, set()) | in_database.get(row.translation_of, set())
        if not source_locales - {row.locale.id}:
            message = (
                _('"%(id)s" is in the same locale as this row') % {"id": row.translation_of}
                if source_locales
                else _('no resource with external_id "%(id)s" in another language, in this file or the database')
                % {"id": row.translation_of}
            )
            errors.append(RowError(row.line, message, "translation_of", row.translation_of))
    return errors


def validate_rows(raw_rows):
    """Validate every record, one at a time; raises ResourceImportError listing all errors,
    else returns the CheckedFile (the rows themselves are not kept: ``validated`` reads
    them again as they are written)."""
    validator = RowValidator()
    keys, errors = [], []
    for raw in raw_rows:
        row = validator.validate(raw)
        errors += row.errors
        keys.append(RowKey(row.line, row.external_id, row.locale, row.translation_of))
    errors += check_across_rows(keys)
    if errors:
        raise ResourceImportError(sorted(errors, key=lambda error: error.line))
    return CheckedFile(keys)


def is_translation(raw):
    """Whether a record (not yet validated) translates another resource."""
    return bool(text(raw.values.get("translation_of")))


def validated(raw_rows, validator=None, translations=None):
    """The rows of a file ``validate_rows`` passed, validated again as they are read; only
    the translations (True) or only the others (False) when ``translations`` says so."""
    validator = validator or RowValidator()
    for raw in raw_rows:
        if translations is not None and is_translation(raw) != translations:
            continue  # the other pass writes it: not validated for nothing
        row = validator.validate(raw)
        if row.errors:  # the file or the vocabularies changed since the check
            raise ResourceImportError(row.errors)
        yield row
