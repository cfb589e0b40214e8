"""Coverage: who we work with on what. Partners × thematic areas (for one year or all years) with
the agreements, consultations and joint activities in each cell, and the participants of joint
activities (women / men) by area and year; both exported to XLSX.

The figures come from ``db.queries.coverage`` off the GUI thread; a cell opens the list behind it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QStandardItem, QStandardItemModel
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
from desktop.widgets import file_dialogs
from desktop.worker import Latest, run_in_background

ALL = None  # a row, column or year choice meaning "all"


def _area_title(area) -> str:
    return f"{area.code} {area.name}" if area.code else area.name


class CoverageModel(QAbstractTableModel):
    """Rows: partners, then "All partners"; columns: areas, then "All areas". A cell shows
    agreements · consultations · joint activities."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix: CoverageMatrix | None = None
        self.year: int | None = ALL
        self._largest = 1

    def show(self, matrix: CoverageMatrix, year: int | None) -> None:
        self.beginResetModel()
        self.matrix, self.year = matrix, year
        totals = [
            matrix.cell(p.organization_id, a.area_id, year).total
            for p in matrix.partners
            for a in matrix.areas
        ]
        self._largest = max(totals, default=0) or 1
        self.endResetModel()

    def partner_at(self, row: int) -> str | None:
        partners = self.matrix.partners if self.matrix else ()
        return partners[row].organization_id if row < len(partners) else ALL

    def area_at(self, column: int) -> str | None:
        areas = self.matrix.areas if self.matrix else ()
        return areas[column].area_id if column < len(areas) else ALL

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() or self.matrix is None:
            return 0
        return len(self.matrix.partners) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() or self.matrix is None:
            return 0
        return len(self.matrix.areas) + 1

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self.matrix is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            areas = self.matrix.areas
            if role == Qt.ItemDataRole.DisplayRole:
                if section < len(areas):
                    return areas[section].code or areas[section].name
                return self.tr("All areas")
            if role == Qt.ItemDataRole.ToolTipRole and section < len(areas):
                return _area_title(areas[section])
            return None
        partners = self.matrix.partners
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                partners[section].short_name if section < len(partners) else self.tr("All partners")
            )
        if role == Qt.ItemDataRole.ToolTipRole and section < len(partners):
            return partners[section].name
        return None

    def counts(self, index: QModelIndex):
        return self.matrix.cell(
            self.partner_at(index.row()), self.area_at(index.column()), self.year
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or self.matrix is None:
            return None
        counts = self.counts(index)
        totals = index.row() == len(self.matrix.partners) or index.column() == len(
            self.matrix.areas
        )
        if role == Qt.ItemDataRole.DisplayRole:
            if not counts:
                return ""
            return f"{counts.agreements} · {counts.consultations} · {counts.activities}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index, counts)
        if role == Qt.ItemDataRole.BackgroundRole and counts and not totals:
            # The busier the cell, the deeper its blue: the map reads at a glance.
            strength = 40 + int(140 * counts.total / self._largest)
            return QColor(30, 110, 200, strength)
        if role == Qt.ItemDataRole.FontRole and totals:
            font = self.parent().font() if self.parent() else None
            if font is not None:
                font.setBold(True)
            return font
        return None

    def _tooltip(self, index: QModelIndex, counts) -> str:
        partner = self.headerData(index.row(), Qt.Orientation.Vertical)
        column = index.column()
        areas = self.matrix.areas
        area = _area_title(areas[column]) if column < len(areas) else self.tr("All areas")
        year = str(self.year) if self.year is not None else self.tr("all years")
        parts = [
            self.tr("1 agreement")
            if counts.agreements == 1
            else self.tr("%1 agreements").replace("%1", str(counts.agreements)),
            self.tr("1 consultation")
            if counts.consultations == 1
            else self.tr("%1 consultations").replace("%1", str(counts.consultations)),
            self.tr("1 joint activity")
            if counts.activities == 1
            else self.tr("%1 joint activities").replace("%1", str(counts.activities)),
        ]
        return (
            self.tr("%1 × %2 (%3): %4")
            .replace("%1", partner)
            .replace("%2", area)
            .replace("%3", year)
            .replace("%4", ", ".join(parts))
        )


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

        self.report_model = QStandardItemModel(self)
        self.report_proxy = QSortFilterProxyModel(self)
        self.report_proxy.setSourceModel(self.report_model)
        self.report_proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.report_table = QTableView(self)
        self.report_table.setObjectName("activitiesReport")
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
        self.report_proxy.setFilterKeyColumn(1)
        self.report_proxy.setFilterFixedString("" if year is ALL else str(year))

    def _fill_report(self, report: ActivitiesReport) -> None:
        headers = [
            self.tr("Thematic area"),
            self.tr("Year"),
            self.tr("Joint activities"),
            self.tr("With participant figures"),
            self.tr("Participants"),
            self.tr("Women"),
            self.tr("Men"),
        ]
        self.report_model.clear()
        self.report_model.setHorizontalHeaderLabels(headers)
        areas = [(a.area_id, _area_title(a)) for a in report.areas] + [(ALL, self.tr("All areas"))]
        years = [(y, str(y)) for y in report.years] + [(ALL, self.tr("All years"))]
        for position, (area_id, area_name) in enumerate(areas):
            for year_position, (year, year_name) in enumerate(years):
                figures = report.row(area_id, year)
                if not figures.activities:
                    continue
                cells = [
                    (area_name, position),
                    (year_name, year_position),
                    *(
                        (str(n), n)
                        for n in (
                            figures.activities,
                            figures.with_figures,
                            figures.participants,
                            figures.women,
                            figures.men,
                        )
                    ),
                ]
                row = []
                for number, (text, order) in enumerate(cells):
                    item = QStandardItem(text)
                    item.setData(order, Qt.ItemDataRole.UserRole)
                    if number >= 2:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    if area_id is ALL or year is ALL:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    row.append(item)
                self.report_model.appendRow(row)
        self.report_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # areas in tree order
        self.report_table.resizeColumnsToContents()
        self.report_note.setText(
            self.tr(
                "Cancelled activities are not counted. Participants, women and men are the sums "
                "of the figures recorded for each activity; an activity without figures counts "
                "only among the joint activities."
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
