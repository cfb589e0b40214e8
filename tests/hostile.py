"""A hostile corpus, made on demand: every kind of file from outside that did harm, or could, as
an attacker (or a damaged disk) would hand it to an officer. Nothing large is kept in the
repository: each maker writes its file into a folder in a moment (a workbook that unpacks to
gigabytes is a few megabytes, a file of gigabytes is sparse) and returns its path.

``CORPUS`` names one maker per class, with the command-line import it goes through and the words
its refusal must hold.
"""

from __future__ import annotations

import io
import json
import os
import struct
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
GB = 1024 * MB
ORG_A, ORG_B = "00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b"
AGREEMENT_A, AGREEMENT_B = (
    "00000000-0000-4000-8000-0000000000a1",
    "00000000-0000-4000-8000-0000000000b1",
)


# -- not files ------------------------------------------------------------------------------------
def named_pipe(folder: Path, name: str = "partners.json") -> Path:
    """A named pipe nobody writes to: reading it waits forever."""
    path = folder / name
    os.mkfifo(path)
    return path


def link_to_zeros(folder: Path, name: str = "partners.json") -> Path:
    """A link to /dev/zero: reading it never ends (until memory does)."""
    path = folder / name
    path.symlink_to("/dev/zero")
    return path


def link_to_device(folder: Path, name: str = "partners.csv") -> Path:
    """A link to /dev/null: a device, empty, and not a file."""
    path = folder / name
    path.symlink_to(os.devnull)
    return path


def folder_named_like_a_file(folder: Path, name: str = "partners.xlsx") -> Path:
    path = folder / name
    path.mkdir()
    return path


def sparse_file(folder: Path, name: str, size: int) -> Path:
    """A file of ``size`` bytes that takes no room on the disk (its start is valid text)."""
    path = folder / name
    with path.open("wb") as fh:
        fh.write(b'{"format": "partnerdesk", "version": 1, "organizations": [')
        fh.truncate(size)
    return path


# -- exchange files ---------------------------------------------------------------------------------
def exchange(folder: Path, name: str, **lists) -> Path:
    path = folder / name
    path.write_text(
        json.dumps({"format": "partnerdesk", "version": 1, **lists}, ensure_ascii=False),
        encoding="utf-8",
    )
    return path


def two_partners() -> list[dict]:
    return [
        {
            "id": ORG_A,
            "name": "World Customs Organization",
            "kind": "intergovernmental_organization",
        },
        {"id": ORG_B, "name": "International Organization for Migration", "kind": "un_entity"},
    ]


def supersedes_cycle(folder: Path) -> Path:
    """Two agreements, each superseding the other."""

    def agreement(own: str, other: str, title: str) -> dict:
        parties = [{"organization_id": ORG_A}, {"organization_id": ORG_B}]
        return {"id": own, "title": title, "kind": "memorandum_of_understanding",
                "parties": parties, "supersedes_id": other}  # fmt: skip

    return exchange(
        folder,
        "cycle.json",
        organizations=two_partners(),
        agreements=[
            agreement(AGREEMENT_A, AGREEMENT_B, "Memorandum of 2018"),
            agreement(AGREEMENT_B, AGREEMENT_A, "Memorandum of 1999"),
        ],
    )


def long_name(folder: Path, length: int = 100_000) -> Path:
    """A partner whose name runs to ``length`` characters (74 pages of briefing, once)."""
    return exchange(
        folder,
        "long-name.json",
        organizations=[{"id": ORG_A, "name": ("Organisation " * length)[:length], "kind": "ngo"}],
    )


def many_records(folder: Path, count: int) -> Path:
    """An exchange file of ``count`` small (and invalid: no kind) records."""
    path = folder / "many.json"
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"format": "partnerdesk", "version": 1, "follow_ups": [')
        fh.write(",".join(["{}"] * count))
        fh.write("]}")
    return path


# -- CSV files ------------------------------------------------------------------------------------
def wide_csv(folder: Path, cells: int = 100_000) -> Path:
    """A header, then a row of ``cells`` cells."""
    path = folder / "wide.csv"
    path.write_text("name,kind\n" + ",".join(["x"] * cells) + "\n", encoding="utf-8")
    return path


def long_csv(folder: Path, rows: int = 500_000, name: str = "long.csv") -> Path:
    """``rows`` partners, the last one with a country that is not one (17 MB at 500,000)."""
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("name,kind,country\n")
        fh.writelines(f"Partner organization {i:06d},ngo,BE\n" for i in range(rows - 1))
        fh.write("Partner organization last,ngo,XX\n")
    return path


def long_cell_csv(folder: Path, characters: int = 200_000) -> Path:
    path = folder / "long-cell.csv"
    path.write_text(f"name,kind,notes\nInterpol,other,{'n' * characters}\n", encoding="utf-8")
    return path


# -- workbooks --------------------------------------------------------------------------------------
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="organizations" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_END = "</sheetData></worksheet>"
_HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>kind</t></is></c></row>'
)
_NO_TEXTS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>'
)


