"""Write validated rows as published ResourcePages: in batches, all or nothing by default.

The file is read three times and never held: once to check every row (only the keys of
each row are kept), once for the resources in their own language, once for the
translations (a translation may come before its source in the file). New pages of a
batch are written together (``cms.core.bulk_pages``); a page that exists is updated by a
normal publish, and an unchanged one is left alone. Untranslated resources last get the
placeholders of synchronised locales.

With ``commit_every`` each run of that many rows commits on its own: a failure keeps what
was committed, and running the same file again continues where it stopped (rows already
written are unchanged, matched by ``external_id``).
"""

from dataclasses import dataclass
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail_localize.models import LocaleSynchronization

from cms.core.age_range import AGE_LIMIT
from cms.core.bulk_pages import FreeSlugs, create_aliases, publish_new
from cms.core.page_translation import create_translation

from ..models import ResourceIndexPage, ResourcePage
from .errors import ResourceImportError, RowError
from .indexing import deferred_index_updates
from .validation import RowValidator, validate_rows, validated

SLUG_MAX_LENGTH = 80
BATCH_SIZE = 500
TRANSLATED_ACTIONS = ("wagtail.copy_for_translation", "wagtail.publish")
# Set by the bulk writer, or foreign keys the validator has already found (checking one
# costs a query).
NOT_CHECKED_IN_BULK = [
    "path",
    "depth",
    "url_path",
    "draft_title",
    *(column.name for column in ResourcePage._meta.concrete_fields if column.is_relation),
]


@dataclass(frozen=True)
class Batches:
    """How rows are written: ``size`` new pages together, and a commit every
    ``commit_every`` rows (None: one transaction for the whole file)."""

    size: int = BATCH_SIZE
    commit_every: int | None = None


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    aliases: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.unchanged


def import_resources(raw_rows, *, dry_run=False, progress=None, batches=Batches(), checked=None):
    """Validate ``raw_rows`` (re-iterable: ``read_file``'s rows or a list) and, unless
    ``dry_run``, create or update their resources.

    Rows are matched by ``(external_id, locale)``. Rows with ``translation_of`` become
    wagtail-localize translations of that resource (same ``translation_key``). Either
    every row is written or, on any error, none is (ResourceImportError), unless
    ``batches.commit_every`` commits every that many rows. ``checked``: the file's CheckedFile
    when the caller has already validated it.
    """
    checked = checked or validate_rows(raw_rows)
    parents = _library_pages(checked.keys)
    if dry_run:
        return ImportResult(unchanged=checked.count)
    writer = _Writer(parents, progress, batches.size)
    if batches.commit_every:
        try:
            writer.write(raw_rows, checked, batches.commit_every)
        except ResourceImportError as exc:
            exc.committed = writer.committed
            raise
    else:
        with transaction.atomic():
            writer.write(raw_rows, checked, None)
    return writer.result


def _library_pages(keys):
    """The resource library page of each locale the rows use; an error if one is missing."""
    parents, errors = {}, []
    for key in keys:
        if key.is_translation or key.locale.id in parents:
            continue
        parent = ResourceIndexPage.objects.filter(locale=key.locale).order_by("path").first()
        if parent is None:
            errors.append(
                RowError(
                    key.line,
                    _('there is no resource library page in locale "%(code)s"; create one first (or run load_demo)')
                    % {"code": key.locale.language_code},
                    "locale",
                    key.locale.language_code,
                )
            )
        parents[key.locale.id] = parent
    if errors:
        raise ResourceImportError(errors)
    return parents


def batched(iterable, size):
    """Lists of ``size`` items (the last may be shorter); ``itertools.batched`` from 3.12."""
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def _error_dict(exc):
    if hasattr(exc, "error_dict"):
        return {(None if column == "__all__" else column): messages for column, messages in exc.message_dict.items()}
    return {None: exc.messages}


def _row_error(row, exc):
    return ResourceImportError(
        [RowError(row.line, "; ".join(messages), column) for column, messages in _error_dict(exc).items()]
    )


