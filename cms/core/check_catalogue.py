"""Check a gettext catalogue: every entry translated, none fuzzy, and it compiles.

Usage: python -m cms.core.check_catalogue locale/cs/LC_MESSAGES/django.po
"""

import sys
import tempfile

import polib


def problems(path):
    catalogue = polib.pofile(path)
    found = [f"untranslated: {entry.msgid!r}" for entry in catalogue.untranslated_entries()]
    found += [f"fuzzy: {entry.msgid!r}" for entry in catalogue.fuzzy_entries()]
    plural_forms = catalogue.metadata.get("Plural-Forms", "nplurals=2;")
    nplurals = int(plural_forms.split("nplurals=")[1].split(";")[0])
    for entry in catalogue.translated_entries():
        forms = [entry.msgstr_plural.get(index) for index in range(nplurals)]
        if entry.msgid_plural and not all(forms):
            found.append(f"missing plural form: {entry.msgid!r}")
    with tempfile.NamedTemporaryFile(suffix=".mo") as compiled:
        catalogue.save_as_mofile(compiled.name)
    return found


def main(paths):
    failed = False
    for path in paths:
        found = problems(path)
        for problem in found:
            print(f"{path}: {problem}")
        failed = failed or bool(found)
        if not found:
            print(f"{path}: complete")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