@dataclass(frozen=True)
class Part:
    """A zip entry: its deflated bytes, the size and CRC its directory declares."""

    deflated: bytes
    size: int
    crc: int


def part(content: str | bytes) -> Part:
    data = content.encode("utf-8") if isinstance(content, str) else content
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Part(packer.compress(data) + packer.flush(), len(data), zlib.crc32(data))


def repeated_part(
    start: str, chunk: str, times: int, end: str, *, declared: int | None = None
) -> Part:
    """``start + chunk * times + end`` deflated in a moment however large it is: after a full
    flush the compressor starts afresh, so the deflated chunk is the same bytes each time. The
    CRC is left unchecked (0): the directory is what the guard reads first."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(start.encode()) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk.encode()) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.compress(end.encode()) + packer.flush()
    size = len(start.encode()) + len(chunk.encode()) * times + len(end.encode())
    return Part(head + block * times + tail, size if declared is None else declared, 0)


def write_zip(path: Path, parts: dict[str, Part]) -> Path:
    """A zip written by hand, so that its directory can declare what a test wants."""
    out = io.BytesIO()
    directory = []
    for name, entry in parts.items():
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0,
                              entry.crc, len(entry.deflated), entry.size, len(encoded), 0))  # fmt: skip
        out.write(encoded)
        out.write(entry.deflated)
        directory.append(
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                0,
                entry.crc,
                len(entry.deflated),
                entry.size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )  # fmt: skip
            + encoded
        )
    start = out.tell()
    for entry in directory:
        out.write(entry)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts) & 0xFFFF,
                          len(parts) & 0xFFFF, out.tell() - start, start, 0))  # fmt: skip
    path.write_bytes(out.getvalue())
    return path


def workbook(path: Path, sheet: Part, texts: Part | None = None, **more: Part) -> Path:
    parts = {
        "[Content_Types].xml": part(_TYPES),
        "_rels/.rels": part(_ROOT_RELS),
        "xl/workbook.xml": part(_WORKBOOK),
        "xl/_rels/workbook.xml.rels": part(_WORKBOOK_RELS),
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": texts or part(_NO_TEXTS),
        **more,
    }
    return write_zip(path, parts)


def sheet_of(rows: list[list[str]]) -> Part:
    lines = []
    for number, cells in enumerate(rows, start=1):
        cells_xml = "".join(
            f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
            for i, v in enumerate(cells)
        )
        lines.append(f'<row r="{number}">{cells_xml}</row>')
    return part(_SHEET_START + "".join(lines) + _SHEET_END)


def zip_bomb(folder: Path, unpacked: int = 3 * GB) -> Path:
    """A workbook of a few MB whose sheet unpacks to ``unpacked`` bytes (its directory says so)."""
    row = '<row><c t="inlineStr"><is><t>Interpol</t></is></c><c t="inlineStr"><is><t>other</t></is></c></row>'
    chunk = row * (MB // len(row))
    sheet = repeated_part(_SHEET_START + _HEADER_ROW, chunk, unpacked // len(chunk), _SHEET_END)
    return workbook(folder / "bomb.xlsx", sheet)


def lying_zip_bomb(folder: Path, unpacked: int = 1 * GB) -> Path:
    """The same, its directory claiming the sheet unpacks to 1 MB only."""
    row = '<row><c t="inlineStr"><is><t>Interpol</t></is></c><c t="inlineStr"><is><t>other</t></is></c></row>'
    chunk = row * (MB // len(row))
    sheet = repeated_part(
        _SHEET_START + _HEADER_ROW, chunk, unpacked // len(chunk), _SHEET_END, declared=MB
    )
    return workbook(folder / "lying-bomb.xlsx", sheet)


def far_right_cells(folder: Path, rows: int = 200_000) -> Path:
    """``rows`` rows, each with one value in column XFD, the last of 16,384 (openpyxl fills
    every row out to it: billions of cells)."""
    body = "".join(
        f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>'
        for n in range(2, rows + 2)
    )
    return workbook(folder / "far-right.xlsx", part(_SHEET_START + _HEADER_ROW + body + _SHEET_END))


def far_down_rows(folder: Path, rows: int = 200_000) -> Path:
    """A header, then ``rows`` empty rows, then a partner on the last row."""
    body = "".join(f'<row r="{n}"/>' for n in range(2, rows + 2))
    last = rows + 2
    body += f'<row r="{last}"><c r="A{last}" t="inlineStr"><is><t>Interpol</t></is></c></row>'
    return workbook(folder / "far-down.xlsx", part(_SHEET_START + _HEADER_ROW + body + _SHEET_END))


def entity_bomb(folder: Path) -> Path:
    """A billion laughs in the table of shared texts: entities of entities of entities."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    texts = (
        '<?xml version="1.0"?><!DOCTYPE sst [' + "".join(levels) + "]>"
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'
    )
    sheet = sheet_of([["name", "kind"]])
    return workbook(folder / "laughs.xlsx", sheet, part(texts))


