"""Opening a spreadsheet an officer keeps: a header and rows of cells, from a CSV or an XLSX file.

Every file comes in through the guard of files from outside (db/store/outside.py): a regular
file, of at most 64 MB, whose sheet holds at most 100,000 rows, 256 columns, 3,000,000 filled
cells and 100,000 characters in a cell (docs/security.md). The file is read as a stream and
refused at the first limit reached, with its place ("row 100,001"), before the rest is read.

CSV files come from many programs and countries. The encoding is UTF-8 (with or without a byte
order mark), UTF-16 (Excel's "Unicode text"), or else the code page charset-normalizer finds when
it is one of another script (Cyrillic, Arabic, Greek, Hebrew, Thai, Chinese, Japanese, Korean:
what Excel writes on such a Windows), or else Windows-1252, a superset of Latin-1; the officer
may also choose the encoding (``encoding=``), which is then used as told; the delimiter is the one of comma, semicolon, tab or vertical bar that splits the header best; line
endings may be Windows', Unix's or old Macs'. XLSX files are read part by part
(db.exchange.spreadsheets.workbook), taking the values a spreadsheet program last computed (not
formulas) and date cells as dates. The header is the first row with at least two cells filled (a
title may stand above it), or the first row that is not empty; rows keep the numbers a
spreadsheet program shows, so that a problem names the row the officer sees.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from db.errors import FileRefused
from db.exchange.spreadsheets.columns import columns_of, record_kind
from db.exchange.spreadsheets.problems import SpreadsheetRefused, file_refused
from db.exchange.spreadsheets.workbook import Workbook, open_workbook, unpacked_opendocument
from db.i18n import translate
from db.schema.kinds import KINDS
from db.store.outside import limit, open_outside, refusing_failures

DELIMITERS = (",", ";", "\t", "|")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and password-protected workbooks
_CHUNK = 1024 * 1024
_NOT_WRITTEN = ",;\t|\"' \r\n\f\v"  # a file of these alone is empty
_SAMPLE = 65536  # characters read to find the delimiter
# Bytes that Windows-1252 leaves undefined: a file holding one is read as Latin-1.
_NOT_CP1252 = re.compile(b"[\x81\x8d\x8f\x90\x9d]")
_DETECTION_SAMPLE = 512 * 1024  # bytes the code page is guessed from
# Code pages of scripts other than Latin, as Python names them: charset-normalizer's guess is
# taken only among these, so that a Western file is read as Windows-1252 as before (a guess
# between Western code pages would only move accents around).
OTHER_SCRIPTS = frozenset(
    {
        "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp866", "cp855",
        "cp1256", "iso8859_6", "cp864", "cp720",
        "cp1253", "iso8859_7", "cp1255", "iso8859_8", "cp874", "tis_620",
        "gb18030", "gb2312", "gbk", "big5", "big5hkscs", "cp950",
        "shift_jis", "cp932", "euc_jp", "shift_jis_2004", "euc_jis_2004",
        "euc_kr", "cp949", "johab",
    }
)  # fmt: skip

Opener = Callable[[], contextlib.AbstractContextManager[BinaryIO]]


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
    """The letters a spreadsheet program names the column ``index`` (0 is A, 26 is AA) by,
    however far it lies."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def open_table(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    kind: str | None = None,
    encoding: str | None = None,
) -> Table:
    """Read a .csv or .xlsx file (told apart by their content, not only their extension).
    ``encoding`` (a name Python knows: "cp1251", "shift_jis") reads a CSV file in that encoding
    instead of the one found.

    For a workbook, ``sheet`` chooses the sheet; otherwise the sheet named like ``kind``
    ("organizations", as PartnerDesk's own export names them) when there is one, else the first.
    Raises SpreadsheetRefused (a ValidationError) for a file that cannot be read as a table, and
    FileRefused (a StorageError) for one the guard refuses or that cannot be read at all."""
    path = Path(path)

    def opened():
        return open_outside(path, translate("rules", "a spreadsheet"), limit("spreadsheet_bytes"))

    with refusing_failures(path):
        with opened() as stream:
            start = stream.peek(8)[:8]
            data = stream.read() if start.startswith(_ZIP) else None  # a workbook: at most 64 MB
        if data is not None:
            return read_xlsx(data, path.name, sheet=sheet, kind=kind)
        return _read(start, opened, path.name, encoding, sheet=sheet, kind=kind)


