"""Results of the global search, grouped by record kind (``models.search_results``); opening one
goes to its record."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTreeView, QVBoxLayout, QWidget

from db.records.search import Hit
from desktop.desk import Desk
from desktop.models.search_results import MARKED_ROLE, RECORD_ROLE, SearchResultsModel
from desktop.widgets.marked_text import MarkedTextDelegate
from desktop.worker import Latest


class SearchPage(QWidget):
    open_record = Signal(str, str, bool)  # kind, id, archived
    finished = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("page_search")
        self.summary = QLabel(self)
        self.results = SearchResultsModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("searchResults")
        self.view.setModel(self.results)
        self.view.setItemDelegate(MarkedTextDelegate(MARKED_ROLE, self.view))
        self.view.setHeaderHidden(True)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self._latest = Latest()
        self.query = ""

    def search(self, query: str) -> None:
        self.query = query
        self.summary.setText(self.tr("Searching…"))
        self.desk.find(query, self._show, self._latest)

    def _show(self, hits: list[Hit]) -> None:
        self.results.show(hits)
        self.view.expandAll()
        if hits:
            self.summary.setText(
                self.tr("%Ln records match “%1”.", "", len(hits)).replace("%1", self.query)
            )
            first_group = self.results.index(0, 0)
            self.view.setCurrentIndex(self.results.index(0, 0, first_group))
        else:
            self.summary.setText(
                self.tr("Nothing matches “%1”. Try fewer or shorter words.").replace(
                    "%1", self.query
                )
            )
        self.finished.emit(len(hits))

    def _open(self, index) -> None:
        data = index.data(RECORD_ROLE)
        if data:
            self.open_record.emit(*data)