def many_parts(folder: Path, count: int = 5_000) -> Path:
    sheet = sheet_of([["name", "kind"], ["Interpol", "other"]])
    extra = {f"xl/media/image{i}.png": part(b"") for i in range(count)}
    return workbook(folder / "many-parts.xlsx", sheet, **extra)


# -- the corpus -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hostile:
    """One class of hostile file: how to make it, the options of ``partnerdesk import``, and the
    words its refusal holds."""

    make: Callable[[Path], Path]
    options: tuple[str, ...]
    words: str
    posix_only: bool = False


CORPUS: dict[str, Hostile] = {
    "named pipe (exchange)": Hostile(named_pipe, (), "is a named pipe", posix_only=True),
    "named pipe (spreadsheet)": Hostile(
        lambda f: named_pipe(f, "partners.csv"),
        ("--kind", "organizations"),
        "is a named pipe",
        posix_only=True,
    ),
    "link to /dev/zero (exchange)": Hostile(link_to_zeros, (), "is a device", posix_only=True),
    "link to /dev/zero (spreadsheet)": Hostile(
        lambda f: link_to_zeros(f, "partners.xlsx"),
        ("--kind", "organizations"),
        "is a device",
        posix_only=True,
    ),
    "link to a device (spreadsheet)": Hostile(
        link_to_device, ("--kind", "organizations"), "is a device", posix_only=True
    ),
    "a folder named like a file": Hostile(
        folder_named_like_a_file, ("--kind", "organizations"), "is a folder"
    ),
    "an exchange file of more than 1 GB": Hostile(
        lambda f: sparse_file(f, "huge.json", GB + 1), (), "an exchange file may be at most 1 GB"
    ),
    "a spreadsheet of more than 64 MB": Hostile(
        lambda f: sparse_file(f, "huge.csv", 64 * MB + 1),
        ("--kind", "organizations"),
        "a spreadsheet may be at most 64 MB",
    ),
    "an exchange file of more than 1,000,000 records": Hostile(
        lambda f: many_records(f, 1_000_001), (), "at most 1,000,000 records"
    ),
    "a workbook that unpacks to gigabytes": Hostile(
        zip_bomb, ("--kind", "organizations"), "each part of a workbook may unpack to at most"
    ),
    "a workbook whose directory lies about its size": Hostile(
        lying_zip_bomb, ("--kind", "organizations"), "damaged"
    ),
    "200,000 rows with a value in column XFD": Hostile(
        far_right_cells, ("--kind", "organizations"), "row 2, column XFD"
    ),
    "a value 200,000 rows down": Hostile(
        far_down_rows, ("--kind", "organizations"), "row 200,002: a sheet may hold at most"
    ),
    "an XML entity bomb": Hostile(entity_bomb, ("--kind", "organizations"), "XML document type"),
    "a workbook of 5,000 parts": Hostile(
        many_parts, ("--kind", "organizations"), "a workbook may hold at most 1,000 parts"
    ),
    "a CSV row of 100,000 cells": Hostile(
        wide_csv, ("--kind", "organizations"), "a sheet may have at most 256 columns"
    ),
    "a CSV cell of 200,000 characters": Hostile(
        long_cell_csv, ("--kind", "organizations"), "a cell may hold at most 100,000 characters"
    ),
    "a CSV of 500,000 rows": Hostile(
        long_csv, ("--kind", "organizations"), "row 100,001: a sheet may hold at most 100,000 rows"
    ),
    "agreements superseding each other": Hostile(
        supersedes_cycle, (), "cannot supersede one that supersedes it"
    ),
    "a partner name of 100,000 characters": Hostile(
        long_name, (), "Name is too long: 100,000 characters, at most 500"
    ),
}


def can_make(hostile: Hostile) -> bool:
    return not hostile.posix_only or (sys.platform != "win32" and hasattr(os, "mkfifo"))
