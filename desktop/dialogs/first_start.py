"""First start: which organization is ours (its name, kind and headquarters), and whether to begin
with the sample partnerships."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from db.records.rules import StoreLookup
from db.schema.enums import OrganizationKind
from db.schema.fields import is_country
from desktop import colours
from desktop.desk import Desk
from desktop.labels import choice_label
from desktop.widgets.pickers import CountryPicker, not_a_country


class FirstStartDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Welcome to PartnerDesk"))
        intro = QLabel(
            self.tr(
                "PartnerDesk keeps your organization's cooperation agreements, consultations, joint activities and follow-ups. First, tell it which organization is yours."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.sample = QRadioButton(
            self.tr(
                "Start with the sample partnerships (seen from the World Customs Organization), to try PartnerDesk"
            ),
            self,
        )
        self.own = QRadioButton(self.tr("Start with our own organization:"), self)
        self.own.setChecked(True)
        choice = QButtonGroup(self)
        choice.addButton(self.own)
        choice.addButton(self.sample)
        self.name = QLineEdit(self)
        self.name.setObjectName("ourName")
        self.name.setPlaceholderText(self.tr("e.g. International Organization for Migration"))
        self.acronym = QLineEdit(self)
        self.acronym.setObjectName("ourAcronym")
        self.kind = QComboBox(self)
        for member in OrganizationKind:
            self.kind.addItem(choice_label(member.value), member.value)
        self.city = QLineEdit(self)
        self.city.setObjectName("ourCity")
        self.city.setPlaceholderText(self.tr("e.g. Geneva"))
        self.country = CountryPicker(self)
        self.country.setObjectName("ourCountry")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Acronym"), self.acronym)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Headquarters city"), self.city)
        form.addRow(self.tr("Headquarters country"), self.country)
        self.problem = QLabel(self)
        self.problem.setStyleSheet(colours.style(colours.warning()))
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.own)
        layout.addLayout(form)
        layout.addWidget(self.sample)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.own.toggled.connect(self._toggle)
        self.resize(560, self.sizeHint().height())

    def _toggle(self, own: bool) -> None:
        for widget in (self.name, self.acronym, self.kind, self.city, self.country):
            widget.setEnabled(own)

    def accept(self) -> None:
        try:
            if self.sample.isChecked():
                self.desk.load_sample()
            else:
                country = self.country.value()
                if country and not is_country(country):
                    self.problem.setText(not_a_country(country))
                    return
                ours = {
                    "name": self.name.text(),
                    "acronym": self.acronym.text() or None,
                    "kind": self.kind.currentData(),
                    "city": self.city.text().strip() or None,
                    "country": country,
                    "is_ours": True,
                }
                self.desk.save("organization", ours)
        except ValidationError as exc:
            self.problem.setText("\n".join(p.message for p in exc.problems))
            return
        super().accept()


def needs_first_start(desk: Desk) -> bool:
    return not desk.read(lambda session: StoreLookup(session).ours())