def read_bytes(
    data: bytes, source: str, *, sheet: str | None = None, kind: str | None = None
) -> Table:
    """A file's content already in memory (within the limits, as a file's would be)."""
    bytes_limit = limit("spreadsheet_bytes")
    if len(data) > bytes_limit.value:
        raise bytes_limit.too_large(source, len(data))
    if data.startswith(_ZIP):
        return read_xlsx(data, source, sheet=sheet, kind=kind)
    return _read(
        data[:8], lambda: contextlib.nullcontext(io.BytesIO(data)), source, sheet=sheet, kind=kind
    )


def _read(
    start: bytes,
    opened: Opener,
    source: str,
    encoding: str | None = None,
    *,
    sheet: str | None = None,
    kind: str | None = None,
) -> Table:
    """A file that is not a zip: an old Excel file (.xls, read by calamine), or a CSV file read
    as a stream."""
    if start.startswith(_OLE):
        with opened() as stream:
            data = stream.read()  # within the guard's limit of bytes
        return read_by_calamine(data, source, sheet=sheet, kind=kind)
    return read_csv(opened, source, encoding)


def read_by_calamine(
    data: bytes, source: str, *, sheet: str | None = None, kind: str | None = None
) -> Table:
    """An old Excel file (.xls) or an OpenDocument spreadsheet (.ods), read by calamine (a
    reader written in Rust) from bytes the guard has already bounded; its rows are counted
    against the limits as the sheet is walked. A password-protected workbook (an encrypted
    .xlsx is such a file too) is refused with what to do."""
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        raise _protected(source) from None
    except MemoryError:
        raise
    except Exception as exc:
        if data.startswith(_OLE):
            raise _protected(source) from exc  # an encrypted workbook is an OLE file too
        raise _damaged(source) from exc
    names = list(book.sheet_names)
    chosen = _choose_sheet(names, sheet, kind, source)
    counted = _Counted(source)
    try:
        table = _table(source, _calamine_rows(book, chosen, counted), sheet=chosen)
    except (FileRefused, SpreadsheetRefused, MemoryError):
        raise
    except Exception as exc:  # a damaged sheet
        raise _damaged(source) from exc
    table.sheet, table.sheets = chosen, names
    return table


def _calamine_rows(book, name: str, counted: _Counted) -> Iterator[tuple[int, list[Any]]]:
    found = book.get_sheet_by_name(name)
    start = found.start
    if start is None:  # an empty sheet
        return
    first_row, first_column = start
    for index, cells in enumerate(found.iter_rows()):
        values = [None] * first_column + [None if cell == "" else cell for cell in cells]
        yield counted.row(first_row + index + 1, values)


def _protected(source: str) -> SpreadsheetRefused:
    return file_refused(
        source,
        translate(
            "rules",
            "{file} is a password-protected workbook: open it in your spreadsheet program and "
            "save it without a password, as an Excel workbook (.xlsx) or as CSV.",
        ).format(file=source),
    )


# -- CSV ----------------------------------------------------------------------------------------------
def encoding_of(chunks: Iterable[bytes]) -> str:
    """The encoding of a CSV file, from its bytes read once: a byte order mark, else UTF-8 when
    every byte is, else the code page of another script that charset-normalizer finds in its
    first 512 KB, else Windows-1252 (Latin-1 when a byte is one Windows-1252 leaves out)."""
    chunks = iter(chunks)
    first = next(chunks, b"")
    if first.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    utf8 = codecs.getincrementaldecoder("utf-8")()
    is_utf8, is_cp1252 = True, True
    sample = bytearray()
    for chunk in itertools.chain([first], chunks):
        if len(sample) < _DETECTION_SAMPLE:
            sample += chunk[: _DETECTION_SAMPLE - len(sample)]
        if is_utf8:
            try:
                utf8.decode(chunk)
            except UnicodeDecodeError:
                is_utf8 = False
        if is_cp1252 and _NOT_CP1252.search(chunk):
            is_cp1252 = False
    if is_utf8:
        try:
            utf8.decode(b"", final=True)  # a character cut off at the end
            return "utf-8"
        except UnicodeDecodeError:
            pass
    return _other_script(bytes(sample)) or ("cp1252" if is_cp1252 else "latin-1")


