"""The import writes new pages in batches (``cms.core.bulk_pages``): a page imported that way
must look, to Wagtail, the API, search and wagtail-localize, like one published in the
admin; a large file may commit as it goes and continue where it stopped."""

import pytest
from django.core.management import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from resources.importing import import_resources, read_file
from resources.importing import service as import_service
from resources.models import Audience, ResourcePage, ResourceType, Topic
from tests.api.conftest import empty_api_cache  # noqa: F401  (a clean API cache per test)
from tests.factories import UserFactory
from tests.resources.test_import import CZECH, ENGLISH, run

from .test_import import import_file  # noqa: F401  (the fixture)

DIFFERENT = {"id", "slug", "meta", "url", "html_url", "print_url", "last_published_at", "first_published_at"}
DIFFERENT |= {"external_id", "translation_key", "translations"}


def published_in_the_admin(library):
    """The same resource as CZECH, made as the page editor makes it."""
    page = ResourcePage(
        title="Kyberšikana ve škole",
        slug="kybersikana-admin",
        summary=CZECH["summary"],
        body="<p>První odstavec.</p><p>Druhý odstavec.</p>",
        external_url=CZECH["url"],
        resource_type=ResourceType.objects.get(slug="guide"),
        age_min=10,
        age_max=15,
        external_id="R-admin",
    )
    page.audiences = list(Audience.objects.filter(slug__in=["teachers", "parents"]))
    page.topics = list(Topic.objects.filter(slug="cyberbullying"))
    library.add_child(instance=page)
    page.save_revision().publish()
    return ResourcePage.objects.get(pk=page.pk)


def references(page):
    rows = ReferenceIndex.objects.filter(object_id=str(page.pk), base_content_type__model="page")
    return sorted(rows.values_list("content_type_id", "to_content_type_id", "to_object_id", "model_path"))


def comparable(body):
    return {key: value for key, value in body.items() if key not in DIFFERENT}


def test_a_page_imported_in_bulk_looks_like_one_published_in_the_admin(client, library, import_file, en):  # noqa: F811
    run(import_file([CZECH, ENGLISH, {**CZECH, "external_id": "R-2", "title": "Sexting"}]))
    bulk = ResourcePage.objects.get(external_id="R-1", locale=library.locale)
    admin = published_in_the_admin(library)

    # Wagtail: a sound tree, one revision both latest and live, the history of a publish.
    assert all(not problems for problems in Page.find_problems())
    library.refresh_from_db()
    assert library.numchild == library.get_children().count() == 3
    for page in (bulk, admin):
        assert page.live and not page.has_unpublished_changes and page.first_published_at
        assert page.latest_revision_id == page.live_revision_id and page.revisions.count() == 1
        assert page.url_path == f"{library.url_path}{page.slug}/"
        assert page.latest_revision.as_object().title == page.title
    assert {"wagtail.create", "wagtail.publish"} == set(
        PageLogEntry.objects.filter(page=bulk).values_list("action", flat=True)
    )
    assert references(bulk) == references(admin) and references(bulk)  # the type, audiences, topics

    # The API: the same answer but for the page's own identity.
    answers = [client.get(f"/api/v1/resources/{page.pk}/").json() for page in (bulk, admin)]
    assert comparable(answers[0]) == comparable(answers[1])
    listed = client.get("/api/v1/resources/?locale=cs").json()
    assert {bulk.pk, admin.pk} <= {item["id"] for item in listed["results"]}

    # Search: both found by the same words, in any Czech form.
    hits = client.get("/api/v1/search/?q=kybersikane&locale=cs").json()["results"]
    assert {bulk.pk, admin.pk} <= {hit["id"] for hit in hits}

    # wagtail-localize: the translation and the synchronised placeholder.
    english = ResourcePage.objects.get(external_id="R-1-en")
    assert english.get_parent().pk == library.get_translation(en).pk and english.live
    assert set(bulk.get_translations().values_list("pk", flat=True)) == {english.pk}
    placeholder = ResourcePage.objects.get(external_id="R-2", locale=en)
    made_by_wagtail = admin.copy_for_translation(en, copy_parents=True, alias=True)
    for alias, source in ((placeholder, ResourcePage.objects.get(external_id="R-2", locale=library.locale)),
                          (made_by_wagtail, admin)):  # fmt: skip
        alias = ResourcePage.objects.get(pk=alias.pk)
        assert (alias.alias_of_id, alias.translation_key, alias.live) == (source.pk, source.translation_key, True)
        assert alias.live_revision_id == source.live_revision_id and alias.latest_revision_id is None
        assert set(alias.topics.all()) == set(source.topics.all()) and not alias.has_unpublished_changes
    assert {"wagtail.create_alias"} == set(
        PageLogEntry.objects.filter(page=placeholder).values_list("action", flat=True)
    )
    assert all(not problems for problems in Page.find_problems())

    # The admin opens it for editing like any other page.
    client.force_login(UserFactory(username="editor", groups=["Editors"]))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[bulk.pk]))
    assert edit.status_code == 200 and edit.context["form"]["title"].value() == bulk.title


