"""A set of records to tick, as an item model: the partners or contacts of a record in a plain
list, or its thematic areas as a tree (sub-areas under their parent). Each entry carries its
record's id; ``ticked`` says the officer ticked or unticked one, never that options were loaded."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from db.queries.listing import AreaNode
from desktop.labels import area_label

ID_ROLE = Qt.ItemDataRole.UserRole


class ChecklistModel(QStandardItemModel):
    """Records to tick: (id, label) options, or the nodes of the thematic tree."""

    ticked = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.by_id: dict[str, QStandardItem] = {}  # every entry, by its record's id
        self._quiet = False  # loading or setting the ticks is not the officer ticking
        self.itemChanged.connect(self._item_changed)

    def _item_changed(self, _item: QStandardItem) -> None:
        if not self._quiet:
            self.ticked.emit()

    def set_options(
        self, options: list[tuple[str, str]] | list[AreaNode], chosen: Iterable[str] = ()
    ) -> None:
        """Offer these records, those in ``chosen`` ticked."""
        chosen = set(chosen)
        self._quiet = True
        try:
            self.clear()
            self.by_id.clear()
            parents: dict[str, QStandardItem] = {}
            for option in options:
                if isinstance(option, AreaNode):
                    record_id, label = option.id, area_label(option)
                    parent = parents.get(option.parent_id) if option.parent_id else None
                else:
                    (record_id, label), parent = option, None
                item = QStandardItem(label)
                item.setCheckable(True)
                item.setEditable(False)
                item.setData(record_id, ID_ROLE)
                item.setCheckState(
                    Qt.CheckState.Checked if record_id in chosen else Qt.CheckState.Unchecked
                )
                (parent or self.invisibleRootItem()).appendRow(item)
                parents[record_id] = item
                self.by_id[record_id] = item
        finally:
            self._quiet = False

    def chosen_ids(self) -> list[str]:
        """The ticked records' ids, sorted."""
        return sorted(
            rid for rid, item in self.by_id.items() if item.checkState() == Qt.CheckState.Checked
        )

    def set_chosen(self, ids: Iterable[str]) -> None:
        """Tick exactly these records."""
        chosen = set(ids)
        self._quiet = True
        try:
            for rid, item in self.by_id.items():
                item.setCheckState(
                    Qt.CheckState.Checked if rid in chosen else Qt.CheckState.Unchecked
                )
        finally:
            self._quiet = False
