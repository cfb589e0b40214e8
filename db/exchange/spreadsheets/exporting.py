"""Records out to spreadsheets: a list as the officer filtered it, to CSV or XLSX, and the whole
store to one workbook with a sheet per record kind.

The columns are those import reads (db.spreadsheets.columns), so that an exported sheet, edited,
comes back in. Two header rows: the fields' labels in the officer's language ("Relationship
status"), then the exchange format's field names (``status``), which import recognises and reads
the columns by; references are written as the record's name (or its id when the name is not
unique), a follow-up's source by its title, lists are separated by ``;``, choices in the officer's
words ("In force", which import reads back in English or French). CSV files are UTF-8 with a byte order mark (so that Excel reads
the accents), comma-separated, with Windows line endings; dates are YYYY-MM-DD. XLSX sheets
have a bold, frozen header row with filters, real date cells, and columns as wide as their
content (up to a limit).

No text is ever run as a formula. In a CSV file, which has no cell types, text that a
spreadsheet program would run as a formula goes through ``safe_cell`` and gets a leading
apostrophe (OWASP's advice for CSV injection); a phone number ("+41 22 717 91 11") holds nothing
to run and is written as it is. In a workbook every text is an explicit string cell, and one that
starts like a formula ("- item", "+41 22 …", "=x") also carries the quote-prefix style
(``written_as_text``): the program shows and keeps the text as typed, with no apostrophe in it.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from db.clock import today as clock_today
from db.exchange.spreadsheets.cells import FORMULA_STARTS, joined
from db.exchange.spreadsheets.columns import Column, columns_of, record_kind
from db.exchange.spreadsheets.problems import Cancelled, IsCancelled, Progress, report_progress
from db.exchange.spreadsheets.references import Names
from db.i18n import translate
from db.queries import listing
from db.records import shape
from db.schema.enums import SourceKind
from db.schema.fields import Choice, Count, Date, LocalDateTime, Ref
from db.schema.kinds import KINDS, RecordKind
from db.schema.words import choice_words
from db.store.engine import Store
from db.store.files import write_bytes_atomically, write_text_atomically
from db.store.sql import in_chunks

MIN_WIDTH, MAX_WIDTH = 8, 60
XLSX_CELL_LIMIT = 32_767  # characters; Excel refuses a file with a longer cell
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
YES = "yes"
# Characters that XML 1.0 (and so XLSX) cannot hold; a vertical tab from Word is a line break.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_BREAKS = re.compile(r"[\x0b\x0c]")


# Digits, spaces and the signs of a phone number, nothing a formula could call or refer to.
_PHONE = re.compile(r"\+?[0-9 ()./\-\u00a0]+")


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
    carriage return) gets a leading apostrophe, so that it is shown as the text it is. A phone
    number (+41 22 717 91 11) holds no function nor reference and is left as it is. Other
    values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PHONE.fullmatch(value):
        return "'" + value
    return value


def written_as_text(cell: Any) -> Any:
    """An openpyxl cell holding text made an explicit string cell; text that starts like a
    formula also gets the quote-prefix style, which spreadsheet programs keep when the cell is
    edited (as they keep an apostrophe typed before it), without the apostrophe in the value."""
    if isinstance(cell.value, str):
        cell.data_type = "s"  # openpyxl would make "=…" a formula
        if cell.value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell


# -- what a sheet holds ----------------------------------------------------------------------------------
class Sheet:
    """The header and rows of one kind's records, as Python values (dates as ``date``)."""

    def __init__(self, session: Session, kind_name: str, ids: Sequence[str]):
        self.kind: RecordKind = record_kind(kind_name)
        self.columns: tuple[Column, ...] = columns_of(self.kind.name)
        self.header = [c.key for c in self.columns]
        self.labels = [c.shown for c in self.columns]  # the officer's header, above the names
        self.ids = list(ids)
        self._session = session
        targets = {c.target for c in self.columns if c.target}
        if self.kind.name == "follow_up":  # a follow-up's source, by its title
            targets |= {k.value for k in SourceKind}
        self._names = {target: Names.load(session, target) for target in targets}

    def __len__(self) -> int:
        return len(self.ids)

    def rows(self) -> Iterator[list[Any]]:
        """Each record's cells, in the order of the ids, a chunk at a time (text as stored: each
        format keeps it from being run as a formula its own way)."""
        for chunk in in_chunks(self.ids):
            found = {v["id"]: v for v in shape.read_many(self._session, self.kind, chunk)}
            for record_id in chunk:
                if record_id in found:
                    yield [self._cell(c, found[record_id]) for c in self.columns]

    def _cell(self, column: Column, values: dict[str, Any]) -> Any:
        if column.role == "id":
            return values["id"]
        if column.role == "archived":
            return YES if values.get("archived") else None
        value = values.get(column.field)
        if column.role == "list":
            return joined([self._item(column, v) for v in value or []]) or None
        if column.role in ("parts", "part"):
            items = [self._item(column, part.get(column.part)) for part in value or []]
            return joined(items) if any(items) else None
        if column.key == "source_id" and value:
            names = self._names.get(values.get("source_kind") or "")
            return names.written(value) if names is not None else value
        if isinstance(column.spec, Ref):
            return self._reference(column, value)
        if isinstance(column.spec, Choice):
            return choice_words(value)
        if isinstance(column.spec, LocalDateTime) and value:
            return _local_datetime(value)
        if value is True:
            return YES
        if value is False:
            return None
        return value

    def _item(self, column: Column, value: Any) -> str:
        """One value of a cell that holds several."""
        if value is None:
            return ""
        if isinstance(column.spec, Ref):
            return self._reference(column, value) or ""
        if isinstance(column.spec, Choice):
            return choice_words(value) or ""
        if isinstance(value, date):
            return value.isoformat()
        return str(value)

    def _reference(self, column: Column, record_id: str | None) -> str | None:
        names = self._names.get(column.target)
        return names.written(record_id) if names is not None else record_id

    def kinds_of_cells(self) -> list[str]:
        """How each column's cells are written in a workbook: date, datetime, number or text."""
        found = []
        for column in self.columns:
            spec = column.spec
            if column.role == "value" and isinstance(spec, Date):
                found.append("date")
            elif column.role == "value" and isinstance(spec, LocalDateTime):
                found.append("datetime")
            elif column.role == "value" and isinstance(spec, Count):
                found.append("number")
            else:
                found.append("text")
        return found


