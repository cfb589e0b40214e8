"""Opening a spreadsheet an officer keeps: a header and rows of cells, from a CSV or an XLSX file.

CSV files come from many programs and countries. The encoding is UTF-8 (with or without a byte
order mark), UTF-16 (Excel's "Unicode text"), or else Windows-1252, a superset of Latin-1; the
delimiter is the one of comma, semicolon, tab or vertical bar that splits the header best; line
endings may be Windows', Unix's or old Macs'. XLSX files are read with openpyxl in read-only
mode, taking the values a spreadsheet program last computed (not formulas) and date cells as
dates. The header is the first row with at least two cells filled (a title may stand above
it), or the first row that is not empty; rows keep the numbers a spreadsheet
program shows, so that a problem names the row the officer sees.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.errors import StorageError
from db.exchange.spreadsheets.columns import columns_of, record_kind
from db.exchange.spreadsheets.problems import SpreadsheetRefused, file_refused
from db.i18n import translate
from db.schema.kinds import KINDS
from db.store.connections import refuse_live_store_file

DELIMITERS = (",", ";", "\t", "|")
MAX_CELL = 16 * 1024 * 1024  # csv's default (128 KiB) would refuse a long mandate text
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and password-protected workbooks


@dataclass
class Table:
    """A sheet as read: the header's texts and the rows under it, each with its row number."""

    source: str  # the file's name, for messages
    header: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    header_row: int = 1
    encoding: str | None = None  # CSV only
    delimiter: str | None = None  # CSV only
    sheet: str | None = None  # XLSX only
    sheets: list[str] = field(default_factory=list)  # XLSX only: every sheet of the workbook

    def column_name(self, index: int) -> str:
        """How a problem names a column: its header, else its letter (G) as the program shows."""
        if index < len(self.header) and self.header[index]:
            return self.header[index]
        return column_letter(index)

    @property
    def width(self) -> int:
        return max([len(self.header), *(len(cells) for _n, cells in self.rows)])


