"""A workbook read part by part (db.exchange.spreadsheets.workbook) gives every value exactly as
openpyxl's own loading gives it — texts shared or inline, with runs and phonetic guides, numbers,
truth values, dates and times in either calendar, errors — while its memory stays flat."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl import load_workbook

from db.exchange.spreadsheets.workbook import open_workbook
from tests import hostile


def openpyxl_rows(path: Path, sheet: str) -> list[tuple[int, list]]:
    """What openpyxl reads, as our reader gives it: rows holding a value, each cut after its
    last value."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        found = []
        for number, row in enumerate(book[sheet].iter_rows(values_only=True), start=1):
            values = list(row)
            while values and values[-1] is None:
                values.pop()
            if values:
                found.append((number, values))
        return found
    finally:
        book.close()


def ours(path: Path, sheet: str) -> list[tuple[int, list]]:
    book = open_workbook(path.read_bytes(), path.name)
    with book.archive:
        return list(book.rows(sheet))


def test_values_of_every_type_come_out_as_openpyxl_reads_them(tmp_path):
    book = OpenpyxlWorkbook()
    sheet = book.active
    sheet.title = "organizations"
    sheet.append(["name", "count", "share", "ok", "signed", "at", "time", "formula"])
    sheet.append(["Organisation mondiale des douanes", 12, 0.5, True, date(2018, 5, 7),
                  datetime(2018, 5, 8, 14, 30), time(9, 15), "=1+1"])  # fmt: skip
    sheet.append(["世界海关组织", -3, 1e300, False, None, None, None, None])
    sheet.append([None, None, None, None, None, None, None, None])
    sheet.append(["   ", "x" * 5000, None, None, None, None, None, "#N/A"])
    sheet["J7"] = "far right"
    second = book.create_sheet("contacts")
    second.append(["name"])
    second.append(["Élodie Marchand"])
    path = tmp_path / "types.xlsx"
    book.save(path)

    for name in ("organizations", "contacts"):
        assert ours(path, name) == openpyxl_rows(path, name), name


TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def excel_like(path: Path, *, date1904: bool) -> Path:
    """A workbook as Excel writes one: shared texts (with runs and a phonetic guide), a custom
    date format and a built-in one, the 1904 calendar when asked, rows and cells without
    their numbers."""
    workbook = (
        f'<workbook {MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<workbookPr date1904="{1 if date1904 else 0}"/>'
        '<sheets><sheet name="Partners" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
        "</Relationships>"
    )
    styles = (
        f'<styleSheet {MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/>'
        '<xf numFmtId="4"/></cellXfs></styleSheet>'
    )
    texts = (
        f"<sst {MAIN}><si><t>name</t></si><si><t>signed</t></si>"
        "<si><r><t>Organisation </t></r><r><rPr><b/></rPr><t>mondiale</t></r>"
        '<rPh sb="0" eb="3"><t>ignored</t></rPh></si>'
        '<si><t xml:space="preserve">  spaced  </t></si></sst>'
    )
    sheet = (
        f"<worksheet {MAIN}><sheetData>"
        '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>3</v></c></row>'
        '<row><c t="s"><v>2</v></c><c s="1"><v>43227</v></c><c s="3"><v>1234.5</v></c></row>'
        '<row r="5"><c r="A5" t="s"><v>3</v></c><c r="C5" s="2"><v>43228.5</v></c>'
        '<c r="D5" t="b"><v>1</v></c><c r="E5" t="e"><v>#DIV/0!</v></c>'
        '<c r="F5" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>'
        "</sheetData></worksheet>"
    )
    parts = {
        "[Content_Types].xml": hostile.part(TYPES),
        "xl/workbook.xml": hostile.part(workbook),
        "xl/_rels/workbook.xml.rels": hostile.part(rels),
        "xl/styles.xml": hostile.part(styles),
        "xl/sharedStrings.xml": hostile.part(texts),
        "xl/worksheets/sheet1.xml": hostile.part(sheet),
    }
    return hostile.write_zip(path, parts)


@pytest.mark.parametrize("date1904", [False, True])
@pytest.mark.filterwarnings("ignore:Workbook contains no default style")  # openpyxl's, reading
def test_an_excel_workbook_comes_out_as_openpyxl_reads_it(tmp_path, date1904):
    path = excel_like(tmp_path / "excel.xlsx", date1904=date1904)
    found = ours(path, "Partners")
    assert found == openpyxl_rows(path, "Partners")
    assert found[1][1][0] == "Organisation mondiale"  # runs joined, the phonetic guide left out
    assert found[1][1][1].date() == (date(2022, 5, 8) if date1904 else date(2018, 5, 7))
    assert found[2] == (5, ["  spaced  ", None, found[2][1][2], True, "#DIV/0!", "inline"])


def test_a_long_sheet_is_read_in_flat_memory(tmp_path):
    import tracemalloc

    path = hostile.far_down_rows(tmp_path, rows=100_000)
    tracemalloc.start()
    try:
        assert ours(path, "organizations")[-1] == (100_002, ["Interpol"])
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024, f"{peak / 1024 / 1024:.0f} MB for 100,000 empty rows"
