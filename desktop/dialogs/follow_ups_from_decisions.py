"""Follow-ups made straight from a consultation's decisions: one line of the decisions becomes one
follow-up, with who and when (``models.decision_follow_ups``); all are saved together or none."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCore import Qt
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
from desktop import colours
from desktop.desk import Desk
from desktop.models.decision_follow_ups import DecisionFollowUpsModel
from desktop.widgets.pickers import date_cell_editor, date_from_text

_NUMBERING = re.compile(r"^\s*(?:\(?\d+[.)]|\(?[a-z][.)]|[-•*–])\s*", re.IGNORECASE)


def decision_lines(decisions: str | None) -> list[str]:
    """Each decision on its own line, without its numbering ("1.", "a)", "-")."""
    return [
        _NUMBERING.sub("", line).strip()
        for line in (decisions or "").splitlines()
        if _NUMBERING.sub("", line).strip()
    ]


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
        self.model = DecisionFollowUpsModel(
            decision_lines(consultation.get("decisions")), desk.today() + timedelta(days=30), self
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setItemDelegateForColumn(2, _DateDelegate(self.view))
        self.problem = QLabel(self)
        self.problem.setStyleSheet(colours.style(colours.warning()))
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
