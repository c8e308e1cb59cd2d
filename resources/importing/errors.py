"""Import errors that name the line, the column and the bad value."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class RowError:
    line: int
    message: str
    column: str | None = None
    value: object = None

    def __str__(self):
        where = _("line %(line)s") % {"line": self.line}
        if self.column:
            where += ", " + _('column "%(column)s"') % {"column": self.column}
        return f"{where}: {self.message}"


class ResourceImportError(Exception):
    """Raised when the file cannot be imported. Nothing has been written, unless the import
    commits as it goes (``commit_every``): ``committed`` rows were written before it stopped."""

    def __init__(self, errors, committed=0):
        self.errors = list(errors)
        self.committed = committed
        super().__init__("\n".join(str(error) for error in self.errors))