def test_slugs_taken_before_or_within_the_file_get_the_next_number(library, import_file):  # noqa: F811
    published_in_the_admin(library)
    ResourcePage.objects.filter(slug="kybersikana-admin").update(slug="kybersikana-ve-skole")
    run(import_file([CZECH, {**CZECH, "external_id": "R-2"}, {**CZECH, "external_id": "R-3"}]))
    imported = ResourcePage.objects.filter(external_id__in=["R-1", "R-2", "R-3"], locale=library.locale)
    slugs = imported.values_list("slug", flat=True)
    assert sorted(slugs) == ["kybersikana-ve-skole-2", "kybersikana-ve-skole-3", "kybersikana-ve-skole-4"]


def rows(count):
    return [{**CZECH, "external_id": f"R-{n}", "title": f"Materiál {n}"} for n in range(count)]


def test_a_batch_of_new_pages_costs_the_same_queries_whatever_its_size(library, import_file):  # noqa: F811
    def queries(count, prefix):
        path = import_file([{**row, "external_id": f"{prefix}{row['external_id']}"} for row in rows(count)])
        with CaptureQueriesContext(connection) as captured:
            import_resources(read_file(path))
        return len(captured)

    # What listens to page_published hears every page, in one batch (webhook subscriptions
    # looked up once, the API cache invalidated once).
    queries(1, "first")  # the library pages have children from now on (a leaf's are not asked for)
    small, large = queries(5, "a"), queries(25, "b")
    assert large == small, (small, large)


def test_a_large_file_may_commit_as_it_goes_and_continue_where_it_stopped(library, import_file, monkeypatch):  # noqa: F811
    path = import_file(rows(7))
    original = import_service._Writer.write_sources

    def fail_on_the_third_commit(self, batch):
        if self.committed >= 4:
            raise import_service.ResourceImportError([import_service.RowError(batch[0].line, "disk full")])
        return original(self, batch)

    monkeypatch.setattr(import_service._Writer, "write_sources", fail_on_the_third_commit)
    with pytest.raises(CommandError, match="Stopped after 4 rows were committed"):
        run(path, "--commit-every", "2", "--batch-size", "1")
    assert ResourcePage.objects.filter(locale=library.locale, external_id__startswith="R-").count() == 4

    monkeypatch.setattr(import_service._Writer, "write_sources", original)
    run(path, "--commit-every", "2")
    czech = ResourcePage.objects.filter(locale=library.locale, external_id__startswith="R-")
    assert czech.count() == 7 and ResourcePage.objects.filter(alias_of__in=czech).count() == 7
    assert all(not problems for problems in Page.find_problems())


@pytest.mark.parametrize("option", ["--batch-size", "--commit-every"])
def test_batch_options_must_be_positive(library, import_file, option):  # noqa: F811
    with pytest.raises(CommandError, match=f"{option}: invalid positive value"):
        run(import_file([CZECH]), option, "0")


def test_the_progress_counts_every_row_once(library, import_file):  # noqa: F811
    ticks = []
    import_resources(read_file(import_file(rows(3) + [ENGLISH])), progress=lambda: ticks.append(1))
    assert len(ticks) == 4


def test_without_an_english_library_page_the_translation_and_placeholder_make_one(library, import_file, en):  # noqa: F811
    library.get_translation(en).delete()
    run(import_file([CZECH, ENGLISH, {**CZECH, "external_id": "R-2", "title": "Sexting"}]))
    english = ResourcePage.objects.get(external_id="R-1-en")
    placeholder = ResourcePage.objects.get(external_id="R-2", locale=en)
    assert english.live and english.get_parent().specific.translation_key == library.translation_key
    assert placeholder.alias_of_id and placeholder.get_parent().pk == english.get_parent().pk
    assert all(not problems for problems in Page.find_problems())


def test_only_pages_of_one_model_that_inherits_page_directly_are_appended(library):
    from cms.core.bulk_pages import append_children

    with pytest.raises(TypeError):
        append_children(library, [ResourcePage(title="A", slug="a"), Page(title="B", slug="b")])
    assert append_children(library, []) == []


def test_an_import_invalidates_the_cached_api_answers_once(client, library, import_file, monkeypatch):  # noqa: F811
    from cms.core.api import caching

    before = client.get("/api/v1/resources/?locale=cs").json()["count"]
    bumps = []
    original = caching.memo.forget
    monkeypatch.setattr(caching.memo, "forget", lambda: bumps.append(1) or original())
    run(import_file(rows(4)))
    assert len(bumps) == 1  # one batch, one invalidation, not one a page
    assert client.get("/api/v1/resources/?locale=cs").json()["count"] == before + 4


def test_every_row_is_validated_once_to_check_and_once_to_write(library, import_file, monkeypatch):  # noqa: F811
    from resources.importing.validation import RowValidator

    calls, original = [], RowValidator.validate
    monkeypatch.setattr(RowValidator, "validate", lambda self, raw: calls.append(raw.line) or original(self, raw))
    extra = [{**CZECH, "external_id": f"X-{n}"} for n in range(2)]
    import_resources(read_file(import_file([CZECH, ENGLISH, *extra])))
    assert len(set(calls)) == 4 and all(calls.count(line) == 2 for line in calls)
