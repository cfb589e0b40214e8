"""Results of the global search, grouped by record kind; opening one goes to its record."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QTreeView, QVBoxLayout, QWidget

from db.records.search import Hit
from db.schema.kinds import KINDS
from desktop.desk import Desk
from desktop.labels import kind_name
from desktop.worker import Latest


class SearchPage(QWidget):
    open_record = Signal(str, str, bool)  # kind, id, archived
    finished = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("page_search")
        self.summary = QLabel(self)
        self.results = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("searchResults")
        self.view.setModel(self.results)
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
        self.results.clear()
        by_kind: dict[str, list[Hit]] = {}
        for hit in hits:
            by_kind.setdefault(hit.kind, []).append(hit)
        for kind in (k.name for k in KINDS):
            found = by_kind.get(kind)
            if not found:
                continue
            group = QStandardItem(f"{kind_name(kind, plural=True)} ({len(found)})")
            group.setEditable(False)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            for hit in found:
                item = QStandardItem(f"{hit.title}\n    {hit.snippet.replace(chr(10), ' ')}")
                item.setEditable(False)
                item.setToolTip(hit.snippet)
                item.setData((hit.kind, hit.record_id, hit.archived), Qt.ItemDataRole.UserRole)
                group.appendRow(item)
            self.results.appendRow(group)
        self.view.expandAll()
        if hits:
            self.summary.setText(
                (
                    self.tr("One record matches “%2”.")
                    if len(hits) == 1
                    else self.tr("%1 records match “%2”.")
                )
                .replace("%1", str(len(hits)))
                .replace("%2", self.query)
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
        data = index.data(Qt.ItemDataRole.UserRole)
        if data:
            self.open_record.emit(*data)