def _other_script(sample: bytes) -> str | None:
    """The code page of a script other than Latin that ``sample`` is written in, if any."""
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return None
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    return name if name in OTHER_SCRIPTS else None


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK):
        yield chunk


def read_csv(opened: Opener | bytes, source: str, encoding: str | None = None) -> Table:
    """Read twice as a stream: once for the encoding (unless it is given), once for the rows,
    which are refused at the first limit reached."""
    if isinstance(opened, bytes):
        content = opened
        opened = lambda: contextlib.nullcontext(io.BytesIO(content))  # noqa: E731
    if encoding is None:
        with opened() as stream:
            encoding = encoding_of(_chunks(stream))
    else:
        encoding = _known(encoding, source)
    with opened() as stream:
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
        written: list[bool] = []  # whether any line holds more than delimiters and quotes
        lines = _text_lines(text, source, written)
        sample: list[str] = []
        size = 0
        for line in lines:
            sample.append(line)
            size += len(line)
            if size >= _SAMPLE:
                break
        delimiter = _delimiter("".join(sample))
        counted = _Counted(source, lengths=False)
        records = _csv_records(itertools.chain(sample, lines), delimiter, source, counted)
        table = _table(source, records)
        text.detach()
    if not written:
        raise file_refused(source, translate("rules", "{file} is empty.").format(file=source))
    table.encoding, table.delimiter = encoding, delimiter
    return table


