"""An XLSX workbook from outside, read part by part within the limits of db/store/outside.py.

openpyxl's loading makes an object of everything a workbook declares (every style, name and row
dimension) and reads whole parts into memory; a small hostile workbook uses that to grow past
any bound. Here the guard's zip (``GuardedZip``) hands over each part as a stream, parsed
element by element and let go of as it goes: the content types and relationships that lead to
the workbook and its sheets, the workbook's sheets and calendar (1900 or 1904), the styles only
for which of them show dates, the table of shared texts, and the chosen sheet row by row. Each
row's cells are read by openpyxl's own cell parser, so that texts (shared, inline, rich),
numbers, truth values and dates come out exactly as openpyxl reads them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element, SubElement, iterparse

from db.exchange.spreadsheets.problems import file_refused
from db.i18n import translate
from db.store.outside import GuardedZip, limit

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WORKBOOK_TYPES = tuple(
    f"application/vnd.{kind}.main+xml"
    for kind in (
        "openxmlformats-officedocument.spreadsheetml.sheet",
        "ms-excel.sheet.macroEnabled",
        "openxmlformats-officedocument.spreadsheetml.template",
        "ms-excel.template.macroEnabled",
    )
)
_SHARED_TEXTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_STYLES = "xl/styles.xml"  # where openpyxl looks for them, and every program writes them


class Damaged(Exception):
    """The workbook is not what an XLSX file must be; the reader says it is damaged."""


@dataclass
class Workbook:
    """What a sheet needs to be read: where each sheet is, the calendar, the date styles and
    the shared texts (read once a sheet is chosen)."""

    archive: GuardedZip
    source: str
    sheets: dict[str, str] = field(default_factory=dict)  # name -> part
    date1904: bool = False
    shared_texts_part: str | None = None

    @property
    def names(self) -> list[str]:
        return list(self.sheets)

    def rows(self, name: str) -> Iterator[tuple[int, list[Any]]]:
        """The sheet's rows that hold a value, each (number as the program shows it, values
        from column A to its last value, None where a cell is empty)."""
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH
        from openpyxl.worksheet._reader import WorkSheetParser

        dates, durations = _date_styles(self.archive, self.source)
        parser = WorkSheetParser(
            None,
            _shared_texts(self.archive, self.shared_texts_part, self.source),
            data_only=True,
            epoch=CALENDAR_MAC_1904 if self.date1904 else WINDOWS_EPOCH,
            date_formats=dates,
            timedelta_formats=durations,
        )
        row = f"{_MAIN}row"
        with self.archive.open(self.sheets[name]) as source:
            for event, element in _events(source, keep=(row,)):
                if event != "end" or element.tag != row:
                    continue
                if not len(element) and (element.get("r") or "").isdigit():
                    parser.row_counter = int(element.get("r"))  # an empty row, numbered
                    continue
                for cell in element:
                    if cell.get("t") == "inlineStr":
                        _as_plain_text(cell)
                number, cells = parser.parse_row(element)
                parser.row_dimensions.clear()  # heights and styles of rows: not wanted
                if number < 1:
                    raise Damaged(f"row number {number}")
                found = [(c["column"], c["value"]) for c in cells if c["value"] is not None]
                if not found:
                    continue
                if min(column for column, _value in found) < 1:
                    raise Damaged("a column number below 1")
                values: list[Any] = [None] * max(column for column, _value in found)
                for column, value in found:
                    values[column - 1] = value
                yield number, values


def unpacked_opendocument(data: bytes, source: str) -> bool:
    """Whether a zip is an OpenDocument file (.ods); when it is, every part has been unpacked
    once through the guard (counted against the limits, XML without a document type), so that
    the reader given it next unpacks nothing larger than the guard allowed."""
    with GuardedZip(data, source) as archive:
        names = set(archive.namelist())
        if "mimetype" not in names or b"opendocument" not in _start_of(archive, "mimetype"):
            return False
        for name in names:
            with archive.open(name) as stream:
                while stream.read(1024 * 1024):
                    pass
    return True


def open_workbook(data: bytes, source: str) -> Workbook:
    """The workbook's sheets, found through its content types and relationships. Raises
    FileRefused beyond a limit, SpreadsheetRefused for an OpenDocument file, and another
    exception (Damaged, zipfile's, the XML parser's) for a file that is not a sound workbook."""
    archive = GuardedZip(data, source)
    names = set(archive.namelist())
    if "mimetype" in names and b"opendocument" in _start_of(archive, "mimetype"):
        raise file_refused(
            source,
            translate(
                "rules",
                "{file} is an OpenDocument spreadsheet (.ods): save it as an Excel "
                "workbook (.xlsx) or as CSV.",
            ).format(file=source),
        )
    workbook_part, shared = _content_types(archive)
    if workbook_part is None or workbook_part not in names:
        raise Damaged("no workbook part")
    book = Workbook(archive, source, shared_texts_part=shared if shared in names else None)
    targets = _relationships(archive, workbook_part)
    listed, book.date1904 = _listed_sheets(archive, workbook_part, source)
    for name, rel_id in listed:
        target = targets.get(rel_id)
        if target is None or target[1] not in names or target[0].endswith("/chartsheet"):
            continue  # as openpyxl does: a chart sheet, or a sheet whose part is missing
        book.sheets.setdefault(name, target[1])
    return book


# -- the parts ---------------------------------------------------------------------------------------
def _start_of(archive: GuardedZip, part: str) -> bytes:
    with archive.open(part) as stream:
        return stream.read(200)


# No spreadsheet program writes more in one row (16,384 cells, each a value or a text) or in one
# shared text; a row or a text of more elements is not a workbook's.
_MOST_INSIDE = 100_000


def _events(source, keep: tuple[str, ...] = ()) -> Iterator[tuple[str, Element]]:
    """("start" | "end", element) for every element of an XML part. An element is let go of
    (taken out of its parent) as soon as the caller has seen its end, unless it sits inside an
    element of ``keep``, which keeps its children until its own end: memory stays flat however
    long the part is."""
    stack: list[Element] = []
    kept = inside = 0
    for event, element in iterparse(source, events=("start", "end")):
        if event == "start":
            stack.append(element)
            if element.tag in keep:
                kept += 1
            elif kept:
                inside += 1
                if inside > _MOST_INSIDE:
                    raise Damaged(f"more than {_MOST_INSIDE:,} elements in one {keep}")
            yield event, element
            continue
        stack.pop()
        if element.tag in keep:
            kept -= 1
            if not kept:
                inside = 0
        yield event, element
        if not kept and stack:
            stack[-1].remove(element)


def _content_types(archive: GuardedZip) -> tuple[str | None, str | None]:
    workbook = shared = None
    defaults: set[str] = set()
    with archive.open("[Content_Types].xml") as source:
        for event, element in _events(source):
            if event != "end":
                continue
            if element.tag == f"{_TYPES}Override":
                kind, part = element.get("ContentType"), (element.get("PartName") or "")
                if kind in _WORKBOOK_TYPES and workbook is None:
                    workbook = part.lstrip("/")
                elif kind == _SHARED_TEXTS_TYPE and shared is None:
                    shared = part.lstrip("/")
            elif element.tag == f"{_TYPES}Default" and len(defaults) < 100:
                defaults.add(element.get("ContentType") or "")
    if workbook is None and defaults & set(_WORKBOOK_TYPES):
        workbook = "xl/workbook.xml"  # some programs set the default type instead (openpyxl)
    return workbook, shared


def _relationships(archive: GuardedZip, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, the part it leads to), resolved as openpyxl resolves them."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{base}.rels")
    found: dict[str, tuple[str, str]] = {}
    if rels not in archive.namelist():
        return found
    most = limit("zip_parts")
    with archive.open(rels) as source:
        for event, element in _events(source):
            if event != "end" or element.tag != f"{_PACKAGE_REL}Relationship":
                continue
            if element.get("TargetMode") == "External":
                continue
            if len(found) >= most.value:
                raise most.refusal(archive.source, rels)
            target = element.get("Target") or ""
            if target.startswith("/"):
                target = target[1:]
            else:
                target = posixpath.normpath(posixpath.join(folder, target))
            found[element.get("Id") or ""] = (element.get("Type") or "", target)
    return found


def _listed_sheets(
    archive: GuardedZip, part: str, source: str
) -> tuple[list[tuple[str, str]], bool]:
    """The sheets in the workbook's order (name, relationship id), and whether its dates count
    from 1904 (old Macs) rather than 1900."""
    listed: list[tuple[str, str]] = []
    date1904 = False
    most = limit("zip_parts")
    with archive.open(part) as stream:
        for event, element in _events(stream):
            if event != "end":
                continue
            if element.tag == f"{_MAIN}sheet":
                if len(listed) >= most.value:
                    raise most.refusal(source, part)
                listed.append((element.get("name") or "", element.get(f"{_REL}id") or ""))
            elif element.tag == f"{_MAIN}workbookPr":
                date1904 = (element.get("date1904") or "").lower() in ("1", "true")
    return listed, date1904


def _date_styles(archive: GuardedZip, source: str) -> tuple[set[int], set[int]]:
    """Which cell styles show a date, and which a duration, decided as openpyxl decides them."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    dates: set[int] = set()
    durations: set[int] = set()
    if _STYLES not in archive.namelist():
        return dates, durations
    most = limit("styles")
    custom: dict[str, str] = {}
    decided: dict[str, tuple[bool, bool]] = {}
    in_cell_styles = False
    index = 0
    with archive.open(_STYLES) as stream:
        for event, element in _events(stream):
            tag = element.tag
            if tag == f"{_MAIN}cellXfs":
                in_cell_styles = event == "start"
            elif event == "end" and tag == f"{_MAIN}numFmt":
                if len(custom) >= most.value:
                    raise most.refusal(source, _part_place(_STYLES))
                custom[element.get("numFmtId") or ""] = element.get("formatCode") or ""
            elif event == "end" and tag == f"{_MAIN}xf" and in_cell_styles:
                if index >= most.value:
                    raise most.refusal(source, _part_place(_STYLES))
                number = element.get("numFmtId") or "0"
                if number not in decided:
                    code = custom.get(number)
                    if code is None and number.isdigit() and len(number) < 6:
                        code = BUILTIN_FORMATS.get(int(number))
                    decided[number] = (is_date_format(code), is_timedelta_format(code))
                if decided[number][0]:
                    dates.add(index)
                if decided[number][1]:
                    durations.add(index)
                index += 1
    return dates, durations


