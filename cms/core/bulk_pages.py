"""Publish new pages by the hundred, leaving them exactly as a publish in the admin does.

``parent.add_child(instance=page)`` then ``page.save_revision().publish()`` costs a few
dozen queries a page, and each ``add_child`` updates the parent's row: on PostgreSQL one
transaction that updates a row thousands of times slows with every update (each leaves
a dead row version behind). Here a batch of pages under one parent costs a handful of
queries whatever its size:

- the tree: the next paths after the parent's last child, ``depth`` and ``url_path``, one
  insert of the ``Page`` rows and one of the specific rows, the parent's ``numchild`` once;
- the many-to-many choices (``ParentalManyToManyField``): one insert per field;
- one revision per page, both latest and live, and the history (``wagtail.create`` and
  ``wagtail.publish``, or the given actions) in one insert each;
- aliases (``alias_of``) as ``CreatePageAliasAction`` leaves them: no revision of their
  own, the source's live revision, ``wagtail.create_alias`` in the history;
- the search index (every backend's ``add_bulk``) and the reference index in bulk;
- ``page_published`` for every published page, so that what listens (webhooks, print
  packs, the search cluster's queue) hears each one as after a publish, within one
  ``cms.core.batch``: the API's cached answers go stale once, and the webhook
  subscriptions are looked up once.

The caller runs it in a transaction and gives pages that passed validation; slugs must be
free among the parent's children (``FreeSlugs`` finds them).
"""

import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import router
from django.db.models import F
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelsearch.backends import get_search_backends
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.signals import page_published

from .batch import batch

CREATED = ("wagtail.create", "wagtail.publish")


@dataclass
class FreeSlugs:
    """The slugs taken among a parent's children, and the next free one for a wish
    (``wish``, ``wish-2``, ``wish-3``… as ``find_available_slug`` names them)."""

    taken: set = field(default_factory=set)

    @classmethod
    def under(cls, parent):
        return cls(set(parent.get_children().values_list("slug", flat=True)))

    def claim(self, wish):
        slug, number = wish, 1
        while slug in self.taken:
            number += 1
            slug = f"{wish}-{number}"
        self.taken.add(slug)
        return slug


def append_children(parent, pages):
    """Insert ``pages`` (unsaved, of one model that inherits ``Page`` directly) as the
    last children of ``parent``, in order; returns them with their ids."""
    if not pages:
        return pages
    model = type(pages[0])
    if model._meta.get_parent_list() != [Page] or any(type(page) is not model for page in pages):
        raise TypeError("append_children takes pages of one model that inherits Page directly")
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    depth = parent.depth + 1
    content_type = ContentType.objects.get_for_model(model)
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, depth, step + offset)
        page.depth, page.numchild = depth, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.draft_title = page.draft_title or page.title
        page.translation_key = page.translation_key or uuid.uuid4()

    base_fields = [column for column in Page._meta.concrete_fields if not column.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{column.attname: getattr(page, column.attname) for column in base_fields}) for page in pages]
    )
    for page, row in zip(pages, rows, strict=True):
        page.pk = row.pk  # sets page_ptr_id and id
        page._state.adding = False
    # ``bulk_create`` refuses multi-table models; the specific rows go in with the same
    # insert it would use, the ids just returned as their primary keys.
    database = router.db_for_write(model)
    model._base_manager._insert(pages, fields=model._meta.local_concrete_fields, using=database)
    for page in pages:
        page._state.db = database
    _insert_choices(model, pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def _choice_fields(model):
    return [relation for relation in model._meta.get_fields() if isinstance(relation, ParentalManyToManyField)]


def _insert_choices(model, pages):
    """The rows of every ``ParentalManyToManyField`` the pages hold in memory."""
    for relation in _choice_fields(model):
        through = relation.remote_field.through
        source, target = f"{relation.m2m_field_name()}_id", f"{relation.m2m_reverse_field_name()}_id"
        through.objects.bulk_create(
            through(**{source: page.pk, target: chosen.pk})
            for page in pages
            for chosen in getattr(page, relation.name).all()
        )


def publish_new(parent, pages, *, user=None, actions=CREATED):
    """Insert ``pages`` under ``parent`` as published pages, each with its revision and
    history, indexed, and announced by ``page_published``."""
    if not pages:
        return pages
    now = timezone.now()
    for page in pages:
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = now
        page.owner = page.owner or user
    append_children(parent, pages)
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    base_content_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(page.pk),
            created_at=now,
            user=user,
            object_str=str(page),
            content=page.serializable_data(),
        )
        for page in pages
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
    _log(pages, actions, user, now, revisions)
    index_new(pages)
    with batch():  # what listens may do its shared work once (cms.core.batch)
        for page, revision in zip(pages, revisions, strict=True):
            page_published.send(sender=model, instance=page, revision=revision)
    return pages


def create_aliases(parent, sources, locale, *, user=None):
    """Aliases of the published ``sources`` under ``parent`` in ``locale``, as wagtail-localize
    makes them for a synchronised locale: the source's fields, translation key and live revision."""
    if not sources:
        return []
    model = type(sources[0])
    skip = {"id", "page_ptr", "path", "depth", "numchild", "url_path", "latest_revision", "content_type"}
    slugs = FreeSlugs.under(parent)
    choices = _choice_fields(model)
    aliases = []
    for source in sources:
        alias = model(**{column.attname: getattr(source, column.attname) for column in model._meta.concrete_fields
                         if column.name not in skip})  # fmt: skip
        alias.alias_of_id, alias.locale = source.pk, locale
        alias.draft_title, alias.has_unpublished_changes = source.title, not source.live
        alias.slug = slugs.claim(source.slug)
        for relation in choices:
            setattr(alias, relation.name, list(getattr(source, relation.name).all()))
        aliases.append(alias)
    append_children(parent, aliases)
    now = timezone.now()
    _log(aliases, ("wagtail.create_alias",), user, now, [None] * len(aliases))
    index_new(aliases)
    return aliases


def _log(pages, actions, user, now, revisions):
    log_uuid = uuid.uuid4()
    content_type = ContentType.objects.get_for_model(type(pages[0]), for_concrete_model=False)
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            page_id=page.pk,
            content_type=content_type,
            label=page.get_admin_display_title(),
            action=action,
            timestamp=now,
            user=user,
            uuid=log_uuid,
            data={},
            revision=revision if action == "wagtail.publish" else None,
            content_changed=action == "wagtail.publish",
        )
        for page, revision in zip(pages, revisions, strict=True)
        for action in actions
    )


def add_to_search(model, objects):
    """Index ``objects`` (of ``model``) in every search backend, one bulk write each: the
    database backends also refresh the title weights against the average title length on
    every write, a scan of the whole index, so one write a batch rather than one a page."""
    if objects:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)


def index_new(pages):
    """Search documents and outbound references of new pages, in bulk."""
    model = type(pages[0])
    add_to_search(model, list(model.get_indexed_objects().filter(pk__in=[page.pk for page in pages])))
    content_types = [ContentType.objects.get_for_model(model, for_concrete_model=False)]
    content_types.append(ContentType.objects.get_for_model(Page))
    references = [
        ReferenceIndex(
            content_type=content_types[0],
            base_content_type=content_types[-1],
            object_id=page.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for page in pages
        # The same extraction ``ReferenceIndex.create_or_update_for_object`` runs on a save.
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]
    ReferenceIndex.objects.bulk_create(references, ignore_conflicts=True)
