"""Write validated rows as published ResourcePages, all or nothing."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.coreutils import find_available_slug
from wagtail_localize.models import LocaleSynchronization

from cms.core.age_range import AGE_LIMIT
from cms.core.page_translation import create_translation

from ..models import ResourceIndexPage, ResourcePage
from .errors import ResourceImportError, RowError
from .indexing import deferred_index_updates
from .validation import validate_rows

SLUG_MAX_LENGTH = 80


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    aliases: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.unchanged


def import_resources(raw_rows, *, dry_run=False, progress=None):
    """Validate ``raw_rows`` and, unless ``dry_run``, create or update their resources.

    Rows are matched by ``(external_id, locale)``. Rows with ``translation_of`` become
    wagtail-localize translations of that resource (same ``translation_key``). Either
    every row is written or, on any error, none is (ResourceImportError).
    """
    rows = validate_rows(raw_rows)
    parents = _library_pages(rows)
    if dry_run:
        return ImportResult(unchanged=len(rows))
    with transaction.atomic(), deferred_index_updates():
        return _Writer(parents, progress).write(rows)


def _library_pages(rows):
    """The resource library page of each locale the rows use; an error if one is missing."""
    parents, errors = {}, []
    for row in rows:
        if row.is_translation or row.locale.id in parents:
            continue
        parent = ResourceIndexPage.objects.filter(locale=row.locale).order_by("path").first()
        if parent is None:
            errors.append(
                RowError(
                    row.line,
                    _('there is no resource library page in locale "%(code)s"; create one first (or run load_demo)')
                    % {"code": row.locale.language_code},
                    "locale",
                    row.locale.language_code,
                )
            )
            parents[row.locale.id] = None
        else:
            parents[row.locale.id] = parent
    if errors:
        raise ResourceImportError(errors)
    return parents


def _error_dict(exc):
    if hasattr(exc, "error_dict"):
        return {(None if column == "__all__" else column): messages for column, messages in exc.message_dict.items()}
    return {None: exc.messages}


class _Writer:
    def __init__(self, parents, progress):
        self.parents = parents
        self.progress = progress or (lambda: None)
        self.result = ImportResult()
        self.created_sources = []

    def write(self, rows):
        external_ids = {row.external_id for row in rows} | {row.translation_of for row in rows}
        self.pages = {
            (page.external_id, page.locale_id): page
            for page in ResourcePage.objects.filter(external_id__in=external_ids).prefetch_related(
                "audiences", "topics"
            )
        }
        self.locale_ids = sorted(
            {locale_id for _external_id, locale_id in self.pages} | {row.locale.id for row in rows}
        )
        # Sources first, so that a translation can follow its source anywhere in the file.
        for row in sorted(rows, key=lambda row: (row.is_translation, row.line)):
            try:
                if row.is_translation:
                    self.write_translation(row)
                else:
                    self.write_source(row)
            except ValidationError as exc:
                raise ResourceImportError(
                    [RowError(row.line, "; ".join(messages), column) for column, messages in _error_dict(exc).items()]
                ) from exc
            self.progress()
        self.create_synchronised_aliases()
        return self.result

    def write_source(self, row):
        page = self.pages.get((row.external_id, row.locale.id))
        if page is None:
            page = ResourcePage(locale=row.locale, slug=self.new_slug(self.parents[row.locale.id], row.title))
            self.apply(page, row, source=None)
            self.parents[row.locale.id].add_child(instance=page)  # validates the page as it saves
            self.publish(page, created=True, clean=False)
            self.created_sources.append(page)
        else:
            self.update(page, row, source=None)
        self.pages[(row.external_id, row.locale.id)] = page

    def write_translation(self, row):
        source = next(
            page
            for locale_id in self.locale_ids
            if locale_id != row.locale.id
            and (page := self.pages.get((row.translation_of, locale_id))) is not None
            and page.alias_of_id is None
        )
        page = self.pages.get((row.external_id, row.locale.id))
        if page is not None and page.translation_key != source.translation_key:
            if source.get_translations().filter(locale=row.locale).exists():
                raise ResourceImportError(
                    [
                        RowError(
                            row.line,
                            _('"%(id)s" already has a translation in this locale') % {"id": row.translation_of},
                            "translation_of",
                            row.translation_of,
                        )
                    ]
                )
            page.translation_key = source.translation_key
        if page is None:
            page = ResourcePage.objects.filter(translation_key=source.translation_key, locale=row.locale).first()
        if page is None:
            page = create_translation(source, row.locale, slug=self.base_slug(row.title))
            self.apply(page, row, source=source)
            self.publish(page, created=True)
        else:
            self.update(page, row, source=source)
        self.pages[(row.external_id, row.locale.id)] = page

    def update(self, page, row, source):
        if page.alias_of_id is not None:
            # A synchronised placeholder of another language becomes a real translation.
            ConvertAliasPageAction(page).execute(skip_permission_checks=True)
            page = ResourcePage.objects.get(pk=page.pk)
        before = self.snapshot(page)
        self.apply(page, row, source=source)
        if self.snapshot(page) == before and page.live and not page.has_unpublished_changes:
            self.result.unchanged += 1
            return
        self.publish(page, created=False)

    def apply(self, page, row, source):
        page.external_id = row.external_id
        page.title = row.title
        page.summary = row.summary
        page.body = row.body
        page.external_url = row.url
        page.resource_type = row.resource_type or source.resource_type
        page.age_min = row.age_min if row.age_min is not None else (source.age_min if source else 0)
        page.age_max = row.age_max if row.age_max is not None else (source.age_max if source else AGE_LIMIT)
        page.audiences = (
            row.audiences if row.audiences is not None else (list(source.audiences.all()) if source else [])
        )
        page.topics = row.topics if row.topics is not None else (list(source.topics.all()) if source else [])

    @staticmethod
    def snapshot(page):
        return (
            page.external_id,
            page.title,
            page.summary,
            page.body,
            page.external_url,
            page.resource_type_id,
            page.age_min,
            page.age_max,
            page.translation_key,
            frozenset(term.pk for term in page.audiences.all()),
            frozenset(term.pk for term in page.topics.all()),
        )

    def publish(self, page, created, clean=True):
        page.save_revision(clean=clean).publish()
        if created:
            self.result.created += 1
        else:
            self.result.updated += 1

    @staticmethod
    def base_slug(title):
        return slugify(title)[:SLUG_MAX_LENGTH].strip("-") or "resource"

    def new_slug(self, parent, title):
        return find_available_slug(parent, self.base_slug(title))

    def create_synchronised_aliases(self):
        """Mirror new pages into synchronised locales, as the admin does on create."""
        for sync in LocaleSynchronization.objects.select_related("locale"):
            sources = [page for page in self.created_sources if page.locale_id == sync.sync_from_id]
            if not sources:
                continue
            translated = set(
                ResourcePage.objects.filter(
                    locale=sync.locale, translation_key__in=[page.translation_key for page in sources]
                ).values_list("translation_key", flat=True)
            )
            for page in sources:
                if page.translation_key not in translated:
                    page.copy_for_translation(sync.locale, copy_parents=True, alias=True)
                    self.result.aliases += 1