def _known(encoding: str, source: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise file_refused(
            source,
            translate("rules", "{file} cannot be read as {encoding}: no such encoding.").format(
                file=source, encoding=encoding
            ),
        ) from None


def _text_lines(text: io.TextIOWrapper, source: str, written: list[bool]) -> Iterator[str]:
    for line in text:
        if not written and line.strip(_NOT_WRITTEN):
            written.append(True)
        if "\x00" in line:
            raise file_refused(
                source,
                translate(
                    "rules",
                    "{file} is not a CSV text file (it holds binary data). Save the spreadsheet "
                    "as CSV or as an Excel workbook (.xlsx).",
                ).format(file=source),
            )
        yield line


def _csv_records(
    lines: Iterable[str], delimiter: str, source: str, counted: _Counted
) -> Iterator[tuple[int, list[Any]]]:
    cell_limit = limit("cell_characters")
    previous = csv.field_size_limit(cell_limit.value)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    last_line = 0  # the line the last record read ended on
    number = 0
    try:
        for record in reader:
            number += 1
            last_line = reader.line_num
            yield counted.row(number, [cell if cell != "" else None for cell in record])
    except csv.Error as exc:
        line = last_line + 1
        if "field larger" in str(exc):
            raise cell_limit.refusal(
                source, translate("rules", "line {line}").format(line=f"{line:,}")
            ) from None
        if reader.line_num > line or "end of data" in str(exc):
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
    path = Path(path)
    with (
        refusing_failures(path),
        open_outside(
            path, translate("rules", "a spreadsheet"), limit("spreadsheet_bytes")
        ) as stream,
    ):
        data = stream.read()
    if data.startswith(_OLE) or (data.startswith(_ZIP) and unpacked_opendocument(data, path.name)):
        return read_by_calamine(data, path.name).sheets
    if not data.startswith(_ZIP):
        return []
    return _workbook(data, path.name).names


def _workbook(data: bytes, source: str) -> Workbook:
    try:
        return open_workbook(data, source)
    except (FileRefused, SpreadsheetRefused, MemoryError):
        raise
    except Exception as exc:  # zipfile, the XML parser and openpyxl raise many kinds of error
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
    """A zip: an Excel workbook (.xlsx), or an OpenDocument spreadsheet (.ods) read by
    calamine once the guard has unpacked each of its parts within the limits."""
    try:
        opendocument = unpacked_opendocument(data, source)
    except (FileRefused, SpreadsheetRefused, MemoryError):
        raise
    except Exception as exc:
        raise _damaged(source) from exc
    if opendocument:
        return read_by_calamine(data, source, sheet=sheet, kind=kind)
    workbook = _workbook(data, source)
    with workbook.archive:
        names = workbook.names
        chosen = _choose_sheet(names, sheet, kind, source)
        counted = _Counted(source)
        try:
            rows = (counted.row(number, cells) for number, cells in workbook.rows(chosen))
            table = _table(source, rows, sheet=chosen)
        except (FileRefused, SpreadsheetRefused, MemoryError):
            raise
        except Exception as exc:  # a damaged sheet inside a sound zip
            raise _damaged(source) from exc
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


class _Counted:
    """A sheet's rows counted against the limits as they are read; each row's blank cells at
    its end are dropped (a blank row is left empty)."""

    def __init__(self, source: str, *, lengths: bool = True):
        self.source = source
        self.rows, self.columns = limit("rows"), limit("columns")
        self.cells, self.characters = limit("cells"), limit("cell_characters")
        self.lengths = lengths  # False when the reader already refuses long cells (csv)
        self.filled = 0

    def row(self, number: int, cells: list[Any]) -> tuple[int, list[Any]]:
        while cells and _is_blank(cells[-1]):
            cells.pop()
        if not cells:
            return number, cells
        if number > self.rows.value:
            raise self.rows.refusal(self.source, _row_place(number))
        if len(cells) > self.columns.value:
            raise self.columns.refusal(self.source, _cell_place(number, len(cells) - 1, len(cells)))
        self.filled += len(cells) - cells.count(None)
        if self.filled > self.cells.value:
            raise self.cells.refusal(self.source, _row_place(number))
        if self.lengths:
            most = self.characters.value
            for index, cell in enumerate(cells):
                if isinstance(cell, str) and len(cell) > most:
                    raise self.characters.refusal(self.source, _cell_place(number, index))
        return number, cells


def _row_place(number: int) -> str:
    return translate("rules", "row {row}").format(row=f"{number:,}")


def _cell_place(number: int, index: int, count: int | None = None) -> str:
    place = translate("rules", "row {row}, column {column}").format(
        row=f"{number:,}", column=column_letter(index)
    )
    if count is not None:
        place = translate("rules", "{place} ({count} columns)").format(
            place=place, count=f"{count:,}"
        )
    return place


def _table(source: str, rows: Iterable[tuple[int, list[Any]]], sheet: str | None = None) -> Table:
    """The header and the rows under it, from the sheet's rows as they are read. The header is
    the first of the first 20 rows with anything in them to fill two cells or more (a title may
    stand above it), else the first of them; blank rows are left out."""
    rows = iter(rows)
    before: list[tuple[int, list[Any]]] = []  # rows with something in them, before the header
    header: tuple[int, list[Any]] | None = None
    for number, cells in rows:
        filled = sum(not _is_blank(v) for v in cells)
        if not filled:
            continue
        if filled >= 2:
            header = (number, cells)
            before = []
            break
        before.append((number, cells))
        if len(before) == 20:
            break
    if header is None:
        if not before:
            where = f"{source} ({sheet})" if sheet else source
            raise file_refused(source, translate("rules", "{file} is empty.").format(file=where))
        header, before = before[0], before[1:]
    following = next(((n, cells) for n, cells in rows if cells), None)
    if following is not None and not before and _field_names(following[1]):
        # PartnerDesk's export: the officer's labels, then the field names, which are read.
        header = following
    elif following is not None:
        before.append(following)
    names = [_header_text(v) for v in header[1]]
    while names and not names[-1]:
        names.pop()
    kept = before + [(n, cells) for n, cells in rows if cells]  # counted: a blank row is []
    return Table(source, names, kept, header_row=header[0])


def _field_names(cells: list[Any]) -> bool:
    """Whether a row names columns by their field names only (``name``, ``organization_id``)."""
    filled = [str(c).strip() for c in cells if not _is_blank(c)]
    return len(filled) >= 2 and all(text in _FIELD_NAMES for text in filled)


_FIELD_NAMES = frozenset(c.key for kind in KINDS for c in columns_of(kind.name))


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())
