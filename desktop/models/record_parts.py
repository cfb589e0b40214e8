"""The parts of a record as an editable table: an agreement's parties, provisions, commitments and
amendments, a consultation's participants, an activity's partners, participant list, sessions and
costs. Cells hold values in the exchange shape (ids, ISO dates); a linked record shows its name, a
choice its label. A row's own id (a participant's) is kept with the row but not shown; a row added
here gets a new one."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from db.schema import fields as f
from desktop.labels import choice_label, country_name, field_label


class PartsModel(QAbstractTableModel):
    """One row per part, one column per field of the part; ``edited`` on every change, which
    the editor counts as an edit of the record."""

    edited = Signal()

    def __init__(self, spec: f.Parts, parent: QObject | None = None):
        super().__init__(parent)
        self.spec = spec
        # The columns shown: every field of a part but its own id.
        self.columns = tuple(sub for sub in spec.fields if not isinstance(sub, f.RowId))
        self.parts: list[dict[str, Any]] = []
        self.options: dict[str, list[tuple[str, str]]] = {}  # target kind -> (id, label)
        self._labels: dict[str, str] = {}

    def set_options(self, target: str, options: list[tuple[str, str]]) -> None:
        self.options[target] = options
        self._labels.update(dict(options))
        if self.parts:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.parts) - 1, len(self.columns) - 1)
            )

    def set_parts(self, parts: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.parts = [{sub.name: part.get(sub.name) for sub in self.spec.fields} for part in parts]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.parts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return field_label(self.columns[section].label)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (
            not index.isValid()
            or not (0 <= index.row() < len(self.parts))
            or not (0 <= index.column() < len(self.columns))
        ):
            return None
        sub = self.columns[index.column()]
        value = self.parts[index.row()].get(sub.name)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if value is None:
                return ""
            if isinstance(sub, f.Ref):
                return self._labels.get(value, value)
            if isinstance(sub, f.Choice):
                return choice_label(value)
            if isinstance(sub, f.Country):
                return country_name(value)
            if isinstance(sub, f.YesNo) and isinstance(value, bool):
                return yes_no(value)
            if isinstance(sub, f.LocalDateTime) and isinstance(value, str):
                return value.replace("T", " ")
            return str(value)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        sub = self.columns[index.column()]
        if isinstance(value, date):
            value = value.isoformat()
        if value == "":
            value = None
        if self.parts[index.row()].get(sub.name) == value:
            return False
        self.parts[index.row()][sub.name] = value
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def add(self) -> int:
        row = len(self.parts)
        self.beginInsertRows(QModelIndex(), row, row)
        self.parts.append(
            {
                sub.name: str(uuid.uuid4())
                if isinstance(sub, f.RowId)
                else getattr(sub, "default", None)
                for sub in self.spec.fields
            }
        )
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.parts):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.parts[row]
            self.endRemoveRows()
            self.edited.emit()

    def move(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self.parts) and 0 <= target < len(self.parts)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if delta > 0 else 0))
        self.parts.insert(target, self.parts.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return target


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("PartsModel", "Yes")
        if value
        else QCoreApplication.translate("PartsModel", "No")
    )