def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def open_table(
    path: str | os.PathLike[str], *, sheet: str | None = None, kind: str | None = None
) -> Table:
    """Read a .csv or .xlsx file (told apart by their content, not only their extension).

    For a workbook, ``sheet`` chooses the sheet; otherwise the sheet named like ``kind``
    ("organizations", as PartnerDesk's own export names them) when there is one, else the first.
    Raises SpreadsheetRefused (a ValidationError) for a file that cannot be read as a table, and
    StorageError when the file itself cannot be read."""
    path = Path(path)
    refuse_live_store_file(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StorageError(
            translate("rules", "Cannot read {path}: {reason}.").format(
                path=path, reason=exc.strerror
            )
        ) from exc
    return read_bytes(data, path.name, sheet=sheet, kind=kind)


def read_bytes(
    data: bytes, source: str, *, sheet: str | None = None, kind: str | None = None
) -> Table:
    if data.startswith(_OLE):
        raise file_refused(
            source,
            translate(
                "rules",
                "{file} is an old Excel file (.xls) or a password-protected workbook: open it in "
                "your spreadsheet program and save it as an Excel workbook (.xlsx) or as CSV, "
                "without a password.",
            ).format(file=source),
        )
    if data.startswith(_ZIP):
        return read_xlsx(data, source, sheet=sheet, kind=kind)
    return read_csv(data, source)


# -- CSV ----------------------------------------------------------------------------------------------
def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # five bytes that Windows-1252 leaves undefined
        return data.decode("latin-1"), "latin-1"


def read_csv(data: bytes, source: str) -> Table:
    if not data.strip():
        raise file_refused(source, translate("rules", "{file} is empty.").format(file=source))
    text, encoding = decode(data)
    if not text.translate({ord(c): None for c in ",;\t|\"'"}).strip():
        raise file_refused(source, translate("rules", "{file} is empty.").format(file=source))
    if "\x00" in text:
        raise file_refused(
            source,
            translate(
                "rules",
                "{file} is not a CSV text file (it holds binary data). Save the spreadsheet as "
                "CSV or as an Excel workbook (.xlsx).",
            ).format(file=source),
        )
    delimiter = _delimiter(text)
    records = _csv_records(text, delimiter, source)
    table = _table(source, records)
    table.encoding, table.delimiter = encoding, delimiter
    return table


def _csv_records(text: str, delimiter: str, source: str) -> list[list[Any]]:
    previous = csv.field_size_limit(MAX_CELL)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[list[Any]] = []
    last_line = 0  # the line the last record read ended on
    try:
        for record in reader:
            records.append([cell if cell != "" else None for cell in record])
            last_line = reader.line_num
    except csv.Error as exc:
        line = last_line + 1
        if "field larger" in str(exc):
            message = translate("rules", "{file}: line {line} holds a cell that is too long.")
        elif reader.line_num > line or "end of data" in str(exc):
            message = translate(
                "rules",
                "{file}: the quoted cell that opens on line {line} is never closed: a quotation "
                "mark is missing.",
            )
        else:
            message = translate(
                "rules",
                "{file}: line {line} cannot be read: a quotation mark is misplaced (a cell that "
                "starts with one must end with one, and a quotation mark inside it is doubled).",
            )
        raise file_refused(source, message.format(file=source, line=line)) from None
    finally:
        csv.field_size_limit(previous)
    return records


def _delimiter(text: str) -> str:
    """The delimiter that splits the header into the most columns, the rows agreeing with it."""
    sample = text[:65536]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        try:
            widths = [len(r) for r, _ in zip(reader, range(50), strict=False) if any(r)]
        except csv.Error:
            continue
        if not widths or widths[0] < 2:
            continue
        agreeing = sum(1 for w in widths if w == widths[0])
        score = (agreeing, widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


# -- XLSX ---------------------------------------------------------------------------------------------
def sheet_names(path: str | os.PathLike[str]) -> list[str]:
    """The sheets of a workbook, for a dialog to offer (empty for a CSV file)."""
    refuse_live_store_file(path)
    data = Path(path).read_bytes()
    if not data.startswith(_ZIP):
        return []
    workbook = _load_workbook(data, Path(path).name)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _load_workbook(data: bytes, source: str):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
                raise file_refused(
                    source,
                    translate(
                        "rules",
                        "{file} is an OpenDocument spreadsheet (.ods): save it as an Excel "
                        "workbook (.xlsx) or as CSV.",
                    ).format(file=source),
                )
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except SpreadsheetRefused:
        raise
    except Exception as exc:  # openpyxl and its XML parser raise many kinds of error
        raise _damaged(source) from exc


def _damaged(source: str):
    return file_refused(
        source,
        translate(
            "rules",
            "{file} cannot be read as an Excel workbook (.xlsx): it is damaged or is another "
            "kind of file.",
        ).format(file=source),
    )


def read_xlsx(
    data: bytes, source: str, *, sheet: str | None = None, kind: str | None = None
) -> Table:
    workbook = _load_workbook(data, source)
    try:
        names = list(workbook.sheetnames)
        chosen = _choose_sheet(names, sheet, kind, source)
        worksheet = workbook[chosen]
        worksheet.reset_dimensions()  # some programs write wrong dimensions; read every row
        try:
            records = [list(row) for row in worksheet.iter_rows(values_only=True)]
        except Exception as exc:  # a damaged sheet inside a sound zip
            raise _damaged(source) from exc
    finally:
        workbook.close()
    table = _table(source, records, sheet=chosen)
    table.sheet, table.sheets = chosen, names
    return table


def _choose_sheet(names: list[str], sheet: str | None, kind: str | None, source: str) -> str:
    if sheet is not None:
        if sheet not in names:
            raise file_refused(
                source,
                translate("rules", "{file} has no sheet named “{sheet}” (it has: {names}).").format(
                    file=source, sheet=sheet, names=", ".join(names)
                ),
            )
        return sheet
    if kind:
        wanted = {record_kind(kind).key, record_kind(kind).name}
        for name in names:
            if name.strip().casefold() in wanted:
                return name
    if not names:
        raise _damaged(source)
    return names[0]


# -- both -----------------------------------------------------------------------------------------------
def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table(source: str, records: list[list[Any]], sheet: str | None = None) -> Table:
    filled = [(i, sum(not _is_blank(v) for v in r)) for i, r in enumerate(records)]
    filled = [(i, n) for i, n in filled if n][:20]
    # A title above the table ("Focal points 2026") fills one cell; the header fills several.
    header_index = next((i for i, n in filled if n >= 2), filled[0][0] if filled else None)
    if header_index is None:
        where = f"{source} ({sheet})" if sheet else source
        raise file_refused(source, translate("rules", "{file} is empty.").format(file=where))
    following = next(
        (i for i in range(header_index + 1, len(records)) if not all(map(_is_blank, records[i]))),
        None,
    )
    if following is not None and _field_names(records[following]):
        # PartnerDesk's export: the officer's labels, then the field names, which are read.
        header_index = following
    header = [_header_text(v) for v in records[header_index]]
    while header and not header[-1]:
        header.pop()
    rows = [
        (number, cells)
        for number, cells in enumerate(records[header_index + 1 :], start=header_index + 2)
        if not all(map(_is_blank, cells))
    ]
    return Table(source, header, rows, header_row=header_index + 1)


def _field_names(cells: list[Any]) -> bool:
    """Whether a row names columns by their field names only (``name``, ``organization_id``)."""
    filled = [str(c).strip() for c in cells if not _is_blank(c)]
    return len(filled) >= 2 and all(text in _FIELD_NAMES for text in filled)


_FIELD_NAMES = frozenset(c.key for kind in KINDS for c in columns_of(kind.name))


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())