def _local_datetime(value: str) -> datetime | str:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)  # local time, as entered
    except ValueError:
        return value


# -- which records ----------------------------------------------------------------------------------------
def list_ids(
    store: Store, kind_name: str, flt: listing.ListFilter | None = None, today: date | None = None
) -> list[str]:
    """The ids of a list as the window shows it (filtered and sorted by ``flt``). Thematic
    areas, which the window shows as a tree, come in tree order."""
    kind = record_kind(kind_name)
    flt = flt or listing.ListFilter()
    with store.reading() as session:
        if kind.name not in listing.SPECS:
            tree = listing.area_tree(session, include_archived=flt.archived)
            return [node.id for node in tree if node.archived == flt.archived]
        return listing.matching_ids(session, kind.name, flt, today or clock_today())


def all_ids(session: Session, kind_name: str, today: date | None = None) -> list[str]:
    """Every record of a kind: current ones in their list's order, then archived ones."""
    kind = record_kind(kind_name)
    if kind.name not in listing.SPECS:  # thematic areas: in tree order
        return [node.id for node in listing.area_tree(session, include_archived=True)]
    day = today or clock_today()
    current = listing.matching_ids(session, kind.name, listing.ListFilter(), day)
    archived = listing.matching_ids(session, kind.name, listing.ListFilter(archived=True), day)
    return current + archived


