"""Prepare briefing: the options of the sheet for a partner (and a consultation) beside a live
preview, then Print (the system print dialog) or Save as PDF.

Every sheet is laid out off the GUI thread: the preview after each change of the options (a
newer change supersedes an older one still being laid out), the file to save, and the pages sent
to a printer, which are drawn as images one page at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QLocale,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db import clock
from db.errors import StorageError
from db.records import derived
from db.schema.naming import full_name
from desktop.briefing.options import MAX_PER_SECTION, PAST_MONTHS, SECTIONS, BriefingOptions
from desktop.briefing.render import BriefingResult, render_briefing
from desktop.desk import Desk
from desktop.errors import plain_reason, report_unexpected, user_message
from desktop.labels import shortcut_text
from desktop.widgets import file_dialogs
from desktop.widgets.pickers import OptionalDateEdit
from desktop.widgets.wheel import wheel_scrolls_past_fields
from desktop.worker import Latest, run_in_background

PREVIEW_DELAY_MS = 300  # typing talking points re-lays the sheet once the officer pauses
PRINT_DPI = 300  # pages go to the printer as images; more adds size, not legibility


@dataclass(frozen=True)
class _Preview:
    pdf: bytes
    result: BriefingResult


class PrepareBriefingDialog(QDialog):
    def __init__(
        self,
        desk: Desk,
        partner_id: str,
        consultation_id: str | None = None,
        parent: QWidget | None = None,
        *,
        partners: list[str] | None = None,
    ):
        super().__init__(parent)
        self.desk, self.partner_id, self.consultation_id = desk, partner_id, consultation_id
        self.partner_name = ""
        self.setWindowTitle(self.tr("Prepare briefing"))
        self.written: Path | None = None  # the last file saved
        self.printed_pages = 0  # pages sent to the printer by the last print
        self.preview_pages = 0
        self._latest = Latest()
        self._preview: _Preview | None = None
        self._preview_options: BriefingOptions | None = None
        self._buffer: QBuffer | None = None
        self._printing: _PrintJob | None = None

        self.meeting_title = (
            desk.get("consultation", consultation_id)["title"] if consultation_id else ""
        )
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        # A meeting or an agreement has several partners: the officer says which one the sheet
        # is about (the likeliest first).
        self.partner = QComboBox(self)
        self.partner.setObjectName("briefingPartner")
        for candidate in dict.fromkeys([partner_id, *(partners or [])]):
            found = desk.get("organization", candidate)
            self.partner.addItem(full_name(found["name"], found.get("acronym")), candidate)
        self.partner.setCurrentIndex(0)
        self._set_partner()

        self.timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)

        options = QWidget(self)
        side = QVBoxLayout(options)
        side.setContentsMargins(0, 0, 6, 0)
        side.addWidget(self.heading)
        if self.partner.count() > 1:
            chooser = QFormLayout()
            chooser.addRow(self.tr("&Partner"), self.partner)
            side.addLayout(chooser)
        else:
            self.partner.hide()
        side.addWidget(self._period_box())
        side.addWidget(self._sections_box())
        form = QFormLayout()
        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        if QLocale().language() == QLocale.Language.French:  # the sheet in the window's language
            self.language.setCurrentIndex(1)
        self.per_section = QSpinBox(self)
        self.per_section.setRange(0, 999)  # 0 shows as "All"
        self.per_section.setSpecialValueText(self.tr("All"))
        self.per_section.setValue(MAX_PER_SECTION)
        self.per_section.setToolTip(
            self.tr(
                "The newest or nearest entries of each list are printed; the sheet says how "
                "many more PartnerDesk holds."
            )
        )
        self.prepared_by = QLineEdit(self)
        self.prepared_by.setObjectName("preparedBy")
        self.prepared_by.setText(desk.officer_name() or "")
        self.prepared_by.setPlaceholderText(self.tr("Your name, for the footer"))
        form.addRow(self.tr("Prepared &by"), self.prepared_by)
        form.addRow(self.tr("Pape&r"), self.paper)
        form.addRow(self.tr("&Headings in"), self.language)
        form.addRow(self.tr("At &most per section"), self.per_section)
        side.addLayout(form)
        talking_label = QLabel(self.tr("&Talking points"), self)
        self.talking_points = QPlainTextEdit(self)
        self.talking_points.setTabChangesFocus(True)
        self.talking_points.setPlaceholderText(
            self.tr("Points the official should make, one per line")
        )
        talking_label.setBuddy(self.talking_points)
        side.addWidget(talking_label)
        side.addWidget(self.talking_points, 1)
        wheel_scrolls_past_fields(options)
        scroller = QScrollArea(self)
        scroller.setWidget(options)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setMinimumWidth(300)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.preview_status = QLabel(self)
        self.preview_status.setWordWrap(True)
        preview = QWidget(self)
        right = QVBoxLayout(preview)
        right.setContentsMargins(6, 0, 0, 0)
        right.addWidget(self.preview_status)
        right.addWidget(self.view, 1)

        splitter = QSplitter(self)
        splitter.addWidget(scroller)
        splitter.addWidget(preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 620])
        splitter.setChildrenCollapsible(False)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(
            self.tr("Print the briefing (%1)").replace(
                "%1", shortcut_text(QKeySequence.StandardKey.Print)
            )
        )
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(
            self.tr("Save the briefing as a PDF file (%1)").replace(
                "%1", shortcut_text(QKeySequence.StandardKey.Save)
            )
        )
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.print_button.clicked.connect(self.on_print)
        self.save_button.clicked.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(1000, 720)

        self.partner.currentIndexChanged.connect(self._partner_chosen)
        for combo in (self.paper, self.language):
            combo.currentIndexChanged.connect(self.options_changed)
        self.talking_points.textChanged.connect(self.options_changed)
        self.prepared_by.textChanged.connect(self.options_changed)
        self.per_section.valueChanged.connect(lambda _n: self.options_changed())
        for field in (self.period_from, self.period_to):
            field.dateChanged.connect(lambda _d: self.options_changed())
        self.refresh_preview()

    # -- the options ------------------------------------------------------------------------------
    def _set_partner(self) -> None:
        self.partner_id = self.partner.currentData()
        self.partner_name = self.desk.get("organization", self.partner_id)["name"]
        title = self.partner.currentText()
        if self.meeting_title:
            title += " — " + self.meeting_title
        self.heading.setText(self.tr("Briefing on %1").replace("%1", title))

    def _partner_chosen(self, _index: int) -> None:
        self._set_partner()
        self.refresh_preview()

    def _period_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Period of past consultations and activities"), self)
        form = QFormLayout(box)
        self.period_from = OptionalDateEdit(box)
        default_from = derived.add_months(self.desk.today(), -PAST_MONTHS)
        self.period_from.line.setPlaceholderText(
            self.tr("%1 (two years back)").replace("%1", default_from.isoformat())
        )
        self.period_to = OptionalDateEdit(box)
        self.period_to.line.setPlaceholderText(self.tr("no end: everything upcoming"))
        form.addRow(self.tr("&From"), self.period_from)
        form.addRow(self.tr("T&o"), self.period_to)
        note = QLabel(
            self.tr("Agreements and open follow-ups are shown whatever their dates."), box
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        form.addRow(note)
        return box

    def _sections_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sections"), self)
        column = QVBoxLayout(box)
        labels = {
            "purpose": self.tr("Purpose of the meeting"),
            "at_a_glance": self.tr("The partner at a glance"),
            "framework": self.tr("Framework of cooperation"),
            "focal_points": (
                self.tr(
                    "Focal points, the meeting's participants and other contacts (personal data)"
                )
                if self.consultation_id
                else self.tr("Focal points and other contacts (personal data)")
            ),
            "thematic_areas": self.tr("Thematic areas of cooperation"),
            "consultations": self.tr("Consultations"),
            "activities": self.tr("Joint activities"),
            "follow_ups": self.tr("Open follow-up actions"),
            "talking_points": self.tr("Talking points"),
        }
        self.sections: dict[str, QCheckBox] = {}
        for section in SECTIONS:
            if section == "purpose" and not self.consultation_id:
                continue  # only a meeting has a purpose
            check = QCheckBox(labels[section], box)
            # Contacts are personal data: printed only when the officer asks for them.
            check.setChecked(section != "focal_points")
            check.toggled.connect(self.options_changed)
            column.addWidget(check)
            self.sections[section] = check
        self.contacts = self.sections["focal_points"]
        # An activity's participant list names people: personal data too, off unless asked for.
        self.participant_lists = QCheckBox(
            self.tr("Participant lists of joint activities (personal data)"), box
        )
        self.participant_lists.setObjectName("participantLists")
        self.participant_lists.toggled.connect(self.options_changed)
        activities = self.sections["activities"]
        column.insertWidget(column.indexOf(activities) + 1, self.participant_lists)
        self.participant_lists.setContentsMargins(20, 0, 0, 0)
        activities.toggled.connect(self.participant_lists.setEnabled)
        return box

    def options(self) -> BriefingOptions:
        """The options as the dialog shows them. Raises ValueError naming what cannot be used."""
        start, end = self._period_day(self.period_from), self._period_day(self.period_to)
        if start and end and end < start:
            raise ValueError(self.tr("The period ends before it starts."))
        chosen = frozenset(name for name, check in self.sections.items() if check.isChecked())
        return BriefingOptions(
            partner_id=self.partner_id,
            consultation_id=self.consultation_id,
            period_from=start,
            period_to=end,
            sections=chosen,
            include_contacts=self.contacts.isChecked(),
            include_participant_lists=self.participant_lists.isChecked(),
            talking_points=self.talking_points.toPlainText(),
            paper=self.paper.currentData(),
            language=self.language.currentData(),
            max_per_section=self.per_section.value() or None,
            prepared_by=self.prepared_by.text().strip(),
        )

    def _period_day(self, field: OptionalDateEdit) -> date | None:
        if field.text() and field.value() is None:
            which = self.tr("From") if field is self.period_from else self.tr("To")
            raise ValueError(
                self.tr("%1: “%2” is not a date; write it as YYYY-MM-DD.")
                .replace("%1", which)
                .replace("%2", field.text())
            )
        return field.value()

    # -- the preview ------------------------------------------------------------------------------
    def options_changed(self) -> None:
        self.timer.start()

    def refresh_preview(self) -> None:
        """Lay the sheet out off the GUI thread; only the newest request reaches the view."""
        self.timer.stop()
        try:
            options = self.options()
        except ValueError as exc:
            self._latest.next()  # an older layout still running must not replace this message
            self.preview_status.setText(self.tr("Preview not updated. %1").replace("%1", str(exc)))
            self._set_output_enabled(False)
            return
        store, today = self.desk.store, self.desk.today()
        stamp = clock.local_now()
        self.preview_status.setText(self.tr("Preparing the preview…"))

        def lay_out() -> _Preview:
            pdf = BytesIO()
            result = render_briefing(store, options, pdf, today=today, generated_at=stamp)
            return _Preview(pdf.getvalue(), result)

        def shown(preview: _Preview) -> None:
            self._show_preview(preview, options)

        def failed(exc: BaseException) -> None:
            self.preview_status.setText(self.tr("No preview: %1").replace("%1", _reason(exc)))
            self._set_output_enabled(False)

        run_in_background(lay_out, shown, failed, latest=self._latest)

    def _show_preview(self, preview: _Preview, options: BriefingOptions) -> None:
        # Keep the officer's place in the sheet across a refresh.
        navigator = self.view.pageNavigator()
        page, zoom = navigator.currentPage(), self.view.zoomFactor()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(preview.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()  # the document has let go of it on loading the new one
        self._buffer = buffer
        self._preview, self._preview_options = preview, options
        self.preview_pages = self.document.pageCount()
        if 0 < page < self.preview_pages:
            navigator.jump(page, QPointF(), zoom)
        text = self._pages(self.preview_pages)
        result = preview.result
        said = list(result.warnings[:-1] if result.unprintable else result.warnings)
        if result.unprintable:
            # Before printing: which characters of the officer's text no bundled font has.
            said.append(
                self.tr("These characters have no font and will print as empty boxes: %1").replace(
                    "%1", " ".join(result.unprintable)
                )
            )
        if said:
            text += " " + " ".join(said)
        self.preview_status.setText(text)
        self._set_output_enabled(self._printing is None)

    def preview_text(self) -> str:
        """The text of the sheet shown in the preview, page after page."""
        return "\n".join(
            self.document.getAllText(page).text() for page in range(self.document.pageCount())
        )

    def _pages(self, count: int) -> str:
        return self.tr("%Ln pages", "", count)

    def _set_output_enabled(self, enabled: bool) -> None:
        self.print_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    # -- Save as PDF ------------------------------------------------------------------------------
    def choose_file(self) -> None:
        suggested = str(Path.home() / f"Briefing — {self.partner_name}.pdf")
        path, _ = file_dialogs.save_file_name(
            self, self.tr("Save the briefing"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_to(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def save_to(self, path: Path, *, open_it: bool = True) -> None:
        """Lay the sheet out off the GUI thread into the file, then open it with the system's
        viewer. The file is written whole or not at all."""
        try:
            options = self.options()
        except ValueError as exc:
            self.status.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return
        store, today = self.desk.store, self.desk.today()
        self._set_output_enabled(False)
        self.status.setText(self.tr("Saving the briefing…"))

        def done(result: BriefingResult) -> None:
            self._set_output_enabled(True)
            self.written = path
            self.status.setText(
                self.tr("Saved %1 (%2).")
                .replace("%1", str(path))
                .replace("%2", self._pages(result.pages))
            )
            if open_it:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        def failed(exc: BaseException) -> None:
            self._set_output_enabled(True)
            self.status.setText(self.tr("Not saved: %1").replace("%1", _reason(exc)))

        run_in_background(lambda: render_briefing(store, options, path, today=today), done, failed)

    # -- Print ------------------------------------------------------------------------------------
    def on_print(self) -> None:
        """The system print dialog, set to the sheet's paper, then the pages to the printer."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.prepare_printer(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the briefing"))
        dialog.setMinMax(1, max(1, self.preview_pages))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def prepare_printer(self, printer: QPrinter) -> None:
        paper = self.paper.currentData()
        size = QPageSize.PageSizeId.A4 if paper == "a4" else QPageSize.PageSizeId.Letter
        printer.setPageSize(QPageSize(size))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)  # the sheet has its own margins
        printer.setDocName(f"Briefing — {self.partner_name}")

    def print_to(self, printer: QPrinter) -> None:
        """Send the sheet (as laid out now, with a fresh footer) to the printer, page by page."""
        try:
            options = self.options()
        except ValueError as exc:
            self.status.setText(self.tr("Not printed: %1").replace("%1", str(exc)))
            return
        store, today = self.desk.store, self.desk.today()
        self._set_output_enabled(False)
        self.status.setText(self.tr("Preparing the pages for the printer…"))

        def lay_out() -> bytes:
            pdf = BytesIO()
            render_briefing(store, options, pdf, today=today)
            return pdf.getvalue()

        def failed(exc: BaseException) -> None:
            self._printing = None
            self._set_output_enabled(True)
            self.status.setText(self.tr("Not printed: %1").replace("%1", _reason(exc)))

        def start(pdf: bytes) -> None:
            self._printing = _PrintJob(self, printer, pdf, failed)
            self._printing.next_page()

        run_in_background(lay_out, start, failed)

    def _printing_page(self, number: int, count: int) -> None:
        self.status.setText(
            self.tr("Printing page %1 of %2…").replace("%1", str(number)).replace("%2", str(count))
        )

    def _printer_problem(self, what: str) -> str:
        if what == "open":
            return self.tr("the printer could not be opened")
        return self.tr("the printer refused a new page")

    def _printed(self, pages: int) -> None:
        self._printing = None
        self.printed_pages = pages
        self._set_output_enabled(True)
        self.status.setText(self.tr("Sent %1 to the printer.").replace("%1", self._pages(pages)))

    def done(self, result: int) -> None:
        if self._printing is not None:
            self._printing.abort()
        super().done(result)


