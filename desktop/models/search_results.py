"""What the global search found, as a tree: one group per record kind, in the order of the
window's pages, with how many it holds; under it, each record's title and the words around what
matched. A record's row carries (kind, id, archived), which opening it needs."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from db.records.search import Hit
from db.schema.kinds import KINDS
from desktop.labels import kind_name

RECORD_ROLE = Qt.ItemDataRole.UserRole  # (kind, id, archived) of the record a row stands for


class SearchResultsModel(QStandardItemModel):
    """The hits of one search, grouped by kind."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)

    def show(self, hits: list[Hit]) -> None:
        self.clear()
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
                item.setData((hit.kind, hit.record_id, hit.archived), RECORD_ROLE)
                group.appendRow(item)
            self.appendRow(group)
