"""Coverage: who we work with on what. Partners × thematic areas (for one year or all years) with
the agreements, consultations and joint activities in each cell, and the participants of joint
activities (women / men) by area and year; both exported to XLSX.

The figures come from ``db.queries.coverage`` off the GUI thread; a cell opens the list behind it.
The two tables are ``models.coverage_matrix`` and ``models.participants_report``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import clock
from db.exchange.spreadsheets import coverage as coverage_workbook
from db.queries import coverage
from db.queries.coverage import ActivitiesReport, CoverageMatrix
from db.queries.listing import ListFilter
from desktop.desk import Desk
from desktop.models.coverage_matrix import ALL, CoverageModel
from desktop.models.participants_report import (
    AREA,
    ParticipantsReportFilter,
    ParticipantsReportModel,
)
from desktop.widgets import file_dialogs
from desktop.worker import Latest, run_in_background


class CoveragePage(QWidget):
    open_list = Signal(str, object)  # kind, ListFilter

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self._latest = Latest()
        self.matrix: CoverageMatrix | None = None
        self.report: ActivitiesReport | None = None
        self._stale = True

        heading = QLabel(self.tr("Coverage"), self)
        heading.setStyleSheet("font-size: 140%; font-weight: 600;")
        self.year = QComboBox(self)
        self.year.addItem(self.tr("All years"), ALL)
        self.year.currentIndexChanged.connect(self._show)
        year_label = QLabel(self.tr("&Year"), self)
        year_label.setBuddy(self.year)
        self.year.setAccessibleName(self.tr("Year"))
        self.include_empty = QCheckBox(self.tr("Show partners with nothing recorded"), self)
        self.include_empty.toggled.connect(self.refresh)
        self.export_button = QPushButton(self.tr("E&xport to XLSX…"), self)
        self.export_button.clicked.connect(self.choose_export_file)
        controls = QHBoxLayout()
        controls.addWidget(heading)
        controls.addStretch(1)
        controls.addWidget(year_label)
        controls.addWidget(self.year)
        controls.addWidget(self.include_empty)
        controls.addWidget(self.export_button)

        self.model = CoverageModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("coverageTable")
        self.table.setAccessibleName(self.tr("Partners × thematic areas"))
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setDefaultSectionSize(80)
        self.table.doubleClicked.connect(lambda index: self.open_cell(index, "activity"))
        self.table.activated.connect(lambda index: self.open_cell(index, "activity"))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._cell_menu)
        legend = QLabel(
            self.tr(
                "Each cell: agreements · consultations · joint activities. Double-click a cell "
                "for its joint activities; right-click for its agreements or consultations."
            ),
            self,
        )
        legend.setWordWrap(True)
        coverage_tab = QWidget(self)
        column = QVBoxLayout(coverage_tab)
        column.addWidget(legend)
        column.addWidget(self.table, 1)

        self.report_model = ParticipantsReportModel(self)
        self.report_proxy = ParticipantsReportFilter(self.report_model, self)
        self.report_table = QTableView(self)
        self.report_table.setObjectName("activitiesReport")
        self.report_table.setAccessibleName(self.tr("Participants in joint activities"))
        self.report_table.setModel(self.report_proxy)
        self.report_table.setSortingEnabled(True)
        self.report_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_table.verticalHeader().setVisible(False)
        self.report_note = QLabel(self)
        self.report_note.setWordWrap(True)
        report_tab = QWidget(self)
        column = QVBoxLayout(report_tab)
        column.addWidget(self.report_note)
        column.addWidget(self.report_table, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(coverage_tab, self.tr("Partners × thematic areas"))
        self.tabs.addTab(report_tab, self.tr("Participants in joint activities"))
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        desk.changed.connect(self._store_changed)

    # -- loading -------------------------------------------------------------------------------------
    def activate(self) -> None:
        if self._stale:
            self.refresh()

    def _store_changed(self, _kind: str = "") -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        include_empty = self.include_empty.isChecked()
        self.status.setText(self.tr("Counting…"))

        def count():
            with self.desk.store.reading() as session:
                return (
                    coverage.coverage_matrix(session, include_empty=include_empty),
                    coverage.activities_report(session),
                )

        run_in_background(count, self._loaded, latest=self._latest)

    def _loaded(self, result: tuple[CoverageMatrix, ActivitiesReport]) -> None:
        self.matrix, self.report = result
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("All years"), ALL)
        for year in reversed(self.matrix.years):
            self.year.addItem(str(year), year)
        index = self.year.findData(chosen)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)
        self._show()
        self._fill_report(self.report)
        partners = len(self.matrix.partners)
        self.status.setText(
            self.tr("Partners: %1 · thematic areas: %2")
            .replace("%1", str(partners))
            .replace("%2", str(len(self.matrix.areas)))
        )

    def _show(self) -> None:
        year = self.year.currentData()
        if self.matrix is not None:
            self.model.show(self.matrix, year)
            self.table.resizeColumnToContents(len(self.matrix.areas))
        # The participants report follows the chosen year too (its totals over all years then
        # make no sense and are hidden).
        self.report_proxy.show_year(year)

    def _fill_report(self, report: ActivitiesReport) -> None:
        self.report_model.show(report)
        self.report_table.sortByColumn(AREA, Qt.SortOrder.AscendingOrder)  # areas in tree order
        self.report_table.resizeColumnsToContents()
        self.report_note.setText(
            self.tr(
                "Cancelled activities are not counted. Participants, women and men are the sums "
                "of the figures recorded for each activity held (completed or ongoing); an "
                "activity without figures counts only among the joint activities. Participants "
                "expected at activities not held yet are counted apart."
            )
        )

    # -- opening what a cell counts ------------------------------------------------------------------
    def cell_filter(self, index: QModelIndex) -> ListFilter:
        year = self.model.year
        return ListFilter(
            partner_id=self.model.partner_at(index.row()),
            thematic_area_id=self.model.area_at(index.column()) or None,
            date_from=date(year, 1, 1) if year else None,
            date_to=date(year, 12, 31) if year else None,
        )

    def open_cell(self, index: QModelIndex, kind: str) -> None:
        if index.isValid():
            self.open_list.emit(kind, self.cell_filter(index))

    def _cell_menu(self, point) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        menu = QMenu(self)
        for kind, text in (
            ("agreement", self.tr("Open its agreements")),
            ("consultation", self.tr("Open its consultations")),
            ("activity", self.tr("Open its joint activities")),
        ):
            action = QAction(text, menu)
            action.triggered.connect(lambda _c=False, k=kind: self.open_cell(index, k))
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(point))

    # -- export --------------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        suggested = str(Path.home() / f"Coverage {clock.today():%Y-%m-%d}.xlsx")
        path, _ = file_dialogs.save_file_name(
            self, self.tr("Export coverage"), suggested, self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.export_to(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> None:
        store, today = self.desk.store, self.desk.today()
        by_year = self.year.currentData() is not ALL
        include_empty = self.include_empty.isChecked()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))

        def done(_result) -> None:
            self.export_button.setEnabled(True)
            self.exported = path
            self.status.setText(self.tr("Exported to %1.").replace("%1", str(path)))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.status.setText(self.tr("Not exported: %1").replace("%1", str(exc)))

        run_in_background(
            lambda: coverage_workbook.write_coverage_xlsx(
                store, path, by_year=by_year, include_empty=include_empty, today=today
            ),
            done,
            failed,
        )
