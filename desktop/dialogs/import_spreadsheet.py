"""Import from a spreadsheet: a CSV or XLSX file of partners, contacts, agreements or joint
activities. The officer sees which column goes into which field (remembered for files with the
same header), the first rows as they will come in, then every problem by row and column; the
file comes in whole or not at all. Reading, checking and importing run off the GUI thread, with
a progress bar and Cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import FileRefused
from db.exchange.spreadsheets import (
    Cancelled,
    ImportResult,
    RowProblem,
    SpreadsheetImport,
    SpreadsheetRefused,
    Table,
    open_table,
)
from db.schema.kinds import IMPORTABLE
from desktop import colours
from desktop.desk import Changes, Desk
from desktop.errors import plain_reason
from desktop.labels import kind_name
from desktop.widgets import file_dialogs
from desktop.worker import Latest, run_in_background

KINDS = tuple(kind.name for kind in IMPORTABLE)
PREVIEW_ROWS = 10
LEAVE_OUT = None


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (a queued signal)."""

    moved = Signal(int, int)


class ImportSpreadsheetDialog(QDialog):
    def __init__(
        self,
        desk: Desk,
        kind: str = "organization",
        path: Path | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.desk = desk
        self.table: Table | None = None
        self.importer: SpreadsheetImport | None = None
        self.result: ImportResult | None = None
        self.problems: list[RowProblem] = []
        self._latest = Latest()
        self._cancel = threading.Event()
        self._busy = False
        self.setWindowTitle(self.tr("Import from a spreadsheet"))

        self.file = QLineEdit(self)
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("A .csv or .xlsx file"))
        choose = QPushButton(self.tr("&Choose a file…"), self)
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        self.kind = QComboBox(self)
        for name in KINDS:
            self.kind.addItem(kind_name(name, plural=True), name)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.kind.currentIndexChanged.connect(lambda _i: self._reopen())
        self.sheet = QComboBox(self)
        self.sheet.setEnabled(False)
        self.sheet.activated.connect(lambda _i: self._reopen())
        # A CSV file's encoding is found by itself; an officer who sees wrong letters chooses.
        self.encoding = QComboBox(self)
        self.encoding.setToolTip(
            self.tr("How the letters of a CSV file are written: choose it when they look wrong")
        )
        for label, codec in (
            (self.tr("Found by itself"), None),
            (self.tr("Unicode (UTF-8)"), "utf-8"),
            (self.tr("Unicode (UTF-16)"), "utf-16"),
            (self.tr("Western European (Windows-1252)"), "cp1252"),
            (self.tr("Central European (Windows-1250)"), "cp1250"),
            (self.tr("Cyrillic (Windows-1251)"), "cp1251"),
            (self.tr("Cyrillic (KOI8-R)"), "koi8_r"),
            (self.tr("Arabic (Windows-1256)"), "cp1256"),
            (self.tr("Arabic (ISO-8859-6)"), "iso8859_6"),
            (self.tr("Greek (Windows-1253)"), "cp1253"),
            (self.tr("Hebrew (Windows-1255)"), "cp1255"),
            (self.tr("Turkish (Windows-1254)"), "cp1254"),
            (self.tr("Thai (Windows-874)"), "cp874"),
            (self.tr("Chinese, simplified (GB18030)"), "gb18030"),
            (self.tr("Chinese, traditional (Big5)"), "big5"),
            (self.tr("Japanese (Shift-JIS)"), "cp932"),
            (self.tr("Japanese (EUC-JP)"), "euc_jp"),
            (self.tr("Korean (EUC-KR)"), "cp949"),
        ):
            self.encoding.addItem(label, codec)
        self.encoding.activated.connect(lambda _i: self._reopen())
        self.about_file = QLabel(self)
        self.about_file.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("&Records"), self.kind)
        form.addRow(self.tr("&Sheet"), self.sheet)
        form.addRow(self.tr("&Encoding"), self.encoding)
        form.addRow("", self.about_file)
        self.form = form

        self.mapping = QTableWidget(0, 3, self)
        self.mapping.setObjectName("columnMapping")
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("Goes into")]
        )
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.preview = QTableWidget(0, 0, self)
        self.preview.setObjectName("importPreview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_table = QTableWidget(0, 3, self)
        self.problem_table.setObjectName("importProblems")
        self.problem_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.problem_table.verticalHeader().setVisible(False)
        self.problem_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.problem_table.setWordWrap(True)

        def titled(title: str, widget: QWidget) -> QWidget:
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            label = QLabel(title, box)
            label.setStyleSheet("font-weight: 600;")
            column.addWidget(label)
            column.addWidget(widget, 1)
            return box

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(titled(self.tr("Which column goes where"), self.mapping))
        splitter.addWidget(titled(self.tr("The first rows, as they will come in"), self.preview))
        splitter.addWidget(titled(self.tr("Problems"), self.problem_table))
        splitter.setSizes([220, 220, 160])

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.check_button = QPushButton(self.tr("C&heck the whole file"), self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.check_button.clicked.connect(self.check_all)
        self.import_button.clicked.connect(self.import_all)
        self.close_button.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)  # buttons keep their size when the progress bar is hidden
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(980, 760)
        self._enable()
        if path is not None:
            self.open_file(Path(path))

    # -- the file --------------------------------------------------------------------------------
    @property
    def kind_key(self) -> str:
        return self.kind.currentData()

    def sheet_kind(self) -> str | None:
        """The record kind whose sheet a workbook is read from (its sheet named so)."""
        return self.kind_key

    def importer_for(self) -> Callable[[Table, list[str | None] | None], SpreadsheetImport]:
        """What reads the file's rows through a mapping (None: the one suggested); made on the
        GUI thread, used off it."""
        store, kind = self.desk.store, self.kind_key
        return lambda table, mapping: SpreadsheetImport(store, kind, table, mapping)

    def choose_file(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("Choose a spreadsheet"),
            str(Path.home()),
            self.tr("Spreadsheets (*.csv *.xlsx *.ods *.xls);;All files (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path, sheet: str | None = None) -> None:
        """Read the file off the GUI thread, then show its columns and first rows."""
        self.path = path
        self.file.setText(str(path))
        self.table, self.importer, self.result = None, None, None
        self._show_problems([])
        self.preview.setRowCount(0)
        self.mapping.setRowCount(0)
        self.status.setText(self.tr("Reading %1…").replace("%1", path.name))
        kind, encoding = self.sheet_kind(), self.encoding.currentData()
        importer = self.importer_for()

        def read():
            table = open_table(path, sheet=sheet, kind=kind, encoding=encoding)
            return table, importer(table, None)

        run_in_background(read, self._opened, self._not_readable, latest=self._latest)
        self._enable()

    def _reopen(self) -> None:
        if getattr(self, "path", None) is not None:
            self.open_file(self.path, self.sheet.currentText() or None)

    def _not_readable(self, exc: BaseException) -> None:
        if isinstance(exc, SpreadsheetRefused):
            self._show_problems(exc.rows)
            self.status.setText(str(exc.rows[0].message) if exc.rows else str(exc))
        else:
            self.status.setText(self._refusal(exc))
        self._enable()

    def _refusal(self, exc: BaseException) -> str:
        """What the window says of a failure, as the command line does; a bug goes on to the
        error handler."""
        if isinstance(exc, FileRefused):
            return self.tr("Nothing was imported: %1").replace("%1", str(exc))
        reason = plain_reason(exc)
        if reason is None:
            raise exc
        return reason

    def _opened(self, result: tuple[Table, SpreadsheetImport]) -> None:
        self.table, self.importer = result
        table = self.table
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(table.sheets)
        if table.sheet:
            self.sheet.setCurrentText(table.sheet)
        self.sheet.setEnabled(len(table.sheets) > 1)
        self.sheet.blockSignals(False)
        details = [self.tr("%Ln rows", "", len(table.rows))]
        if table.encoding:
            details.append(self.tr("encoding %1").replace("%1", table.encoding))
        if table.delimiter:
            shown = {
                ",": self.tr("commas"),
                ";": self.tr("semicolons"),
                "\t": self.tr("tabs"),
            }.get(table.delimiter, table.delimiter)
            details.append(self.tr("separated by %1").replace("%1", shown))
        self.about_file.setText(" · ".join(details))
        self._fill_mapping()
        self.refresh_preview()

    # -- the mapping -----------------------------------------------------------------------------
    def _fill_mapping(self) -> None:
        table, importer = self.table, self.importer
        self.mapping.setRowCount(len(table.header))
        first = table.rows[0][1] if table.rows else []
        for index in range(len(table.header)):
            name = QTableWidgetItem(table.column_name(index))
            sample = first[index] if index < len(first) else ""
            value = QTableWidgetItem("" if sample is None else str(sample))
            self.mapping.setItem(index, 0, name)
            self.mapping.setItem(index, 1, value)
            combo = QComboBox(self.mapping)
            combo.addItem(self.tr("— leave out —"), LEAVE_OUT)
            for column in importer.columns:
                text = f"{column.shown} ({column.key})" + (" *" if column.required else "")
                combo.addItem(text, column.key)
            combo.setCurrentIndex(max(combo.findData(importer.mapping[index]), 0))
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.mapping.setCellWidget(index, 2, combo)
        self.mapping.resizeColumnToContents(0)
        self.mapping.setColumnWidth(1, 220)

    def chosen_mapping(self) -> list[str | None]:
        return [
            self.mapping.cellWidget(row, 2).currentData() for row in range(self.mapping.rowCount())
        ]

    def set_column(self, header: str, key: str | None) -> None:
        """Send one of the file's columns into a field (or leave it out), as the combo does."""
        row = next(
            r for r in range(self.mapping.rowCount()) if self.mapping.item(r, 0).text() == header
        )
        combo = self.mapping.cellWidget(row, 2)
        combo.setCurrentIndex(combo.findData(key))

    def _mapping_changed(self) -> None:
        self.importer = self.importer_for()(self.table, self.chosen_mapping())
        self.result = None
        self.refresh_preview()

    # -- the preview -----------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        importer = self.importer
        early = importer.mapping_problems()
        self.status.setText(self.tr("Preparing the preview…"))

        def shown(rows) -> None:
            self._show_preview(rows)
            self._show_problems(early)
            ignored = importer.ignored_columns()
            text = (
                self.tr("Columns left out: %1.").replace("%1", ", ".join(ignored))
                if ignored
                else ""
            )
            self.status.setText(text)
            self._enable()

        run_in_background(
            lambda: importer.preview(PREVIEW_ROWS), shown, self._failed, latest=self._latest
        )

    def _show_preview(self, rows) -> None:
        columns = [column for _index, column in self.importer.mapped_columns()]
        self.preview.clear()
        self.preview.setColumnCount(1 + len(columns))
        self.preview.setHorizontalHeaderLabels([self.tr("Row")] + [c.shown for c in columns])
        self.preview.setRowCount(len(rows))
        self.preview.verticalHeader().setVisible(False)
        for line, row in enumerate(rows):
            self.preview.setItem(line, 0, QTableWidgetItem(str(row.row)))
            by_column: dict[str, list[str]] = {}
            for problem in row.problems:
                by_column.setdefault(problem.column, []).append(problem.message)
            for position, column in enumerate(columns, start=1):
                item = QTableWidgetItem(row.values.get(column.key, ""))
                messages = by_column.get(self.importer.header_of(column.key), [])
                if messages:
                    item.setBackground(QBrush(colours.problem_background(self.preview.palette())))
                    item.setToolTip("\n".join(messages))
                self.preview.setItem(line, position, item)
        self.preview.resizeColumnsToContents()
        for column in range(self.preview.columnCount()):
            self.preview.setColumnWidth(column, min(self.preview.columnWidth(column), 260))

    def _show_problems(self, problems: list[RowProblem]) -> None:
        self.problems = list(problems)
        self.problem_table.setRowCount(len(problems))
        for line, problem in enumerate(problems):
            cells = (str(problem.row) if problem.row else "", problem.column, problem.message)
            for column, text in enumerate(cells):
                self.problem_table.setItem(line, column, QTableWidgetItem(text))
        self.problem_table.resizeColumnToContents(0)
        self.problem_table.resizeColumnToContents(1)
        self.problem_table.resizeRowsToContents()

    # -- checking and importing, off the GUI thread ----------------------------------------------
    def check_all(self) -> None:
        self._run(
            lambda progress, cancelled: self.importer.check(progress, cancelled), self._checked
        )

    def _checked(self, problems: list[RowProblem]) -> None:
        self._finish()
        self._show_problems(problems)
        self.status.setText(
            self.tr("No problem found: the file can be imported.")
            if not problems
            else self.tr(
                "%Ln problems: nothing can be imported until they are corrected.", "", len(problems)
            )
        )

    def import_all(self) -> None:
        # An operation of the desk: on its writer thread, then announced to every view.
        self._run(
            lambda progress, cancelled: self.importer.commit(progress, cancelled),
            self._imported,
            changes=Changes.of(self.kind_key),
        )

    def _imported(self, result: ImportResult) -> None:
        self._finish()
        self.result = result
        self._show_problems([])
        self.status.setText(
            self.tr("Imported %1: %2.")
            .replace("%1", self.table.source)
            .replace("%2", result.describe())
        )
        self._enable()

    def _run(self, work, done, *, changes: Changes | None = None) -> None:
        """``work(progress, cancelled)`` off the GUI thread: a read, or with ``changes`` a write
        that goes through the desk's writer thread."""
        self._cancel.clear()
        self._busy = True
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._enable()
        carrier = _Progress()  # lives in the GUI thread; the worker only emits
        carrier.moved.connect(self._moved)
        self._carrier = carrier
        cancelled = self._cancel.is_set
        self.status.setText(self.tr("Working…"))
        if changes is None:
            run_in_background(lambda: work(carrier.moved.emit, cancelled), done, self._failed)
        else:
            self.desk.run(
                lambda _store: work(carrier.moved.emit, cancelled), changes, done, self._failed
            )

    def _moved(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, SpreadsheetRefused):
            self._show_problems(exc.rows)
            self.status.setText(
                self.tr(
                    "Nothing was imported: %Ln problems. Correct the file, then import it again.",
                    "",
                    len(exc.rows),
                )
            )
        elif isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled: nothing was imported."))
        else:
            self.status.setText(self._refusal(exc))

    def _finish(self) -> None:
        self._busy = False
        self.progress.setVisible(False)
        self._enable()

    def cancel_or_close(self) -> None:
        if self._busy:
            self._cancel.set()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.accept() if self.result else self.reject()

    def reject(self) -> None:
        if self._busy:  # Esc while importing cancels the import first
            self._cancel.set()
            return
        super().reject()

    def _enable(self) -> None:
        ready = self.importer is not None and not self._busy
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready and self.result is None)
        self.kind.setEnabled(not self._busy)
        self.mapping.setEnabled(not self._busy)
        self.close_button.setText(self.tr("Cancel") if self._busy else self.tr("Close"))