class _Writer:
    def __init__(self, parents, progress, batch_size):
        self.parents = parents
        self.progress = progress or (lambda: None)
        self.batch_size = batch_size
        self.result = ImportResult()
        self.slugs = {}
        self.translation_parents = {}
        self.committed = 0  # rows in the transactions committed so far

    # The passes --------------------------------------------------------------------------

    def write(self, raw_rows, checked, commit_every):
        validator = RowValidator()
        sources = validated(raw_rows, validator, translations=False)
        translations = validated(raw_rows, validator, translations=True)
        for rows, write in ((sources, self.write_sources), (translations, self.write_translations)):
            for chunk in batched(rows, commit_every or self.batch_size):
                with transaction.atomic(), deferred_index_updates():
                    for batch in batched(chunk, self.batch_size):
                        write(batch)
                self.committed += len(chunk)
        source_ids = {key.external_id for key in checked.keys if not key.is_translation}
        with transaction.atomic():
            self.create_synchronised_aliases(source_ids)

    def existing(self, external_ids):
        pages = ResourcePage.objects.filter(external_id__in=external_ids).prefetch_related("audiences", "topics")
        return {(page.external_id, page.locale_id): page for page in pages}

    def write_sources(self, rows):
        pages = self.existing({row.external_id for row in rows})
        new_by_parent = {}
        for row in rows:
            page = pages.get((row.external_id, row.locale.id))
            if page is None:
                parent = self.parents[row.locale.id]
                page = ResourcePage(locale=row.locale, slug=self.free_slug(parent, row.title))
                self.apply(page, row, source=None)
                self.check(page, row)
                new_by_parent.setdefault(parent, []).append(page)
            else:
                self.update(page, row, source=None)
            self.progress()
        for parent, new in new_by_parent.items():
            publish_new(parent, new)
            self.result.created += len(new)

    def write_translations(self, rows):
        sources = self.sources_of(rows)
        pages = self.existing({row.external_id for row in rows})
        by_key = {
            (page.translation_key, page.locale_id): page
            for page in ResourcePage.objects.filter(
                translation_key__in={source.translation_key for source in sources.values()}
            ).prefetch_related("audiences", "topics")
        }
        new_by_parent = {}
        for row in rows:
            source = sources[(row.translation_of, row.locale.id)]
            page = pages.get((row.external_id, row.locale.id))
            if page is not None and page.translation_key != source.translation_key:
                if source.get_translations().filter(locale=row.locale).exists():
                    message = _('"%(id)s" already has a translation in this locale') % {"id": row.translation_of}
                    raise ResourceImportError([RowError(row.line, message, "translation_of", row.translation_of)])
                page.translation_key = source.translation_key
            if page is None:
                page = by_key.get((source.translation_key, row.locale.id))
            parent = self.translation_parent(source, row.locale)
            if page is not None:
                self.update(page, row, source=source)
            elif parent is None:  # the source's place has no page in this language yet
                page = create_translation(source, row.locale, slug=self.base_slug(row.title))
                self.apply(page, row, source=source)
                self.publish(page, created=True)
            else:
                page = ResourcePage(
                    locale=row.locale,
                    translation_key=source.translation_key,
                    slug=self.free_slug(parent, row.title),
                )
                self.apply(page, row, source=source)
                self.check(page, row)
                new_by_parent.setdefault(parent, []).append(page)
            self.progress()
        for parent, new in new_by_parent.items():
            publish_new(parent, new, actions=TRANSLATED_ACTIONS)
            self.result.created += len(new)

    def sources_of(self, rows):
        """``{(translation_of, row's locale id): source page}``: the resource in another language."""
        candidates = ResourcePage.objects.filter(
            external_id__in={row.translation_of for row in rows}, alias_of__isnull=True
        ).prefetch_related("audiences", "topics")
        by_id = {}
        for page in sorted(candidates, key=lambda page: page.locale_id):
            by_id.setdefault(page.external_id, []).append(page)
        return {
            (row.translation_of, row.locale.id): next(
                page for page in by_id[row.translation_of] if page.locale_id != row.locale.id
            )
            for row in rows
        }

    def translation_parent(self, source, locale):
        """The page in ``locale`` that translates ``source``'s parent (None if there is none)."""
        key = (source.path[: -ResourcePage.steplen], locale.id)
        if key not in self.translation_parents:
            self.translation_parents[key] = source.get_parent().get_translation_or_none(locale)
        return self.translation_parents[key]

    # One page ----------------------------------------------------------------------------

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
        try:
            self.publish(page, created=False)
        except ValidationError as exc:
            raise _row_error(row, exc) from exc

    @staticmethod
    def check(page, row):
        """The model's own field checks (lengths, choices) on a page written in bulk."""
        try:
            page.clean_fields(exclude=NOT_CHECKED_IN_BULK)
        except ValidationError as exc:
            raise _row_error(row, exc) from exc

    def apply(self, page, row, source):
        page.external_id = row.external_id
        page.title = page.draft_title = row.title
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

    def publish(self, page, created):
        page.save_revision().publish()
        if created:
            self.result.created += 1
        else:
            self.result.updated += 1

    @staticmethod
    def base_slug(title):
        return slugify(title)[:SLUG_MAX_LENGTH].strip("-") or "resource"

    def free_slug(self, parent, title):
        if parent.pk not in self.slugs:
            self.slugs[parent.pk] = FreeSlugs.under(parent)
        return self.slugs[parent.pk].claim(self.base_slug(title))

    # Synchronised locales ----------------------------------------------------------------

    def create_synchronised_aliases(self, source_ids):
        """Mirror the file's untranslated resources into synchronised locales, as the admin
        does on create; those a run before this one mirrored already are left as they are."""
        for sync in LocaleSynchronization.objects.select_related("locale"):
            for batch in batched(sorted(source_ids), self.batch_size):
                sources = ResourcePage.objects.filter(
                    external_id__in=batch, locale_id=sync.sync_from_id, alias_of__isnull=True
                ).prefetch_related("audiences", "topics")
                translated = set(
                    ResourcePage.objects.filter(
                        locale=sync.locale, translation_key__in=[page.translation_key for page in sources]
                    ).values_list("translation_key", flat=True)
                )
                by_parent = {}
                for page in sources:
                    if page.translation_key in translated:
                        continue
                    parent = self.translation_parent(page, sync.locale)
                    if parent is None:
                        page.copy_for_translation(sync.locale, copy_parents=True, alias=True)
                        self.result.aliases += 1
                    else:
                        by_parent.setdefault(parent, []).append(page)
                for parent, pages in by_parent.items():
                    self.result.aliases += len(create_aliases(parent, pages, sync.locale))
