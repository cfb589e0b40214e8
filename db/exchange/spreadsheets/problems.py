"""What is wrong with a spreadsheet, said the way an officer finds it: the row as the
spreadsheet program numbers it (the header is row 1), the column's header, and the reason."""

from __future__ import annotations

from dataclasses import dataclass

from db.errors import Problem, ValidationError
from db.i18n import translate


@dataclass(frozen=True)
class RowProblem:
    row: int  # as numbered in the file (header = row 1); 0 for the file as a whole
    column: str  # the column's header in the file; "" when the problem is the whole row's
    message: str

    def where(self) -> str:
        if self.row == 0:
            return "file"  # as the JSON import says it (the message names the file)
        if not self.column:
            return translate("rules", "row {row}").format(row=self.row)
        return translate("rules", "row {row}, column {column}").format(
            row=self.row, column=self.column
        )

    def __str__(self) -> str:
        if self.row == 0:
            return self.message
        return translate("rules", "{where}: {message}").format(
            where=self.where(), message=self.message
        )


class SpreadsheetRefused(ValidationError):
    """Nothing was imported. ``rows`` lists every problem by row and column; ``problems`` (as
    for every ValidationError) says the same as ``Problem`` objects, for generic handlers."""

    def __init__(self, rows: list[RowProblem], source: str = ""):
        self.rows = list(rows)
        self.source = source
        super().__init__([Problem(p.where(), p.message) for p in self.rows])


class Cancelled(Exception):
    """The officer cancelled: nothing was written."""


def file_refused(source: str, message: str) -> SpreadsheetRefused:
    return SpreadsheetRefused([RowProblem(0, "", message)], source)
