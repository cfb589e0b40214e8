"""The thematic tree as an item model: areas under their parent area, code and name, archived
areas greyed and in italics. The thematic areas page edits names and codes in it; the area picker
shows it read-only, with the areas that cannot be chosen disabled, through a filter on what the
officer types."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from db.queries.listing import AreaNode
from desktop.labels import field_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 2
TOP_LEVEL = ""  # the item data of the "top level" choice in the picker (no parent)


class ThematicTreeModel(QStandardItemModel):
    """Areas in their tree, two columns (code, name). Edits are handed to ``commit_edit`` first:
    the text is kept only when the store accepted it."""

    CODE, NAME = 0, 1

    def __init__(self, parent: QObject | None = None):
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([field_label("Code"), field_label("Name")])
        self.commit_edit: Callable[[QModelIndex, str], bool] | None = None
        self._items: dict[str, QStandardItem] = {}

    def load(
        self,
        nodes: Iterable[AreaNode],
        *,
        greyed: QColor,
        editable: bool = True,
        disabled: set[str] | frozenset[str] = frozenset(),
        disabled_tip: str = "",
        archived_tip: str = "",
    ) -> None:
        self.setRowCount(0)
        self._items = {}
        tops: list[list[QStandardItem]] = []
        for node in nodes:
            row = self._row(node, greyed, editable, node.id in disabled, disabled_tip, archived_tip)
            parent = self._items.get(node.parent_id) if node.depth > 0 else None
            if parent is None:
                tops.append(row)
            else:
                parent.appendRow(row)
            self._items[node.id] = row[0]
        for row in tops:
            self.appendRow(row)

    def _row(
        self,
        node: AreaNode,
        greyed: QColor,
        editable: bool,
        disabled: bool,
        disabled_tip: str,
        archived_tip: str,
    ) -> list[QStandardItem]:
        row = [QStandardItem(node.code or ""), QStandardItem(node.name)]
        for item in row:
            item.setData(node.id, ID_ROLE)
            item.setData(node.archived, ARCHIVED_ROLE)
            item.setEditable(editable and not node.archived)
            if node.archived:
                item.setForeground(greyed)
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setToolTip(archived_tip)
            if disabled:
                item.setEnabled(False)
                item.setToolTip(disabled_tip)
        return row

    def add_top_level_choice(self, label: str) -> None:
        row = [QStandardItem(""), QStandardItem(label)]
        for item in row:
            item.setData(TOP_LEVEL, ID_ROLE)
            item.setData(False, ARCHIVED_ROLE)
            item.setEditable(False)
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        self.insertRow(0, row)

    def add_new_row(self, parent_id: str | None) -> QModelIndex:
        """A row for an area not saved yet (no id); returns the index of its name."""
        row = [QStandardItem(""), QStandardItem("")]
        for item in row:
            item.setData(None, ID_ROLE)
            item.setData(False, ARCHIVED_ROLE)
        row[self.CODE].setEditable(False)
        parent = self._items.get(parent_id) if parent_id else None
        if parent is None:
            self.appendRow(row)
        else:
            parent.appendRow(row)
        return row[self.NAME].index()

    def drop_unsaved_rows(self) -> bool:
        dropped = False

        def walk(parent: QStandardItem) -> None:
            nonlocal dropped
            for r in reversed(range(parent.rowCount())):
                child = parent.child(r, 0)
                if child.data(ID_ROLE) is None:
                    parent.removeRow(r)
                    dropped = True
                else:
                    walk(child)

        walk(self.invisibleRootItem())
        return dropped

    def id_at(self, index: QModelIndex) -> str | None:
        return index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None

    def index_of(self, area_id: str, column: int = 0) -> QModelIndex:
        item = self._items.get(area_id)
        if item is None:
            return QModelIndex()
        return item.index().siblingAtColumn(column)

    def remember(self, area_id: str, index: QModelIndex) -> None:
        """A new row got its id from the store."""
        first = self.itemFromIndex(index.siblingAtColumn(0))
        for column in (self.CODE, self.NAME):
            self.itemFromIndex(index.siblingAtColumn(column)).setData(area_id, ID_ROLE)
        first.setEditable(True)
        self._items[area_id] = first

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and self.commit_edit is not None:
            text = "" if value is None else str(value)
            if text == (index.data(Qt.ItemDataRole.EditRole) or "") and self.id_at(index):
                return True
            if not self.commit_edit(index, text):
                return False
        return super().setData(index, value, role)


class ThematicTreeFilter(QSortFilterProxyModel):
    """The tree narrowed to the areas whose code or name holds the typed text, with the parents
    that lead to them (the picker's filter)."""

    def __init__(self, tree: ThematicTreeModel, parent: QObject | None = None):
        super().__init__(parent)
        self.setSourceModel(tree)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def first_match(self, wanted: str, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        """The first area that can be chosen and matches itself (not a parent kept for one of
        its sub-areas), in tree order; ``wanted`` is case-folded."""
        for row in range(self.rowCount(parent)):
            index = self.index(row, 0, parent)
            texts = (index.data() or "", index.siblingAtColumn(1).data() or "")
            enabled = index.flags() & Qt.ItemFlag.ItemIsEnabled
            if enabled and any(wanted in t.casefold() for t in texts):
                return index
            below = self.first_match(wanted, index)
            if below.isValid():
                return below
        return QModelIndex()
