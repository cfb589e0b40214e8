"""The follow-ups drafted from a consultation's decisions, as an editable table: one row per
decision line, ticked when it is to become a follow-up, with the action, who acts and by when.
Values are kept in the exchange shape (ISO dates) for saving all together."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from desktop.labels import field_label


class DecisionFollowUpsModel(QAbstractTableModel):
    """One row per decision: ticked to be taken (the first column's box), what to do, who, by
    when; every decision is ticked and due on the same day to begin with."""

    COLUMNS = (("text", "Action"), ("owner", "Who"), ("due_on", "Due date"))

    def __init__(self, lines: list[str], due: date, parent: QObject | None = None):
        super().__init__(parent)
        self.rows = [
            {"take": True, "text": line, "owner": None, "due_on": due.isoformat()} for line in lines
        ]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return field_label(self.COLUMNS[section][1])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        )
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (
            not index.isValid()
            or not (0 <= index.row() < len(self.rows))
            or not (0 <= index.column() < len(self.COLUMNS))
        ):
            return None
        row, key = self.rows[index.row()], self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row[key] or ""
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if row["take"] else Qt.CheckState.Unchecked
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            row["take"] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            row[self.COLUMNS[index.column()][0]] = (
                value.isoformat() if isinstance(value, date) else value
            ) or None
        else:
            return False
        self.dataChanged.emit(index, index)
        return True
