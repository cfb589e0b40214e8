"""A partner made on the spot, from a name typed in an editor that names no partner yet
("United Nations" in a participant's Organization, "OCHA" in Organizations present): its name,
acronym and kind, saved at once so that the record being edited can name it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import StorageError, ValidationError
from db.schema.enums import OrganizationKind
from desktop import colours
from desktop.desk import Desk
from desktop.labels import choice_label


def looks_like_an_acronym(text: str) -> bool:
    """ "OCHA", "UNOCT", "UN-Habitat" are acronyms; "United Nations" is a name."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and " " not in text.strip() and sum(c.isupper() for c in letters) >= 2


class NewPartnerDialog(QDialog):
    def __init__(self, desk: Desk, typed: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.created_id: str | None = None
        self.setWindowTitle(self.tr("New partner"))
        intro = QLabel(
            self.tr("“%1” is not a partner yet. Add it to the partners:").replace("%1", typed),
            self,
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("newPartnerName")
        self.acronym = QLineEdit(self)
        self.acronym.setObjectName("newPartnerAcronym")
        if looks_like_an_acronym(typed):
            self.acronym.setText(typed.strip())
        else:
            self.name.setText(typed.strip())
        self.kind = QComboBox(self)
        self.kind.setObjectName("newPartnerKind")
        for member in OrganizationKind:
            self.kind.addItem(choice_label(member.value), member.value)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Acronym"), self.acronym)
        form.addRow(self.tr("&Kind"), self.kind)
        self.problem = QLabel(self)
        self.problem.setObjectName("newPartnerProblem")
        self.problem.setStyleSheet(colours.style(colours.warning()))
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add partner"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        (self.acronym if self.name.text() else self.name).setFocus()
        self.resize(480, self.sizeHint().height())

    def accept(self) -> None:
        partner = {
            "name": self.name.text().strip() or None,
            "acronym": self.acronym.text().strip() or None,
            "kind": self.kind.currentData(),
        }
        try:
            self.created_id = self.desk.save("organization", partner)
        except ValidationError as exc:
            self.problem.setText("\n".join(p.message for p in exc.problems))
            return
        except StorageError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()
