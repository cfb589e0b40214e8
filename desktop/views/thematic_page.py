"""The tree of thematic areas of cooperation, as officers tidy it: add, rename in place, describe,
move under another area, archive and restore, merge two areas, and jump to what is filed under one.

Every change goes through the desk and is announced; the page reloads the tree when the store
says something changed. The rules (names not empty, no area under its own sub-area, no merge into
a sub-area) are the store's: the page shows their messages as they come.

The page holds the tree and its buttons (``thematic_actions``) beside the selected area
(``widgets.area_details``); the tree's rows are ``models.thematic_tree``, the area picker is
``dialogs.area_picker``, and what needs no window is in ``db.queries.thematic_areas``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QDialog,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.errors import StorageError, ValidationError
from db.queries import listing
from db.queries.listing import AreaNode, ListFilter
from db.queries.thematic_areas import area_label, subtree_ids
from desktop.desk import Desk
from desktop.dialogs.area_picker import AreaPickerDialog
from desktop.models.thematic_tree import ThematicTreeModel
from desktop.views.area_merge import AreaMerge
from desktop.views.thematic_actions import ThematicAreaActions
from desktop.widgets.area_details import LISTED_KINDS, AreaDetails
from desktop.widgets.area_tree import AreaTreePane

KIND = "thematic_area"


class ThematicAreasPage(QWidget):
    open_list = Signal(str, object)  # record kind, ListFilter: show what is filed under an area
    message = Signal(str)  # for the status bar

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("page_thematic_area")
        self._nodes: dict[str, AreaNode] = {}
        self._wanted_id: str | None = None  # to select after the next reload
        self._new_parent: str | None = None  # parent of the row being added
        self._before_new: str | None = None  # the area selected before it
        self._reloading = False
        self._stale = True
        self._busy = False
        self._sized = False
        self._reload_timer = QTimer(self, singleShot=True, interval=0, timeout=self.reload)
        self._build()
        desk.changed.connect(self._store_changed)

    # -- building ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.area_actions = ThematicAreaActions(
            self,
            add_area=self.add_area,
            add_sub_area=self.add_sub_area,
            rename=self.edit_current,
            move=self.choose_new_parent,
            merge=self.choose_merge_target,
            archive=self.archive_current,
        )

        self.merging = AreaMerge(self.desk, self)
        self.merging.running.connect(self._set_busy)
        self.merging.told.connect(lambda text, problem: self._tell(text, problem=problem))
        self.merging.merged.connect(self._select_after_reload)
        self.merging.storage_failed.connect(self._storage_failed)

        self.tree = AreaTreePane(self.area_actions.buttons(), self)
        self.model, self.view = self.tree.model, self.tree.view  # driven from here
        self.model.commit_edit = self._commit_edit
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.itemDelegate().closeEditor.connect(self._editor_closed)
        self.tree.show_archived.toggled.connect(lambda _on: self.reload())

        # The selected area, beside the tree.
        self.details = AreaDetails(self)
        self.details.description_edited.connect(self._update_actions)
        self.details.save_requested.connect(self.save_description)
        self.details.list_requested.connect(self.show_list)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter_thematic_area")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        self._show_selected()

    # -- loading ------------------------------------------------------------------------------------
    def activate(self) -> None:
        """Called when the page is shown: a fresh tree."""
        self.reload()
        if not self.view.hasFocus() and not self.details.description.hasFocus():
            self.view.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            width = max(self.splitter.width(), 800)
            self.splitter.setSizes([width * 3 // 5, width - width * 3 // 5])
        if self._stale:
            self._reload_timer.start()

    def _store_changed(self, _kind: str) -> None:
        # Any kind: the counts beside the tree follow agreements, consultations and activities.
        if self.isVisible():
            self._reload_timer.start()  # after the current edit has finished, once per burst
        else:
            self._stale = True

    def reload(self) -> None:
        """Read the tree again, keeping the selected area (or the one just added or moved)."""
        self._reload_timer.stop()
        if self.view.is_editing():
            self._reload_timer.start(150)  # never throw away what is being typed in the tree
            return
        keep = self._wanted_id or self.current_area_id() or self.details.shown_id
        self._wanted_id = None
        previous = self._nodes.get(keep) if keep else None
        nodes = self.desk.read(
            listing.area_tree, include_archived=self.tree.show_archived.isChecked()
        )
        self._stale = False
        self._reloading = True
        try:
            self._nodes = {n.id: n for n in nodes}
            self.tree.load(nodes)
            if keep not in self._nodes and previous is not None:
                keep = previous.parent_id  # it left the tree (archived, merged): go to its parent
            if keep in self._nodes:
                self.tree.select(keep)
            elif nodes:
                self.tree.select(nodes[0].id)
        finally:
            self._reloading = False
        self._show_selected()

    # -- the selected area ------------------------------------------------------------------------
    def current_area_id(self) -> str | None:
        return self.tree.current_id()

    def current_area(self) -> AreaNode | None:
        area_id = self.current_area_id()
        return self._nodes.get(area_id) if area_id else None

    def select_area(self, area_id: str) -> bool:
        """Select an area in the tree (False when the tree does not show it)."""
        if area_id not in self._nodes:
            return False
        self.tree.select(area_id)
        return True

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._reloading:
            self._show_selected()

    def _show_selected(self) -> None:
        area = self.current_area()
        new_id = area.id if area else None
        if new_id != self.details.shown_id or not self.description_is_dirty():
            self._leave_description()
            stored = self.desk.get(KIND, new_id) if new_id else {}
            self.details.show_description(
                new_id, stored.get("description") or "", stored.get("name_fr") or ""
            )
        if area is None and self.view.currentIndex().isValid():  # a row being added
            self.details.show_new_area()
        else:
            parent = self._nodes.get(area.parent_id) if area and area.parent_id else None
            self.details.show_area(area, parent)
        self._update_counts(new_id)
        self._update_actions()

    def _update_counts(self, area_id: str | None) -> None:
        if area_id is None:
            self.details.show_counts(None)
            return
        flt = ListFilter(thematic_area_id=area_id)
        self.details.show_counts(
            {
                kind: self.desk.read(listing.count, kind, flt, self.desk.today())
                for kind in LISTED_KINDS
            }
        )

    def _update_actions(self) -> None:
        area = self.current_area()
        self.area_actions.update(area, busy=self._busy)
        current = area is not None and not self._busy and not area.archived
        self.details.enable(
            shown=area is not None, editable=current, unsaved=self.description_is_dirty()
        )
        self.view.setEnabled(not self._busy)

    # -- telling the officer ------------------------------------------------------------------------
    def _tell(self, text: str, *, problem: bool = False) -> None:
        self.tree.tell(text, problem=problem)
        if text and not problem:
            self.message.emit(text)

    def _refused(self, exc: ValidationError) -> None:
        messages = list(dict.fromkeys(p.message for p in exc.problems))
        self._tell(self.tr("Not saved: %1").replace("%1", " ".join(messages)), problem=True)

    def _storage_failed(self, exc: StorageError) -> None:
        self._tell(str(exc), problem=True)
        QMessageBox.warning(self, self.tr("Not saved"), str(exc))

    def _save(self, raw: dict[str, Any]) -> str | None:
        """Save through the desk; the store's refusal is shown, and None returned."""
        try:
            return self.desk.save(KIND, raw)
        except ValidationError as exc:
            self._refused(exc)
        except StorageError as exc:
            self._storage_failed(exc)
        return None

    # -- adding and renaming ------------------------------------------------------------------------
    def add_area(self) -> None:
        """A new top-level area: a row at the end of the tree, its name being edited."""
        self._start_new_row(None)

    def add_sub_area(self) -> None:
        area = self.current_area()
        if area is None or area.archived:
            return
        self._start_new_row(area.id)

    def _start_new_row(self, parent_id: str | None) -> None:
        if self._busy:
            return
        self.view.finish_editing()  # keeps the edit in progress
        self.model.drop_unsaved_rows()
        self._tell("")
        self._new_parent = parent_id
        self._before_new = self.current_area_id()
        self.tree.add_row(parent_id)

    def new_record(self, preset: dict[str, Any] | None = None) -> None:
        """The window's "New": a sub-area under the selected area, or a top-level one."""
        if self.current_area() is not None and not self.current_area().archived:
            self.add_sub_area()
        else:
            self.add_area()

    def edit_current(self, column: int = ThematicTreeModel.NAME) -> None:
        """Edit the selected area's name (or code) in the tree."""
        area = self.current_area()
        if area is None or area.archived or self._busy:
            return
        self.tree.edit_area(area.id, column)

    def _commit_edit(self, index: QModelIndex, text: str) -> bool:
        area_id = self.model.id_at(index)
        field = "code" if index.column() == ThematicTreeModel.CODE else "name"
        if area_id is None:  # a new row
            saved = self._save({"name": text, "code": "", "parent_id": self._new_parent})
            if saved is None:
                QTimer.singleShot(0, self, self._drop_abandoned_row)
                return False
            self.model.remember(saved, index)
            self._wanted_id = saved
            self._tell(self.tr("Added “%1”.").replace("%1", text))
            return True
        raw = self.desk.get(KIND, area_id)
        raw[field] = text
        if self._save(raw) is None:
            return False
        self._wanted_id = area_id
        self._tell(self.tr("Saved."))
        return True

    def _editor_closed(self, _editor: QWidget, _hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Escape on a new row: it was never saved, so it goes away.
        QTimer.singleShot(0, self, self._drop_abandoned_row)

    def _drop_abandoned_row(self) -> None:
        if self.view.is_editing():
            return
        if self.model.drop_unsaved_rows() and self._before_new in self._nodes:
            self.tree.select(self._before_new)  # back where the officer was

    # -- the description ----------------------------------------------------------------------------
    def description_is_dirty(self) -> bool:
        return self.details.description_changed()

    def save_description(self) -> bool:
        if not self.description_is_dirty():
            return True
        raw = self.desk.get(KIND, self.details.shown_id)
        text = self.details.description.toPlainText()
        french = self.details.french_name.text().strip()
        raw["description"] = text
        raw["name_fr"] = french or None
        if self._save(raw) is None:
            return False
        self.details.description_saved(text, french)
        self._tell(self.tr("Description saved."))
        self._update_actions()
        return True

    def _leave_description(self) -> None:
        # Moving to another area keeps what was typed: the description is saved on the way.
        if self.description_is_dirty():
            self.save_description()

    def save_current(self) -> bool:
        """The window's "Save"."""
        self.view.finish_editing()
        return self.save_description()

    def editing(self) -> bool:
        """The window's "Close editor" has nothing to close here: edits are made in place."""
        return False

    def maybe_leave(self) -> bool:
        """Asked before the window shows another page or closes: nothing typed is lost."""
        return self.save_description()

    # -- moving -------------------------------------------------------------------------------------
    def _dialog_nodes(self) -> tuple[list[AreaNode], set[str]]:
        """The current tree for a picker, and the selected area with all its sub-areas (archived
        ones included, so that a current area under an archived sub-area is excluded too)."""
        area = self.current_area()
        everything = self.desk.read(listing.area_tree, include_archived=True)
        current = [n for n in everything if not n.archived]
        return current, subtree_ids(everything, area.id) if area else set()

    def choose_new_parent(self) -> None:
        area = self.current_area()
        if area is None or area.archived or self._busy:
            return
        nodes, own = self._dialog_nodes()
        dialog = AreaPickerDialog.new_parent_for(area, nodes, own, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.move_selected_under(dialog.chosen_id())

    def move_selected_under(self, parent_id: str | None) -> bool:
        """Place the selected area under another (None: at the top level). The store refuses a
        place under the area itself or one of its sub-areas; its message is shown."""
        area = self.current_area()
        if area is None or self._busy:
            return False
        if not self.save_description():
            return False
        raw = self.desk.get(KIND, area.id)
        if raw.get("parent_id") == parent_id:
            return True
        raw["parent_id"] = parent_id
        if self._save(raw) is None:
            return False
        self._wanted_id = area.id
        target = self._nodes.get(parent_id) if parent_id else None
        if target is None:
            self._tell(self.tr("“%1” is now a top-level area.").replace("%1", area_label(area)))
        else:
            self._tell(
                self.tr("“%1” is now under “%2”.")
                .replace("%1", area_label(area))
                .replace("%2", area_label(target))
            )
        return True

    # -- archiving ----------------------------------------------------------------------------------
    def archive_current(self) -> None:
        """Archive the selected area, or restore it when it is archived. No question asked: an
        archived area can always be restored."""
        area = self.current_area()
        if area is None or self._busy:
            return
        if not area.archived and not self.save_description():
            return
        try:
            if area.archived:
                self.desk.restore(KIND, area.id)
                self._wanted_id = area.id
                self._tell(self.tr("Restored “%1”.").replace("%1", area_label(area)))
            else:
                self.desk.archive(KIND, area.id)
                self._tell(
                    self.tr(
                        "Archived “%1”. Tick “Show archived” to see it and restore it."
                    ).replace("%1", area_label(area))
                )
        except StorageError as exc:
            self._storage_failed(exc)

    # -- merging (desktop/views/area_merge.py) ------------------------------------------------------
    def choose_merge_target(self) -> None:
        area = self.current_area()
        if area is None or area.archived or self._busy:
            return
        nodes, own = self._dialog_nodes()
        dialog = AreaPickerDialog.merge_target_for(area, nodes, own, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_id():
            self.merge_selected_into(dialog.chosen_id())

    def merge_selected_into(self, target_id: str, *, confirm: bool = True) -> None:
        """Fold the selected area into another, in the background; the store refuses a merge
        into itself, into a sub-area or with an archived area, and its message is shown."""
        area = self.current_area()
        if area is None or self._busy:
            return
        if not self.save_description():
            return
        if confirm and not self.merging.confirmed(area.id, target_id):
            return
        self.merging.start(area, target_id, self._nodes.get(target_id))

    def _select_after_reload(self, area_id: str) -> None:
        self._wanted_id = area_id

    @property
    def busy(self) -> bool:
        """A merge is running."""
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_actions()

    # -- the lists --------------------------------------------------------------------------------
    def show_list(self, kind: str) -> None:
        """Ask the window for the list of records of a kind filed under the selected area."""
        area_id = self.current_area_id()
        if area_id is None:
            return
        self.open_list.emit(kind, ListFilter(thematic_area_id=area_id))
