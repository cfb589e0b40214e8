"""What is wrong with a spreadsheet, said the way an officer finds it: the row as the
spreadsheet program numbers it (the header is row 1), the column's header, and the reason."""

from __future__ import annotations

from collections.abc import Callable
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


Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class Cancelled(Exception):
    """The officer cancelled: nothing was written."""


def file_refused(source: str, message: str) -> SpreadsheetRefused:
    return SpreadsheetRefused([RowProblem(0, "", message)], source)


def stop_if(cancelled: IsCancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled(translate("rules", "The import was cancelled: nothing was imported."))


def report_progress(progress: Progress | None, done: int, total: int) -> None:
    """Calls progress about 200 times in all, and at the end, not once per row."""
    if progress is not None and (done == total or done % max(1, -(-total // 200)) == 0):
        progress(done, total)
