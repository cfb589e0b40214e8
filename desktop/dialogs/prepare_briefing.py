"""Prepare briefing: the options of the sheet for a partner (and a consultation), then Save as
PDF. The sheet is laid out off the GUI thread and opened with the system's PDF viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.briefing.options import BriefingOptions
from desktop.briefing.render import render_briefing
from desktop.desk import Desk
from desktop.worker import run_in_background


class PrepareBriefingDialog(QDialog):
    def __init__(
        self,
        desk: Desk,
        partner_id: str,
        consultation_id: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.desk, self.partner_id, self.consultation_id = desk, partner_id, consultation_id
        partner = desk.get("organization", partner_id)
        self.partner_name = partner["name"]
        self.setWindowTitle(self.tr("Prepare briefing"))
        heading = QLabel(
            self.tr("Briefing on %1").replace(
                "%1",
                f"{partner['name']}"
                + (f" ({partner['acronym']})" if partner.get("acronym") else ""),
            ),
            self,
        )
        heading.setStyleSheet("font-weight: 600;")
        if consultation_id:
            meeting = desk.get("consultation", consultation_id)
            heading.setText(heading.text() + " — " + meeting["title"])
        self.contacts = QCheckBox(
            self.tr("Include focal points and other contacts (personal data)"), self
        )
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.talking_points = QPlainTextEdit(self)
        self.talking_points.setTabChangesFocus(True)
        self.talking_points.setPlaceholderText(
            self.tr("Points the official should make, one per line")
        )
        form = QFormLayout()
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Headings in"), self.language)
        form.addRow(self.tr("Talking points"), self.talking_points)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save as PDF…"))
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.contacts)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.written: Path | None = None

    def options(self) -> BriefingOptions:
        return BriefingOptions(
            partner_id=self.partner_id,
            consultation_id=self.consultation_id,
            include_contacts=self.contacts.isChecked(),
            talking_points=self.talking_points.toPlainText(),
            paper=self.paper.currentData(),
            language=self.language.currentData(),
        )

    def choose_file(self) -> None:
        suggested = str(Path.home() / f"Briefing — {self.partner_name}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the briefing"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_to(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def save_to(self, path: Path, *, open_it: bool = True) -> None:
        """Lay the sheet out off the GUI thread, then open it with the system's viewer."""
        store, options = self.desk.store, self.options()
        self.buttons.setEnabled(False)
        self.status.setText(self.tr("Preparing the briefing…"))

        def done(result) -> None:
            self.buttons.setEnabled(True)
            self.written = path
            self.status.setText(
                self.tr("Saved %1 (%2 pages).")
                .replace("%1", str(path))
                .replace("%2", str(result.pages))
            )
            if open_it:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.status.setText(self.tr("Not saved: %1").replace("%1", str(exc)))

        run_in_background(lambda: render_briefing(store, options, path), done, failed)
