"""The dashboard's grid of joint activities per thematic area and year; a count opens the list of
the activities it counts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from db.queries.dashboard import ActivityCounts
from db.queries.listing import ListFilter
from desktop import colours

Display = Qt.ItemDataRole.DisplayRole
ToolTip = Qt.ItemDataRole.ToolTipRole


class ActivityCountsModel(QAbstractTableModel):
    """Joint activities per top-level thematic area (rows) and year of start (columns)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._counts = ActivityCounts(areas=(), years=())
        self._most = 0

    def set_counts(self, counts: ActivityCounts) -> None:
        self.beginResetModel()
        self._counts = counts
        self._most = max(counts.counts.values(), default=0)
        self.endResetModel()

    def is_empty(self) -> bool:
        return not self._counts.years or not self._counts.areas

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.is_empty() else len(self._counts.areas)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.is_empty() else len(self._counts.years)

    def _count_at(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        if not index.isValid() or self.is_empty():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._counts.areas) and 0 <= column < len(self._counts.years)):
            return None
        return self._counts.count(self._counts.areas[row].area_id, self._counts.years[column])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Display):
        if self.is_empty():
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._counts.years):
            if role == Display:
                return str(self._counts.years[section])  # a year reads without digit grouping
            return None
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._counts.areas):
            area = self._counts.areas[section]
            if role == Display:
                return area.name
            if role == ToolTip and area.code:
                return f"{area.code} — {area.name}"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Display):
        count = self._count_at(index)
        if count is None:
            return None
        if role == Display:
            return QLocale().toString(count) if count else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and count and self._most:
            return QBrush(colours.shade(count / self._most))
        if role == ToolTip and count:
            area = self._counts.areas[index.row()].name
            year = str(self._counts.years[index.column()])
            text = self.tr("%Ln joint activities in %2, %3. Click to list them.", "", count)
            return text.replace("%2", area).replace("%3", year)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        count = self._count_at(index)
        if count is None:
            return Qt.ItemFlag.NoItemFlags
        if count:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def filter_at(self, index: QModelIndex | QPersistentModelIndex) -> ListFilter | None:
        """The list of activities a cell counts, or None for an empty cell."""
        if not self._count_at(index):
            return None
        area = self._counts.areas[index.row()]
        year = self._counts.years[index.column()]
        return ListFilter(
            thematic_area_id=area.area_id, date_from=date(year, 1, 1), date_to=date(year, 12, 31)
        )