def _reason(exc: BaseException) -> str:
    """Why the sheet could not be laid out, saved or printed: plainly for what the disk, the
    printer or the memory caused; a bug is reported (and logged) as one."""
    reason = plain_reason(exc)
    if reason is None:
        report_unexpected(exc)
        return user_message(exc)
    return reason


class _PrintJob:
    """Draws the sheet's pages on a printer one at a time: each page is rendered to an image off
    the GUI thread, then painted, so a long sheet neither freezes the window nor fills memory."""

    def __init__(self, dialog: PrepareBriefingDialog, printer: QPrinter, pdf: bytes, failed):
        self.dialog, self.printer, self.failed = dialog, printer, failed
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)
        count = self.document.pageCount()
        first, last = printer.fromPage(), printer.toPage()  # 0, 0: every page
        self.pages = list(range(first - 1, min(last, count))) if first > 0 else list(range(count))
        self.painter = QPainter()
        self.done = 0
        self.aborted = False

    def next_page(self) -> None:
        if self.aborted:
            return
        if self.done == len(self.pages):
            self.painter.end()
            self.dialog._printed(len(self.pages))
            return
        page = self.pages[self.done]
        self.dialog._printing_page(self.done + 1, len(self.pages))
        points = self.document.pagePointSize(page)
        dpi = min(self.printer.resolution(), PRINT_DPI)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        document = self.document
        run_in_background(lambda: document.render(page, size), self.paint, self._failed)

    def paint(self, image) -> None:
        if self.aborted:
            return
        if self.done == 0:
            if not self.painter.begin(self.printer):
                self._failed(StorageError(self.dialog._printer_problem("open")))
                return
        elif not self.printer.newPage():
            self._failed(StorageError(self.dialog._printer_problem("page")))
            return
        paper = self.printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
        target = QRect(0, 0, paper.width(), paper.height())
        scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target.setSize(scaled)
        target.moveCenter(QRect(0, 0, paper.width(), paper.height()).center())
        self.painter.drawImage(target, image)
        self.done += 1
        self.next_page()

    def _failed(self, exc: BaseException) -> None:
        self.abort()
        self.failed(exc)

    def abort(self) -> None:
        if not self.aborted and self.painter.isActive():
            self.printer.abort()
            self.painter.end()
        self.aborted = True
