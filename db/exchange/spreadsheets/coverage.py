"""The coverage page's workbook: the partners × thematic areas matrix ("Coverage"), the
activities report ("Activities report") and how things were counted ("Notes"); the figures come
from db.queries.coverage."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session

from db import clock
from db.exchange.spreadsheets.exporting import written_as_text
from db.i18n import translate
from db.queries.coverage import (
    NO_AREA,
    ActivitiesReport,
    CoverageMatrix,
    Partner,
    activities_report,
    coverage_matrix,
)
from db.queries.dashboard import AreaRow
from db.store.engine import Store
from db.store.files import write_bytes_atomically

# -- XLSX -------------------------------------------------------------------------------------------------
COUNT_WIDTH = 14


def write_coverage_xlsx(
    store: Store | Session,
    path: str | os.PathLike[str],
    *,
    by_year: bool = False,
    under: str | None = None,
    include_empty: bool = False,
    today: date | None = None,
) -> None:
    """An XLSX workbook with the coverage matrix ("Coverage"), the activities report
    ("Activities report") and how things were counted ("Notes"); written atomically. Raises
    StorageError when the file cannot be written."""
    from openpyxl import Workbook

    matrix = coverage_matrix(store, under=under, include_empty=include_empty)
    report = activities_report(store, under=under)
    book = Workbook()
    _coverage_sheet(book.active, matrix, by_year)
    _report_sheet(book.create_sheet(), report)
    _notes_sheet(book.create_sheet(), today or clock.today(), matrix)
    for sheet in book.worksheets:
        _as_text(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes_atomically(Path(path), buffer.getvalue())


def _area_label(area: AreaRow) -> str:
    name = _area_name(area)
    return f"{area.code} — {name}" if area.code else name


def _area_name(area: AreaRow) -> str:
    return translate("coverage", "No thematic area") if area == NO_AREA else area.name


def _coverage_sheet(sheet, matrix: CoverageMatrix, by_year: bool) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.title = translate("coverage", "Coverage")
    bold = Font(bold=True)
    labels = [translate("coverage", "Partner"), translate("coverage", "Acronym")]
    if by_year:
        labels.append(translate("coverage", "Year"))
    groups = [*matrix.areas, None]  # None: all areas
    kinds = [
        translate("coverage", "Agreements"),
        translate("coverage", "Consultations"),
        translate("coverage", "Activities"),
    ]
    first = len(labels) + 1
    for index, label in enumerate(labels, start=1):
        sheet.cell(row=1, column=index, value=_text(label)).font = bold
        sheet.merge_cells(start_row=1, start_column=index, end_row=2, end_column=index)
    for number, area in enumerate(groups):
        start = first + 3 * number
        title = _area_label(area) if area else translate("coverage", "All areas")
        head = sheet.cell(row=1, column=start, value=_text(title))
        head.font = bold
        head.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
        sheet.merge_cells(start_row=1, start_column=start, end_row=1, end_column=start + 2)
        for offset, kind in enumerate(kinds):
            sheet.cell(row=2, column=start + offset, value=kind).font = bold
    sheet.row_dimensions[1].height = 32

    def write_row(row: int, partner: Partner | None, year: int | None) -> None:
        name = partner.name if partner else translate("coverage", "All partners")
        values: list[Any] = [_text(name), _text(partner.acronym) if partner else None]
        if by_year:
            values.append(year if year is not None else translate("coverage", "All years"))
        partner_id = partner.organization_id if partner else None
        for area in groups:
            counts = matrix.cell(partner_id, area.area_id if area else None, year)
            values += [counts.agreements, counts.consultations, counts.activities]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            if partner is None or (by_year and year is None):
                cell.font = bold

    row = 3
    for partner in [*matrix.partners, None]:
        partner_id = partner.organization_id if partner else None
        if by_year:
            for year in matrix.years:
                if matrix.cell(partner_id, None, year):
                    write_row(row, partner, year)
                    row += 1
        write_row(row, partner, None)
        row += 1

    names = [p.name for p in matrix.partners] + [translate("coverage", "All partners")]
    sheet.column_dimensions["A"].width = _width(names, minimum=12, maximum=48)
    sheet.column_dimensions["B"].width = _width(
        [p.acronym or "" for p in matrix.partners], minimum=9, maximum=16
    )
    if by_year:
        sheet.column_dimensions["C"].width = 10
    for column in range(first, first + 3 * len(groups)):
        sheet.column_dimensions[get_column_letter(column)].width = COUNT_WIDTH
    sheet.freeze_panes = sheet.cell(row=3, column=first)


def _report_sheet(sheet, report: ActivitiesReport) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.title = translate("coverage", "Activities report")
    bold = Font(bold=True)
    header = [
        translate("coverage", "Area code"),
        translate("coverage", "Thematic area"),
        translate("coverage", "Year"),
        translate("coverage", "Activities"),
        translate("coverage", "With participant figures"),
        translate("coverage", "Participants"),
        translate("coverage", "Women"),
        translate("coverage", "Men"),
        translate("coverage", "Expected (not held yet)"),
    ]
    for column, label in enumerate(header, start=1):
        sheet.cell(row=1, column=column, value=label).font = bold
    row = 2
    every_year = translate("coverage", "All years")
    for area in [*report.areas, None]:
        area_id = area.area_id if area else None
        code = _text(area.code) if area else None
        name = _text(_area_name(area)) if area else translate("coverage", "All areas")
        for year in [*report.years, None]:
            line = report.row(area_id, year)
            if year is not None and not line.activities:
                continue
            values = [
                code,
                name,
                year if year is not None else every_year,
                line.activities,
                line.with_figures,
                line.participants,
                line.women,
                line.men,
                line.expected,
            ]
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=column, value=value)
                if year is None or area is None:
                    cell.font = bold
            row += 1
    sheet.column_dimensions["A"].width = _width([a.code or "" for a in report.areas], 10, 14)
    sheet.column_dimensions["B"].width = _width([a.name for a in report.areas], 16, 50)
    sheet.column_dimensions["C"].width = 10
    for column in range(4, len(header) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = max(
            COUNT_WIDTH, len(header[column - 1]) + 2
        )
    sheet.freeze_panes = "A2"


def _notes_sheet(sheet, today: date, matrix: CoverageMatrix) -> None:
    from openpyxl.styles import Font

    sheet.title = translate("coverage", "Notes")
    lines = [
        translate("coverage", "PartnerDesk coverage, {day}").format(day=today.isoformat()),
        translate(
            "coverage",
            "Counted: agreements, consultations and joint activities that are not archived "
            "(cancelled activities are left out).",
        ),
        translate(
            "coverage",
            "Partner: the parties to an agreement, the organizations present at a consultation, "
            "the lead and partner organizations of an activity (our own organization is left out).",
        ),
        translate(
            "coverage",
            "Thematic area: a record filed under sub-areas counts once for their top-level area. "
            "A record under two areas, or with two partners, counts in both cells, and once in "
            "“All areas” and “All partners”.",
        ),
        translate(
            "coverage",
            "Year: an agreement's entry into force (else its last signature), a consultation's "
            "start, an activity's first day. Records without a date count in “All years” only.",
        ),
        translate(
            "coverage",
            "Participants: the sum of the figures recorded on each activity held (completed or "
            "ongoing); “With participant figures” says how many of them have them. Participants "
            "expected at activities not held yet are counted apart, never as participants.",
        ),
    ]
    if matrix.under is not None:
        lines.insert(
            1,
            translate(
                "coverage",
                "Columns: “{area}” itself (records filed directly under it) and its sub-areas, "
                "into which deeper areas roll up; only records filed in that branch count.",
            ).format(area=_area_label(matrix.areas[0])),
        )
    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=_text(line))
    sheet["A1"].font = Font(bold=True)
    sheet.column_dimensions["A"].width = 120


def _width(values: Iterable[str], minimum: int, maximum: int) -> int:
    longest = max((len(v) for v in values), default=0)
    return max(minimum, min(maximum, longest + 2))


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # XLSX cannot hold these


def _text(value: Any) -> Any:
    """A text cell's value without the characters XLSX cannot hold (``_as_text`` keeps it from
    being run as a formula)."""
    if isinstance(value, str):
        value = _XML_ILLEGAL.sub("", value)
    return value


def _as_text(sheet) -> None:
    """Every text cell of ``sheet`` an explicit string, never run as a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            written_as_text(cell)
