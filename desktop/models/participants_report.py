"""The participants in joint activities as a table: per thematic area and year, how many
activities, how many of them record their participants, and the participants, women and men;
rows and columns for all areas and all years close it, in bold. Each cell carries the order it
sorts by (areas in tree order, years in time, figures as numbers), which the page's filter sorts
by."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from db.queries.coverage import ActivitiesReport
from db.queries.thematic_areas import area_label
from desktop.models.coverage_matrix import ALL

ORDER_ROLE = Qt.ItemDataRole.UserRole  # what a column sorts by
AREA, YEAR = 0, 1  # columns; the figures follow


class ParticipantsReportModel(QStandardItemModel):
    """One row per area and year with at least one joint activity."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)

    def show(self, report: ActivitiesReport) -> None:
        headers = [
            self.tr("Thematic area"),
            self.tr("Year"),
            self.tr("Joint activities"),
            self.tr("With participant figures"),
            self.tr("Participants"),
            self.tr("Women"),
            self.tr("Men"),
            self.tr("Expected (not held yet)"),
        ]
        self.clear()
        self.setHorizontalHeaderLabels(headers)
        areas = [(a.area_id, area_label(a)) for a in report.areas] + [(ALL, self.tr("All areas"))]
        years = [(y, str(y)) for y in report.years] + [(ALL, self.tr("All years"))]
        for position, (area_id, area_name) in enumerate(areas):
            for year_position, (year, year_name) in enumerate(years):
                figures = report.row(area_id, year)
                if not figures.activities:
                    continue
                cells = [
                    (area_name, position),
                    (year_name, year_position),
                    *(
                        (str(n), n)
                        for n in (
                            figures.activities,
                            figures.with_figures,
                            figures.participants,
                            figures.women,
                            figures.men,
                            figures.expected,
                        )
                    ),
                ]
                row = []
                for number, (text, order) in enumerate(cells):
                    item = QStandardItem(text)
                    item.setData(order, ORDER_ROLE)
                    if number >= 2:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    if area_id is ALL or year is ALL:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    row.append(item)
                self.appendRow(row)


class ParticipantsReportFilter(QSortFilterProxyModel):
    """The report as the page shows it: sorted by each column's order, and narrowed to one year
    when one is chosen (its rows for all years then make no sense)."""

    def __init__(self, report: ParticipantsReportModel, parent: QObject | None = None):
        super().__init__(parent)
        self.setSourceModel(report)
        self.setSortRole(ORDER_ROLE)

    def show_year(self, year: int | None) -> None:
        """Only the rows of ``year``; None: every row."""
        self.setFilterKeyColumn(YEAR)
        self.setFilterFixedString("" if year is ALL else str(year))
