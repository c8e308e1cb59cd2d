"""``manage.py import_resources FILE``: create or update resources from CSV or JSON Lines."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from resources.importing import ResourceImportError, import_resources, read_file
from resources.importing.indexing import refresh_planner_statistics


class Command(BaseCommand):
    help = (
        "Import resources from a CSV or JSON Lines file (columns: external_id, locale, title, "
        "summary, body, audiences, topics, resource_type, age_min, age_max, url, translation_of). "
        "Idempotent by external_id and all-or-nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .csv or .jsonl file.")
        parser.add_argument(
            "--format", choices=["csv", "jsonl"], help="Override the format guessed from the file name."
        )
        parser.add_argument("--dry-run", action="store_true", help="Validate every row and write nothing.")
        parser.add_argument("--no-progress", action="store_true", help="Never show the progress bar.")

    def handle(self, *args, **options):
        try:
            raw_rows = read_file(options["file"], options["format"])
        except FileNotFoundError as exc:
            raise CommandError(_("No such file: %(path)s") % {"path": options["file"]}) from exc
        except ResourceImportError as exc:
            raise CommandError(self.describe(exc)) from exc

        show_bar = not options["no_progress"] and not options["dry_run"] and sys.stderr.isatty()
        with tqdm(total=len(raw_rows), unit="row", disable=not show_bar, file=sys.stderr) as bar:
            try:
                result = import_resources(raw_rows, dry_run=options["dry_run"], progress=lambda: bar.update(1))
            except ResourceImportError as exc:
                raise CommandError(self.describe(exc)) from exc

        if options["dry_run"]:
            message = ngettext(
                "%(count)s row is valid; nothing was written (--dry-run).",
                "%(count)s rows are valid; nothing was written (--dry-run).",
                len(raw_rows),
            )
            self.stdout.write(self.style.SUCCESS(message % {"count": len(raw_rows)}))
            return
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
        header = ngettext(
            "Nothing was imported; the file has %(count)s error:",
            "Nothing was imported; the file has %(count)s errors:",
            count,
        ) % {"count": count}
        return "\n".join([header, *(f"  {error}" for error in exc.errors)])
