"""What the global search found, as a tree: one group per record kind, in the order of the
window's pages, with how many it holds; under it, each record's title (with its date, when its
kind has one) and the words around what matched, the matched words in bold. A record's row
carries (kind, id, archived), which opening it needs."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from db.records.search import END_MARK, MARK, Hit, unmarked
from db.schema.kinds import KINDS
from desktop.labels import kind_name
from desktop.models.record_table import format_value

RECORD_ROLE = Qt.ItemDataRole.UserRole  # (kind, id, archived) of the record a row stands for
MARKED_ROLE = Qt.ItemDataRole.UserRole + 1  # the row as rich text, what matched in bold


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
                title, snippet = hit.title, hit.snippet.replace("\n", " ")
                if hit.on is not None:
                    title += f" ({format_value(hit.on, 'date')})"
                item = QStandardItem(f"{unmarked(title)}\n    {unmarked(snippet)}")
                item.setData(
                    f"{_bold(title)}<br>&nbsp;&nbsp;&nbsp;&nbsp;{_bold(snippet)}", MARKED_ROLE
                )
                item.setEditable(False)
                item.setToolTip(unmarked(hit.snippet))
                item.setData((hit.kind, hit.record_id, hit.archived), RECORD_ROLE)
                group.appendRow(item)
            self.appendRow(group)


def _bold(marked: str) -> str:
    """Rich text of a title or snippet: the record's own text escaped (a title with "<b>" reads
    as typed), what matched in bold."""
    return escape(marked).replace(MARK, "<b>").replace(END_MARK, "</b>")
