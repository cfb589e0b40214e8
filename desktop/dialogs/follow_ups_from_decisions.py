"""Follow-ups made straight from a consultation's decisions: one line of the decisions becomes one
follow-up, with who and when; all are saved together or none."""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from desktop.desk import Desk
from desktop.labels import field_label
from desktop.widgets.pickers import date_cell_editor, date_from_text

_NUMBERING = re.compile(r"^\s*(?:\(?\d+[.)]|\(?[a-z][.)]|[-•*–])\s*", re.IGNORECASE)


def decision_lines(decisions: str | None) -> list[str]:
    """Each decision on its own line, without its numbering ("1.", "a)", "-")."""
    return [
        _NUMBERING.sub("", line).strip()
        for line in (decisions or "").splitlines()
        if _NUMBERING.sub("", line).strip()
    ]


class _Rows(QAbstractTableModel):
    COLUMNS = (("text", "Action"), ("owner", "Who"), ("due_on", "Due date"))

    def __init__(self, lines: list[str], due: date, parent=None):
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


class FollowUpsFromDecisions(QDialog):
    def __init__(self, desk: Desk, consultation_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk, self.consultation_id = desk, consultation_id
        consultation = desk.get("consultation", consultation_id)
        self.setWindowTitle(self.tr("Follow-ups from decisions"))
        intro = QLabel(
            self.tr(
                "Each ticked decision becomes a follow-up of “%1”. Say who acts and by when."
            ).replace("%1", consultation["title"]),
            self,
        )
        intro.setWordWrap(True)
        self.model = _Rows(
            decision_lines(consultation.get("decisions")), desk.today() + timedelta(days=30), self
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setItemDelegateForColumn(2, _DateDelegate(self.view))
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create follow-ups"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(760, 380)
        self.created: list[str] = []

    def accept(self) -> None:
        batch = [
            (
                "follow_up",
                {
                    "text": row["text"],
                    "owner": row["owner"],
                    "due_on": row["due_on"],
                    "status": "open",
                    "source_kind": "consultation",
                    "source_id": self.consultation_id,
                },
            )
            for row in self.model.rows
            if row["take"]
        ]
        try:
            self.created = self.desk.save_many(batch)
        except ValidationError as exc:
            self.problem.setText("\n".join(str(p) for p in exc.problems))
            return
        super().accept()


class _DateDelegate(QStyledItemDelegate):
    """Due dates typed with the same picker as everywhere else."""

    def createEditor(self, parent, option, index):
        return date_cell_editor(parent)

    def setEditorData(self, editor, index):
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index):
        model.setData(index, date_from_text(editor.text()))
