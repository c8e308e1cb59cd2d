"""``manage.py import_resources``: CSV and JSON Lines, idempotent, all-or-nothing."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Page, Revision

from resources.importing import COLUMNS
from resources.models import ResourcePage

CZECH = {
    "external_id": "R-1",
    "locale": "cs",
    "title": "Kyberšikana ve škole",
    "summary": "Jak kyberšikanu poznat a řešit.",
    "body": "První odstavec.\n\nDruhý odstavec.",
    "audiences": "teachers,parents",
    "topics": "cyberbullying",
    "resource_type": "guide",
    "age_min": "10",
    "age_max": "15",
    "url": "https://example.org/kybersikana",
    "translation_of": "",
}
ENGLISH = {
    "external_id": "R-1-en",
    "locale": "en",
    "title": "Cyberbullying at school",
    "summary": "How to recognise and handle cyberbullying.",
    "body": "<p>First paragraph.</p>",
    "translation_of": "R-1",
}


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in COLUMNS})
    return path


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def run(path, *args):
    with translation.override("en"):
        return call_command("import_resources", str(path), *args, "--no-progress")


def database_state():
    return (
        list(Page.objects.order_by("pk").values_list("pk", "title", "live", "locale_id", "alias_of_id")),
        Revision.objects.count(),
    )


@pytest.fixture
def import_file(tmp_path):
    return lambda rows, name="resources.csv": (write_csv if name.endswith(".csv") else write_jsonl)(
        tmp_path / name, rows
    )


@pytest.mark.parametrize("name", ["resources.csv", "resources.jsonl"])
def test_import_creates_published_resources_with_their_translation(library, import_file, en, name):
    run(import_file([CZECH, ENGLISH], name))

    czech = ResourcePage.objects.get(external_id="R-1", locale=library.locale)
    english = ResourcePage.objects.get(external_id="R-1-en", locale=en)
    assert czech.live and english.live
    assert czech.get_parent().pk == library.pk
    assert english.translation_key == czech.translation_key
    assert english.get_parent().pk == library.get_translation(en).pk
    assert sorted(czech.audiences.values_list("slug", flat=True)) == ["parents", "teachers"]
    assert (czech.age_min, czech.age_max, czech.resource_type.slug) == (10, 15, "guide")
    assert czech.external_url == "https://example.org/kybersikana"
    assert czech.body == "<p>První odstavec.</p><p>Druhý odstavec.</p>"
    assert czech.slug == "kybersikana-ve-skole"
    # A translation row without classification takes it from its source.
    assert list(english.topics.values_list("slug", flat=True)) == ["cyberbullying"]
    assert (english.age_min, english.age_max, english.resource_type_id) == (10, 15, czech.resource_type_id)


def test_lists_may_be_json_arrays_in_json_lines(library, import_file):
    run(import_file([{**CZECH, "audiences": ["children", "teachers"], "age_min": 6, "age_max": 9}], "r.jsonl"))
    page = ResourcePage.objects.get(external_id="R-1", locale__language_code="cs")
    assert sorted(page.audiences.values_list("slug", flat=True)) == ["children", "teachers"]
    assert (page.age_min, page.age_max) == (6, 9)


def test_importing_the_same_file_twice_changes_nothing(library, import_file):
    path = import_file([CZECH, ENGLISH])
    run(path)
    before = database_state()
    run(path)
    assert database_state() == before


def test_reimport_updates_the_resource_in_place(library, import_file):
    run(import_file([CZECH]))
    page = ResourcePage.objects.get(external_id="R-1", locale__language_code="cs")
    run(import_file([{**CZECH, "title": "Kyberšikana: nová verze", "topics": "cyberbullying,relationships"}]))
    page.refresh_from_db()
    assert page.title == "Kyberšikana: nová verze"
    assert page.slug == "kybersikana-ve-skole"  # addresses stay stable
    assert sorted(page.topics.values_list("slug", flat=True)) == ["cyberbullying", "relationships"]
    assert ResourcePage.objects.filter(external_id="R-1", locale=library.locale).count() == 1


def test_a_translation_may_come_before_its_source_in_the_file(library, import_file, en):
    run(import_file([ENGLISH, CZECH]))
    assert ResourcePage.objects.get(external_id="R-1-en").translation_key == (
        ResourcePage.objects.get(external_id="R-1", locale__language_code="cs").translation_key
    )


def test_a_translation_may_point_at_a_resource_imported_earlier(library, import_file):
    run(import_file([CZECH]))
    run(import_file([ENGLISH]))
    assert ResourcePage.objects.get(external_id="R-1-en").translation_key == (
        ResourcePage.objects.get(external_id="R-1", locale__language_code="cs").translation_key
    )


def test_untranslated_resources_get_a_synchronised_english_placeholder(library, import_file, en):
    run(import_file([CZECH]))
    czech = ResourcePage.objects.get(external_id="R-1", locale=library.locale)
    placeholder = ResourcePage.objects.get(translation_key=czech.translation_key, locale=en)
    assert placeholder.alias_of_id == czech.pk

    # Importing the translation later turns the placeholder into the real translation.
    run(import_file([ENGLISH]))
    placeholder.refresh_from_db()
    assert placeholder.alias_of_id is None
    assert placeholder.title == "Cyberbullying at school"
    assert ResourcePage.objects.filter(translation_key=czech.translation_key).count() == 2


def test_dry_run_validates_and_writes_nothing(library, import_file, capsys):
    before = database_state()
    run(import_file([CZECH, ENGLISH]), "--dry-run")
    assert database_state() == before
    assert "2 rows are valid" in capsys.readouterr().out


def test_command_reports_what_it_did(library, import_file, capsys):
    path = import_file([CZECH, ENGLISH])
    run(path)
    assert "2 created, 0 updated, 0 unchanged" in capsys.readouterr().out
    run(path)
    assert "0 created, 0 updated, 2 unchanged" in capsys.readouterr().out


BAD_ROWS = [
    ({"topics": "cyberbulying"}, 'line 3, column "topics": unknown slug "cyberbulying"; did you mean "cyberbullying"?'),
    ({"audiences": "aliens"}, 'line 3, column "audiences": unknown slug "aliens"'),
    ({"resource_type": "book"}, 'line 3, column "resource_type": unknown slug "book"'),
    ({"resource_type": ""}, 'line 3, column "resource_type": a value is required'),
    ({"locale": "de"}, 'line 3, column "locale": unknown locale "de"; known: cs, en'),
    ({"age_min": "120"}, 'line 3, column "age_min": age 120 is out of range 0–99'),
    ({"age_max": "-1"}, 'line 3, column "age_max": age -1 is out of range 0–99'),
    ({"age_min": "ten"}, 'line 3, column "age_min": "ten" is not a whole number'),
    ({"age_min": "12", "age_max": "8"}, 'line 3, column "age_max": age_max 8 is lower than age_min 12'),
    ({"title": ""}, 'line 3, column "title": a value is required'),
    ({"summary": "  "}, 'line 3, column "summary": a value is required'),
    ({"url": "javascript:alert(1)"}, 'line 3, column "url": not a valid http(s) address'),
    (
        {"translation_of": "NOPE"},
        'line 3, column "translation_of": no resource with external_id "NOPE" in another language',
    ),
    ({"translation_of": "R-0"}, 'line 3, column "translation_of": "R-0" is in the same locale as this row'),
    ({"external_id": "R-0"}, 'line 3, column "external_id": duplicate of line 2 (same external_id and locale)'),
]


@pytest.mark.parametrize("change, message", BAD_ROWS, ids=[message.split(": ", 1)[1][:40] for _, message in BAD_ROWS])
def test_a_bad_row_stops_the_import_naming_line_column_and_value(library, import_file, change, message):
    good = {**CZECH, "external_id": "R-0", "title": "Dobrý řádek", "body": "Jeden řádek."}
    before = database_state()
    with pytest.raises(CommandError) as error:
        run(import_file([good, {**CZECH, "body": "Jeden řádek.", **change}]))
    assert message in str(error.value)
    assert "Nothing was imported" in str(error.value)
    assert database_state() == before


def test_every_bad_row_is_reported_at_once(library, import_file):
    with pytest.raises(CommandError) as error:
        run(import_file([{**CZECH, "topics": "x"}, {**CZECH, "external_id": "R-2", "locale": "xx"}]))
    assert "2 errors" in str(error.value)
    # The first record spans lines 2–4 (its body has a blank line), so the second starts on line 5.
    assert 'line 2, column "topics"' in str(error.value)
    assert 'line 5, column "locale"' in str(error.value)


def test_jsonl_errors_name_the_physical_line(library, tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(CZECH) + "\n\n" + json.dumps({**CZECH, "external_id": "R-2", "age_max": 300}) + "\n")
    with pytest.raises(CommandError) as error:
        run(path)
    assert 'line 3, column "age_max": age 300 is out of range' in str(error.value)


def test_invalid_json_is_reported_with_its_line(library, tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(CZECH) + "\n{not json\n")
    with pytest.raises(CommandError, match="line 2: invalid JSON"):
        run(path)


def test_unknown_csv_column_is_rejected(library, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("external_id,locale,title,colour\nR-1,cs,Název,red\n")
    with pytest.raises(CommandError, match='line 1, column "colour": unknown column'):
        run(path)


def test_unknown_file_type_and_missing_file_are_clear_errors(library, tmp_path):
    with pytest.raises(CommandError, match="--format csv or --format jsonl"):
        run(tmp_path / "r.xlsx")
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "missing.csv")


def test_a_failure_while_writing_rolls_back_every_row(library, import_file, monkeypatch):
    """Rows that were already written are undone when a later row fails to save."""
    from resources.importing import service

    original = service._Writer.write_sources

    def fail_on_second(self, rows):
        if any(row.external_id == "R-2" for row in rows):
            raise RuntimeError("disk full")
        return original(self, rows)

    monkeypatch.setattr(service._Writer, "write_sources", fail_on_second)
    before = database_state()
    with pytest.raises(RuntimeError):
        run(import_file([CZECH, {**CZECH, "external_id": "R-2", "title": "Druhý"}]), "--batch-size", "1")
    assert database_state() == before


def test_missing_library_page_is_reported_before_writing(home, import_file):
    with pytest.raises(CommandError, match='no resource library page in locale "cs"'):
        run(import_file([CZECH]))


def test_rich_text_body_keeps_only_allowed_markup(library, import_file):
    run(import_file([{**CZECH, "body": '<p>Text <b>tučně</b><script>alert(1)</script></p><img src="x">'}]))
    body = ResourcePage.objects.get(external_id="R-1", locale__language_code="cs").body
    assert "<script>" not in body and "<img" not in body
    assert "<b>tučně</b>" in body


def test_errors_are_reported_in_czech_for_a_czech_operator(library, import_file):
    with translation.override("cs"), pytest.raises(CommandError) as error:
        call_command("import_resources", str(import_file([{**CZECH, "topics": "sikana"}])), "--no-progress")
    assert "Nic nebylo importováno" in str(error.value)
    assert "řádek 2, sloupec „topics“: neznámý identifikátor „sikana“" in str(error.value)


def test_imported_resources_are_searchable_and_in_the_reference_index(library, import_file):
    from wagtail.models import ReferenceIndex

    from resources.models import ResourceType

    run(import_file([CZECH]))
    page = ResourcePage.objects.get(external_id="R-1", locale=library.locale)
    assert page in ResourcePage.objects.live().search("Kyberšikana")
    references = ReferenceIndex.get_references_to(ResourceType.objects.get(slug="guide"))
    assert page.pk in {int(reference.object_id) for reference in references}


def test_postgresql_statistics_are_refreshed_after_an_import(library, import_file):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    path = import_file([CZECH])
    with CaptureQueriesContext(connection) as queries:
        run(path)
    analysed = [query["sql"] for query in queries if query["sql"].startswith("ANALYZE")]
    if connection.vendor == "postgresql":
        assert len(analysed) == 1 and '"resources_resourcepage"' in analysed[0]
    else:
        assert analysed == []
    with CaptureQueriesContext(connection) as queries:
        run(path)  # nothing changed: nothing to analyse
    assert not any(query["sql"].startswith("ANALYZE") for query in queries)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("r.csv", "external_id,title\nR-1,Název\n".encode("cp1250") + "Šikana".encode("cp1250"), "not UTF-8 text"),
        ("r.csv", b"external_id,title\nR-1,Title,surplus\n", "line 2: the row has more values than the header"),
        ("r.csv", b"external_id,title\nR-1," + b"x" * 200_000 + b"\n", "malformed CSV: field larger than field limit"),
        ("r.csv", b"", "line 1: the file is empty"),
        ("r.jsonl", b'["R-1", "cs"]\n', "line 1: each line must be a JSON object"),
    ],
    ids=["not-utf8", "extra-value", "huge-field", "empty", "json-array"],
)
def test_unreadable_files_are_refused_with_the_reason(library, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = database_state()
    with pytest.raises(CommandError, match=message):
        run(path)
    assert database_state() == before


def test_blank_csv_rows_are_skipped_and_lines_still_counted(library, tmp_path):
    """A row of empty cells (a spreadsheet's trailing line) is no resource; errors after it
    still name the physical line (the first row's body spans lines 2-4, the blank row is 5)."""
    path = write_csv(tmp_path / "r.csv", [CZECH, {}, {**CZECH, "external_id": "R-2", "age_min": "x"}])
    with pytest.raises(CommandError, match='line 6, column "age_min"'):
        run(path)


def test_the_format_may_be_given_for_any_file_name(library, tmp_path):
    path = write_jsonl(tmp_path / "export.txt", [CZECH])
    run(path, "--format", "jsonl")
    assert ResourcePage.objects.filter(external_id="R-1").exists()