# -- CSV --------------------------------------------------------------------------------------------------
def csv_text(
    sheet: Sheet, progress: Progress | None = None, cancelled: IsCancelled | None = None
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(safe_cell(h) for h in sheet.labels)
    writer.writerow(safe_cell(h) for h in sheet.header)
    for done, row in enumerate(sheet.rows(), start=1):
        _stop_if(cancelled)
        writer.writerow(safe_cell(_csv_value(v)) for v in row)
        report_progress(progress, done, len(sheet))
    return "\ufeff" + out.getvalue()


def _csv_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def write_csv(
    store: Store,
    kind_name: str,
    ids: Sequence[str],
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """Write the records ``ids`` (in that order) to a CSV file; returns how many."""
    with store.reading() as session:
        sheet = Sheet(session, kind_name, ids)
        content = csv_text(sheet, progress, cancelled)
    write_text_atomically(Path(path), content)
    return len(sheet)


# -- XLSX -------------------------------------------------------------------------------------------------
def write_xlsx(
    store: Store,
    kind_name: str,
    ids: Sequence[str],
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """Write the records ``ids`` (in that order) to a workbook of one sheet; returns how many."""
    with store.reading() as session:
        sheet = Sheet(session, kind_name, ids)
        workbook = _workbook()
        _add_sheet(workbook, sheet, progress, cancelled)
        _save(workbook, Path(path))
    return len(sheet)


def write_workbook(
    store: Store,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> dict[str, int]:
    """The whole store, archived records included (marked in their ``archived`` column), to
    one workbook: a sheet per record kind, named like the exchange document's lists. Returns
    the number of records per sheet."""
    counts: dict[str, int] = {}
    with store.reading() as session:
        sheets = [Sheet(session, kind.name, all_ids(session, kind.name)) for kind in KINDS]
        total = sum(len(s) for s in sheets)
        workbook = _workbook()
        done = 0
        for sheet in sheets:

            def sheet_progress(n: int, _of: int, before: int = done) -> None:
                if progress is not None:
                    progress(before + n, total)

            _add_sheet(workbook, sheet, sheet_progress, cancelled)
            done += len(sheet)
            counts[sheet.kind.key] = len(sheet)
        _save(workbook, Path(path))
    return counts


def export_list(
    store: Store,
    kind_name: str,
    ids: Sequence[str],
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """A list to .csv or .xlsx, as the file's extension says."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return write_csv(store, kind_name, ids, path, progress=progress, cancelled=cancelled)
    if suffix == ".xlsx":
        return write_xlsx(store, kind_name, ids, path, progress=progress, cancelled=cancelled)
    raise ValueError(f"a list is exported to .csv or .xlsx, not {suffix or 'a file without one'}")


def _workbook():
    from openpyxl import Workbook

    return Workbook(write_only=True)


def _add_sheet(
    workbook, sheet: Sheet, progress: Progress | None, cancelled: IsCancelled | None
) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    worksheet = workbook.create_sheet(sheet.kind.key)
    kinds = sheet.kinds_of_cells()
    rows = []
    widths = [
        max(len(h), len(label)) + 3 for h, label in zip(sheet.header, sheet.labels, strict=True)
    ]
    for done, row in enumerate(sheet.rows(), start=1):
        _stop_if(cancelled)
        row = [_xlsx_value(v) for v in row]
        for i, value in enumerate(row):
            widths[i] = max(widths[i], _width(value))
        rows.append(row)
        report_progress(progress, done, len(sheet))
    for i, width in enumerate(widths):
        letter = get_column_letter(i + 1)
        worksheet.column_dimensions[letter].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    worksheet.freeze_panes = "A3"
    last = get_column_letter(len(sheet.header))
    worksheet.auto_filter.ref = f"A2:{last}{len(rows) + 2}"
    for texts, font in (
        (sheet.labels, Font(bold=True)),
        (sheet.header, Font(italic=True, color="666666", size=9)),  # what import reads
    ):
        header = []
        for text in texts:
            cell = written_as_text(WriteOnlyCell(worksheet, value=text))
            cell.font = font
            header.append(cell)
        worksheet.append(header)
    formats = {"date": DATE_FORMAT, "datetime": DATETIME_FORMAT}
    for row in rows:
        cells = []
        for value, kind in zip(row, kinds, strict=True):
            if kind in formats and isinstance(value, date):
                cell = WriteOnlyCell(worksheet, value=value)
                cell.number_format = formats[kind]
                cells.append(cell)
            elif isinstance(value, str):
                cells.append(written_as_text(WriteOnlyCell(worksheet, value=value)))
            else:
                cells.append(value)
        worksheet.append(cells)


def _xlsx_value(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = _XML_ILLEGAL.sub("", _BREAKS.sub("\n", value))
    if len(value) > XLSX_CELL_LIMIT:
        value = value[: XLSX_CELL_LIMIT - 1] + "…"
    return value


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _save(workbook, path: Path) -> None:
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes_atomically(path, buffer.getvalue())


# -- small helpers ----------------------------------------------------------------------------------------
def _stop_if(cancelled: IsCancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled(translate("rules", "The export was cancelled: no file was written."))
