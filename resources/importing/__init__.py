"""Resource import (DESIGN.md §4): stream a CSV or JSON Lines file, validate every row,
then create or update ResourcePages in batches, in one transaction unless told to commit
as it goes (docs/import.md)."""

from .errors import ResourceImportError, RowError
from .readers import COLUMNS, read_file
from .service import ImportResult, import_resources
from .validation import validate_rows

__all__ = [
    "COLUMNS",
    "ImportResult",
    "ResourceImportError",
    "RowError",
    "import_resources",
    "read_file",
    "validate_rows",
]
