"""``python -m cms.core.check_catalogue``: CI's check that the Czech catalogue is complete."""

from cms.core import check_catalogue
from tests.servers import PROJECT

HEADER = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=4; plural=(n == 1) ? 0 : (n >= 2 && n <= 4) ? 1 : (n % 1 != 0) ? 2 : 3;\n"

"""

COMPLETE = """msgid "Report"
msgstr "Nahlásit"

msgid "%(count)s case"
msgid_plural "%(count)s cases"
msgstr[0] "%(count)s případ"
msgstr[1] "%(count)s případy"
msgstr[2] "%(count)s případu"
msgstr[3] "%(count)s případů"
"""


def catalogue(tmp_path, body):
    path = tmp_path / "django.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return str(path)


def test_a_complete_catalogue_passes(tmp_path, capsys):
    path = catalogue(tmp_path, COMPLETE)
    assert check_catalogue.main([path]) == 0
    assert capsys.readouterr().out == f"{path}: complete\n"


def test_each_gap_is_named(tmp_path, capsys):
    # Two forms where Czech has four (a catalogue copied from English): polib calls it translated.
    plural = COMPLETE.replace('msgstr[2] "%(count)s případu"\nmsgstr[3] "%(count)s případů"\n', "")
    body = plural + ('\nmsgid "Close"\nmsgstr ""\n\n#, fuzzy\nmsgid "Open"\nmsgstr "Otevřít"\n')
    path = catalogue(tmp_path, body)
    assert check_catalogue.main([path]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: untranslated: 'Close'",
        f"{path}: fuzzy: 'Open'",
        f"{path}: missing plural form: '%(count)s case'",
    ]


def test_one_bad_catalogue_of_several_fails_the_run(tmp_path, capsys):
    good = catalogue(tmp_path, COMPLETE)
    bad_directory = tmp_path / "bad"
    bad_directory.mkdir()
    bad = catalogue(bad_directory, 'msgid "Close"\nmsgstr ""\n')
    assert check_catalogue.main([bad, good]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{bad}: untranslated: 'Close'", f"{good}: complete"]


def test_the_projects_czech_catalogue_is_complete():
    assert check_catalogue.problems(str(PROJECT / "locale" / "cs" / "LC_MESSAGES" / "django.po")) == []
