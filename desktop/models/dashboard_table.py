"""What the dashboard's short tables have in common: a few read-only rows, the most pressing
first, each standing for one record that a double click opens; late rows in red and bold."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from db.queries.dashboard_reading import SHOWN_ROWS
from desktop import colours
from desktop.models.record_table import format_value

Display = Qt.ItemDataRole.DisplayRole
ToolTip = Qt.ItemDataRole.ToolTipRole


def short_date(day: date) -> str:
    """A date as the lists show it, in the officer's locale."""
    return format_value(day, "date")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class DashboardTableModel(QAbstractTableModel):
    """A small read-only table over a list of rows; each row opens one record."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self.total = 0  # rows the store gave, of which the first SHOWN_ROWS are shown
        self._headers: list[str] | None = None

    # subclasses say what their columns are and what each cell shows
    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: Any, column: int) -> str | None:
        text = self.cell(row, column)
        return text if len(text) > 30 else None

    def is_alarm(self, row: Any) -> bool:
        return False

    def record_at(self, row: int) -> tuple[str, str] | None:
        """(kind, id) of the record a row stands for."""
        raise NotImplementedError

    def set_rows(self, rows: list[Any], total: int | None = None) -> None:
        """Show the first SHOWN_ROWS of ``rows``, which stand for ``total`` records (by default
        as many as there are rows)."""
        rows = list(rows)
        self.beginResetModel()
        self.total = len(rows) if total is None else total
        self._rows = rows[:SHOWN_ROWS]  # a large store must not make the page measure thousands
        self.endResetModel()

    def _names(self) -> list[str]:
        if self._headers is None:
            self._headers = self.headers()
        return self._headers

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._names())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Display):
        if orientation == Qt.Orientation.Horizontal and role == Display:
            names = self._names()
            if 0 <= section < len(names):
                return names[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Display):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < self.columnCount()):
            return None
        row = self._rows[index.row()]
        if role == Display:
            return self.cell(row, index.column())
        if role == ToolTip:
            return self.tooltip(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and self.is_alarm(row):
            return QBrush(colours.warning())
        if role == Qt.ItemDataRole.FontRole and index.column() in (0, 1) and self.is_alarm(row):
            return _bold()
        return None
