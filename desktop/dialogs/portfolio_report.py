"""The portfolio report from the window: the review as the page shows it (its day), written as a
PDF report for management or as an XLSX workbook, in English or French — the same files as
``partnerdesk review``. Read and written off the GUI thread; a PDF opens in the system's viewer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.exchange.spreadsheets.portfolio import write_portfolio_xlsx
from db.schema.words import day_text
from desktop.desk import Desk
from desktop.errors import plain_reason, report_unexpected
from desktop.labels import window_language
from desktop.portfolio_report import SECTIONS, ReportOptions, read_portfolio
from desktop.portfolio_report import render_portfolio_report as render_pdf
from desktop.widgets import file_dialogs
from desktop.worker import run_in_background

PDF, XLSX = "pdf", "xlsx"


class PortfolioReportDialog(QDialog):
    def __init__(self, desk: Desk, as_of: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.as_of = as_of
        self.written: Path | None = None
        self.setObjectName("portfolioReport")
        self.setWindowTitle(self.tr("Portfolio report"))
        language = window_language()
        intro = QLabel(
            self.tr("Every agreement, its verdict and its figures, as of %1.").replace(
                "%1", day_text(as_of, language)
            ),
            self,
        )
        intro.setWordWrap(True)

        self.format = QComboBox(self)
        self.format.setObjectName("reportFormat")
        self.format.addItem(self.tr("PDF report, for reading and printing"), PDF)
        self.format.addItem(self.tr("Excel workbook, one row per agreement"), XLSX)
        self.language = QComboBox(self)
        self.language.setObjectName("reportLanguage")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.paper = QComboBox(self)
        self.paper.setObjectName("reportPaper")
        self.paper.addItem("A4", "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.sections: dict[str, QCheckBox] = {}
        names = {
            "summary": self.tr("Summary: counts by verdict and partner kind, the years' chart"),
            "instruments": self.tr("The instruments: each with its verdict and figures"),
            "rules": self.tr("The rules behind the verdicts"),
        }
        self.prepared_by = QLineEdit(self)
        self.prepared_by.setObjectName("preparedBy")
        self.prepared_by.setText(desk.officer_name() or "")
        self.prepared_by.setPlaceholderText(self.tr("Your name, for the footer"))

        form = QFormLayout()
        form.addRow(self.tr("&Format"), self.format)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Paper"), self.paper)
        for key in SECTIONS:
            box = QCheckBox(names[key], self)
            box.setObjectName(f"section_{key}")
            box.setChecked(True)
            box.toggled.connect(self._sections_changed)
            self.sections[key] = box
            form.addRow(self.tr("Sections") if key == SECTIONS[0] else "", box)
        form.addRow(self.tr("Prepared &by"), self.prepared_by)
        self.format.currentIndexChanged.connect(self._format_changed)

        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("&Save…"), self)
        self.save_button.setObjectName("saveReport")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _format_changed(self) -> None:
        # A workbook has every figure on one sheet: paper, sections and footer are the PDF's.
        pdf = self.format.currentData() == PDF
        for widget in (self.paper, self.prepared_by, *self.sections.values()):
            widget.setEnabled(pdf)
        self._sections_changed()

    def _sections_changed(self) -> None:
        chosen = any(box.isChecked() for box in self.sections.values())
        self.save_button.setEnabled(chosen or self.format.currentData() == XLSX)
        self.status.setText("" if self.save_button.isEnabled() else self.tr("Tick a section."))

    def options(self) -> ReportOptions:
        return ReportOptions(
            sections=frozenset(k for k, box in self.sections.items() if box.isChecked()),
            paper=self.paper.currentData(),
            language=self.language.currentData(),
            prepared_by=self.prepared_by.text().strip(),
        )

    def choose_file(self) -> None:
        pdf = self.format.currentData() == PDF
        suffix = ".pdf" if pdf else ".xlsx"
        suggested = str(Path.home() / f"Portfolio review {self.as_of:%Y-%m-%d}{suffix}")
        name_filter = self.tr("PDF files (*.pdf)") if pdf else self.tr("Excel workbooks (*.xlsx)")
        path, _ = file_dialogs.save_file_name(
            self, self.tr("Save the portfolio report"), suggested, name_filter
        )
        if path:
            self.save_to(Path(path if path.lower().endswith(suffix) else path + suffix))

    def save_to(self, path: Path, *, open_it: bool = True) -> None:
        """Read the review and write the file off the GUI thread (whole or not at all)."""
        store, as_of, options = self.desk.store, self.as_of, self.options()
        pdf = self.format.currentData() == PDF

        def write() -> int:
            review, by_year = read_portfolio(store, as_of)
            if pdf:
                render_pdf(review, options, path, by_year=by_year)
            else:
                write_portfolio_xlsx(review, path, language=options.language)
            return len(review.assessments)

        def done(count: int) -> None:
            self.save_button.setEnabled(True)
            self.written = path
            self.status.setText(
                self.tr("Saved %1 (%2 agreements).")
                .replace("%1", str(path))
                .replace("%2", str(count))
            )
            if open_it and pdf:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            reason = plain_reason(exc)
            if reason is None:
                report_unexpected(exc)
                reason = self.tr("an unexpected error, written to the log")
            self.status.setText(self.tr("Not saved: %1").replace("%1", reason))

        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Writing the report…"))
        run_in_background(write, done, failed)
