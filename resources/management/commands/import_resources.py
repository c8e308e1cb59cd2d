"""``manage.py import_resources FILE``: create or update resources from CSV or JSON Lines."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from resources.importing import ResourceImportError, import_resources, read_file, validate_rows
from resources.importing.indexing import refresh_planner_statistics
from resources.importing.service import BATCH_SIZE, Batches


def positive(value):
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Import resources from a CSV or JSON Lines file (columns: external_id, locale, title, "
        "summary, body, audiences, topics, resource_type, age_min, age_max, url, translation_of). "
        "Idempotent by external_id and all-or-nothing, unless --commit-every commits as it goes "
        "(then running the same file again continues where it stopped)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .csv or .jsonl file.")
        parser.add_argument(
            "--format", choices=["csv", "jsonl"], help="Override the format guessed from the file name."
        )
        parser.add_argument("--dry-run", action="store_true", help="Validate every row and write nothing.")
        parser.add_argument("--no-progress", action="store_true", help="Never show the progress bar.")
        parser.add_argument(
            "--batch-size",
            type=positive,
            default=BATCH_SIZE,
            help="Rows written together (default %(default)s); a bigger batch is faster and takes more memory.",
        )
        parser.add_argument(
            "--commit-every",
            type=positive,
            metavar="ROWS",
            help="Commit every ROWS rows instead of all or nothing: for very large files. After a failure "
            "the rows committed stay, and running the same file again continues from there.",
        )

    def handle(self, *args, **options):
        try:
            raw_rows = read_file(options["file"], options["format"])
            checked = validate_rows(raw_rows)  # every row, before anything is written
        except FileNotFoundError as exc:
            raise CommandError(_("No such file: %(path)s") % {"path": options["file"]}) from exc
        except ResourceImportError as exc:
            raise CommandError(self.describe(exc)) from exc

        if options["dry_run"]:
            message = ngettext(
                "%(count)s row is valid; nothing was written (--dry-run).",
                "%(count)s rows are valid; nothing was written (--dry-run).",
                checked.count,
            )
            self.stdout.write(self.style.SUCCESS(message % {"count": checked.count}))
            return
        show_bar = not options["no_progress"] and sys.stderr.isatty()
        # tqdm shows the rows written, rows per second and the time left.
        with tqdm(total=checked.count, unit="row", disable=not show_bar, file=sys.stderr) as bar:
            try:
                result = import_resources(
                    raw_rows,
                    checked=checked,
                    progress=lambda: bar.update(1),
                    batches=Batches(options["batch_size"], options["commit_every"]),
                )
            except ResourceImportError as exc:
                raise CommandError(self.describe(exc)) from exc

        if result.created or result.updated:
            refresh_planner_statistics()
        message = _(
            "Imported %(total)s rows: %(created)s created, %(updated)s updated, %(unchanged)s unchanged; "
            "%(aliases)s synchronised placeholders."
        )
        self.stdout.write(
            self.style.SUCCESS(
                message
                % {
                    "total": result.total,
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "aliases": result.aliases,
                }
            )
        )

    @staticmethod
    def describe(exc):
        count = len(exc.errors)
        if exc.committed:
            header = ngettext(
                "Stopped after %(rows)s rows were committed; fix the error and run the same file again "
                "to continue (%(count)s error):",
                "Stopped after %(rows)s rows were committed; fix the errors and run the same file again "
                "to continue (%(count)s errors):",
                count,
            ) % {"count": count, "rows": exc.committed}
            return "\n".join([header, *(f"  {error}" for error in exc.errors)])
        header = ngettext(
            "Nothing was imported; the file has %(count)s error:",
            "Nothing was imported; the file has %(count)s errors:",
            count,
        ) % {"count": count}
        return "\n".join([header, *(f"  {error}" for error in exc.errors)])
