"""Coverage as a table: partners (rows) × thematic areas (columns), each cell counting the
agreements, consultations and joint activities of that partner in that area, for one year or all;
a last row and column hold the totals. The busier the cell, the deeper its blue."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.queries.coverage import CoverageMatrix
from db.queries.thematic_areas import area_label
from desktop import colours
from desktop.labels import kind_count

ALL = None  # a row, column or year choice meaning "all"


class CoverageModel(QAbstractTableModel):
    """Rows: partners, then "All partners"; columns: areas, then "All areas". A cell shows
    agreements · consultations · joint activities."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.matrix: CoverageMatrix | None = None
        self.year: int | None = ALL
        self._largest = 1

    def show(self, matrix: CoverageMatrix, year: int | None) -> None:
        self.beginResetModel()
        self.matrix, self.year = matrix, year
        totals = [
            matrix.cell(p.organization_id, a.area_id, year).total
            for p in matrix.partners
            for a in matrix.areas
        ]
        self._largest = max(totals, default=0) or 1
        self.endResetModel()

    def partner_at(self, row: int) -> str | None:
        partners = self.matrix.partners if self.matrix else ()
        return partners[row].organization_id if row < len(partners) else ALL

    def area_at(self, column: int) -> str | None:
        areas = self.matrix.areas if self.matrix else ()
        return areas[column].area_id if column < len(areas) else ALL

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() or self.matrix is None:
            return 0
        return len(self.matrix.partners) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() or self.matrix is None:
            return 0
        return len(self.matrix.areas) + 1

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self.matrix is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            areas = self.matrix.areas
            if role == Qt.ItemDataRole.DisplayRole:
                if section < len(areas):
                    return areas[section].code or areas[section].name
                return self.tr("All areas")
            if role == Qt.ItemDataRole.ToolTipRole and section < len(areas):
                return area_label(areas[section])
            return None
        partners = self.matrix.partners
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                partners[section].short_name if section < len(partners) else self.tr("All partners")
            )
        if role == Qt.ItemDataRole.ToolTipRole and section < len(partners):
            return partners[section].name
        return None

    def counts(self, index: QModelIndex):
        return self.matrix.cell(
            self.partner_at(index.row()), self.area_at(index.column()), self.year
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or self.matrix is None:
            return None
        counts = self.counts(index)
        totals = index.row() == len(self.matrix.partners) or index.column() == len(
            self.matrix.areas
        )
        if role == Qt.ItemDataRole.DisplayRole:
            if not counts:
                return ""
            return f"{counts.agreements} · {counts.consultations} · {counts.activities}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index, counts)
        if role == Qt.ItemDataRole.BackgroundRole and counts and not totals:
            # The busier the cell, the deeper its blue: the map reads at a glance.
            return colours.shade(counts.total / self._largest)
        if role == Qt.ItemDataRole.FontRole and totals:
            font = self.parent().font() if self.parent() else None
            if font is not None:
                font.setBold(True)
            return font
        return None

    def _tooltip(self, index: QModelIndex, counts) -> str:
        partner = self.headerData(index.row(), Qt.Orientation.Vertical)
        column = index.column()
        areas = self.matrix.areas
        area = area_label(areas[column]) if column < len(areas) else self.tr("All areas")
        year = str(self.year) if self.year is not None else self.tr("all years")
        parts = [
            kind_count("agreement", counts.agreements),
            kind_count("consultation", counts.consultations),
            kind_count("activity", counts.activities),
        ]
        return (
            self.tr("%1 × %2 (%3): %4")
            .replace("%1", partner)
            .replace("%2", area)
            .replace("%3", year)
            .replace("%4", ", ".join(parts))
        )
