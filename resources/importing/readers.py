"""Readers for the two import formats, CSV with a header row and JSON Lines, as streams
of records."""

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from .errors import ResourceImportError, RowError

COLUMNS = (
    "external_id",
    "locale",
    "title",
    "summary",
    "body",
    "audiences",
    "topics",
    "resource_type",
    "age_min",
    "age_max",
    "url",
    "translation_of",
)
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}


@dataclass
class RawRow:
    """One record as read from the file, with the line where it starts."""

    line: int
    values: dict


def detect_format(path, requested=None):
    if requested:
        return requested
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ResourceImportError(
            [RowError(0, _("cannot tell the format from the file name; use --format csv or --format jsonl"))]
        )
    return fmt


class FileRows:
    """The records of a file, read lazily and again on every pass: an import holds one
    batch of rows in memory whatever the file's size. Iterating raises ResourceImportError
    on unreadable input, naming the line."""

    def __init__(self, path, fmt=None):
        self.path, self.fmt = path, detect_format(path, fmt)
        with open(path, "rb"):  # a missing file is an error now, not on the first pass
            pass

    def __iter__(self):
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as handle:
                yield from (read_csv(handle) if self.fmt == "csv" else read_jsonl(handle))
        except UnicodeDecodeError as exc:
            message = _("the file is not UTF-8 text (%(error)s)") % {"error": exc}
            raise ResourceImportError([RowError(0, message)]) from exc


def read_file(path, fmt=None):
    """The records of ``path`` (CSV or JSON Lines), re-readable; see ``FileRows``."""
    return FileRows(path, fmt)


def _check_columns(columns, line):
    unknown = [column for column in columns if column not in COLUMNS]
    if unknown:
        raise ResourceImportError(
            [
                RowError(
                    line,
                    _("unknown column; expected some of: %(columns)s") % {"columns": ", ".join(COLUMNS)},
                    column,
                    column,
                )
                for column in unknown
            ]
        )


def read_csv(handle):
    reader = csv.DictReader(handle)
    if not reader.fieldnames:
        raise ResourceImportError([RowError(1, _("the file is empty; the first line must name the columns"))])
    _check_columns([name.strip() for name in reader.fieldnames], 1)
    start = reader.line_num + 1
    try:
        for record in reader:
            if None in record:
                raise ResourceImportError([RowError(start, _("the row has more values than the header has columns"))])
            values = {key.strip(): (value or "").strip() for key, value in record.items()}
            if any(values.values()):
                yield RawRow(start, values)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ResourceImportError([RowError(reader.line_num, _("malformed CSV: %(error)s") % {"error": exc})]) from exc


def read_jsonl(handle):
    for number, text in enumerate(handle, start=1):
        if not text.strip():
            continue
        try:
            values = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ResourceImportError([RowError(number, _("invalid JSON: %(error)s") % {"error": exc.msg})]) from exc
        if not isinstance(values, dict):
            raise ResourceImportError([RowError(number, _("each line must be a JSON object"))])
        _check_columns(values.keys(), number)
        yield RawRow(number, values)