def _shared_texts(archive: GuardedZip, part: str | None, source: str) -> list[str]:
    """The workbook's table of shared texts, read as openpyxl reads it."""
    from openpyxl.cell.text import Text

    texts: list[str] = []
    if part is None:
        return texts
    most, tag = limit("texts"), f"{_MAIN}si"
    with archive.open(part) as stream:
        for event, element in _events(stream, keep=(tag,)):
            if event == "end" and element.tag == tag:
                if len(texts) >= most.value:
                    raise most.refusal(source, _part_place(part))
                texts.append(Text.from_tree(element).content.replace("x005F_", ""))
    return texts


def _as_plain_text(cell: Element) -> None:
    """An inline text cell (what openpyxl itself writes) made a plain text cell before
    openpyxl's cell parser reads it: its text is the same (its own runs, not their phonetic
    guides), read five times faster than through openpyxl's rich-text objects."""
    inline = cell.find(f"{_MAIN}is")
    pieces: list[str] = []
    if inline is not None:
        plain = inline.find(f"{_MAIN}t")
        if plain is not None and plain.text:
            pieces.append(plain.text)
        for run in inline:
            if run.tag == f"{_MAIN}r":
                text = run.find(f"{_MAIN}t")
                if text is not None and text.text:
                    pieces.append(text.text)
    for child in list(cell):
        cell.remove(child)
    cell.set("t", "str")
    SubElement(cell, f"{_MAIN}v").text = "".join(pieces)


def _part_place(name: str) -> str:
    return translate("rules", "part {name}").format(name=name[:200])
