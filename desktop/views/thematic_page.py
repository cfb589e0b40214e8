"""The tree of thematic areas of cooperation, as officers tidy it: add, rename in place, describe,
move under another area, archive and restore, merge two areas, and jump to what is filed under one.

Every change goes through the desk and is announced; the page reloads the tree when the store
says something changed. The rules (names not empty, no area under its own sub-area, no merge into
a sub-area) are the store's: the page shows their messages as they come.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.errors import StorageError, ValidationError
from db.queries import listing
from db.queries.listing import AreaNode, ListFilter
from desktop.desk import Desk
from desktop.labels import field_label

KIND = "thematic_area"
ERROR_STYLE = "color: #b3261e;"
INFO_STYLE = "color: #555;"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 2
TOP_LEVEL = ""  # the item data of the "top level" choice in the picker (no parent)

# The lists an officer can open from an area: (record kind, button text with its count).
LISTED_KINDS = ("agreement", "consultation", "activity")


def area_label(node: AreaNode | None) -> str:
    if node is None:
        return ""
    return f"{node.code} {node.name}" if node.code else node.name


def subtree_ids(nodes: list[AreaNode], area_id: str) -> set[str]:
    """An area and all its sub-areas, from a tree in tree order (as ``area_tree`` gives it)."""
    children: dict[str | None, list[str]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node.id)
    found, todo = set(), [area_id]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo += children.get(current, [])
    return found


# -- the model ------------------------------------------------------------------------------------------
class ThematicTreeModel(QStandardItemModel):
    """Areas in their tree, two columns (code, name). Edits are handed to ``commit_edit`` first:
    the text is kept only when the store accepted it."""

    CODE, NAME = 0, 1

    def __init__(self, parent: QWidget | None = None):
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


def _greyed(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def _tree_view(parent: QWidget, model: QStandardItemModel | QSortFilterProxyModel) -> QTreeView:
    view = QTreeView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setUniformRowHeights(True)
    view.setAllColumnsShowFocus(True)
    header = view.header()
    header.setStretchLastSection(True)
    return view


# -- the dialog picking an area ----------------------------------------------------------------------
class AreaPickerDialog(QDialog):
    """Pick one area in the tree (or the top level, when offered). Areas that cannot be chosen
    are shown greyed, with the reason in their tooltip. Typing filters the tree."""

    def __init__(
        self,
        nodes: list[AreaNode],
        *,
        title: str,
        prompt: str,
        accept_text: str,
        excluded: set[str] | frozenset[str] = frozenset(),
        excluded_tip: str = "",
        top_level: str | None = None,
        current: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("areaPicker")
        self.setWindowTitle(title)
        self.resize(560, 520)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("areaPickerFilter")
        self.filter.setPlaceholderText(self.tr("Type to filter by code or name…"))
        self.filter.setClearButtonEnabled(True)
        self.model = ThematicTreeModel(self)
        self.model.load(
            nodes,
            greyed=_greyed(self),
            editable=False,
            disabled=excluded,
            disabled_tip=excluded_tip,
        )
        if top_level is not None:
            self.model.add_top_level_choice(top_level)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.view = _tree_view(self, self.proxy)
        self.view.setObjectName("areaPickerTree")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.expandAll()
        self.view.resizeColumnToContents(0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(accept_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)

        self.filter.textChanged.connect(self._filter)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_ok())
        self.view.activated.connect(lambda _i: self.accept())
        self._update_ok()
        if current is not None:
            self.choose(current)
        self.filter.setFocus()

    def _filter(self, text: str) -> None:
        wanted = text.strip()
        self.proxy.setFilterFixedString(wanted)
        self.view.expandAll()
        if wanted:  # the first area that matches itself (not a parent kept for its sub-area)
            first = self._first_match(QModelIndex(), wanted.casefold())
            if first.isValid():
                self.view.setCurrentIndex(first)
        self._update_ok()

    def _first_match(self, parent: QModelIndex, wanted: str) -> QModelIndex:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            texts = (index.data() or "", index.siblingAtColumn(1).data() or "")
            enabled = index.flags() & Qt.ItemFlag.ItemIsEnabled
            if enabled and any(wanted in t.casefold() for t in texts):
                return index
            below = self._first_match(index, wanted)
            if below.isValid():
                return below
        return QModelIndex()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.has_choice())

    def has_choice(self) -> bool:
        index = self.view.currentIndex()
        return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEnabled)

    def chosen_id(self) -> str | None:
        """The chosen area's id; None for the top level (or when nothing is chosen)."""
        if not self.has_choice():
            return None
        return self.view.currentIndex().siblingAtColumn(0).data(ID_ROLE) or None

    def choose(self, area_id: str | None) -> bool:
        """Select an area (None: the top level); False when it is not offered or not allowed."""
        if area_id is None:
            source = self.model.index(0, 0)
            if source.data(ID_ROLE) != TOP_LEVEL:
                return False
        else:
            source = self.model.index_of(area_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsEnabled:
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def accept(self) -> None:
        if self.has_choice():
            super().accept()


# -- the page -------------------------------------------------------------------------------------------
class ThematicAreasPage(QWidget):
    open_list = Signal(str, object)  # record kind, ListFilter: show what is filed under an area
    message = Signal(str)  # for the status bar

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("page_thematic_area")
        self._nodes: dict[str, AreaNode] = {}
        self._shown_id: str | None = None  # the area whose description is in the text box
        self._baseline = ""  # its description as stored
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
    def _action(self, name: str, text: str, tip: str, slot, *keys: str) -> QAction:
        action = QAction(text, self)
        action.setIconText(text)  # buttons keep the "…" that says a dialog follows
        action.setObjectName(f"action_{name}")
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            shown = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({shown})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setObjectName(action.objectName().replace("action_", "button_"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(False)
        return button

    def _build(self) -> None:
        self.add_area_action = self._action(
            "add_area",
            self.tr("Add area"),
            self.tr("Add an area at the top level of the tree"),
            self.add_area,
            "Ctrl+Shift+T",
        )
        self.add_sub_area_action = self._action(
            "add_sub_area",
            self.tr("Add sub-area"),
            self.tr("Add a sub-area under the selected area"),
            self.add_sub_area,
            "Ctrl+Shift+N",
            "Ins",
        )
        self.rename_action = self._action(
            "rename",
            self.tr("Rename"),
            self.tr("Edit the name in the tree; Tab goes to the code"),
            self.edit_current,
        )
        self.move_action = self._action(
            "move",
            self.tr("Move under…"),
            self.tr("Place the selected area under another one, or at the top level"),
            self.choose_new_parent,
            "Ctrl+Shift+M",
        )
        self.merge_action = self._action(
            "merge",
            self.tr("Merge into…"),
            self.tr("Fold the selected area into another one: what is filed under it moves there"),
            self.choose_merge_target,
        )
        self.archive_action = self._action(
            "archive",
            self.tr("Archive"),
            self.tr("Archive the selected area"),
            self.archive_current,
        )

        self.model = ThematicTreeModel(self)
        self.view = _tree_view(self, self.model)
        self.model.commit_edit = self._commit_edit
        self.view.setObjectName("thematicTree")
        self.view.setAccessibleName(self.tr("Thematic areas"))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.itemDelegate().closeEditor.connect(self._editor_closed)
        self.view.installEventFilter(self)

        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.setObjectName("showArchived")
        self.show_archived.setToolTip(self.tr("Show archived areas too (greyed), to restore them"))
        self.show_archived.toggled.connect(lambda _on: self.reload())

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for action in (
            self.add_area_action,
            self.add_sub_area_action,
            None,
            self.rename_action,
            self.move_action,
            self.merge_action,
            self.archive_action,
        ):
            if action is None:
                bar.addSpacing(12)
            else:
                bar.addWidget(self._tool_button(action))
        bar.addStretch(1)
        bar.addWidget(self.show_archived)

        self.notice = QLabel(self)
        self.notice.setObjectName("thematicNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.notice)
        left_layout.addWidget(self.view, 1)

        # The selected area, beside the tree.
        self.heading = QLabel(self)
        self.heading.setObjectName("areaHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.placement = QLabel(self)
        self.placement.setObjectName("areaPlacement")
        self.placement.setStyleSheet(INFO_STYLE)
        self.placement.setWordWrap(True)
        description_label = QLabel(field_label("Description"), self)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("areaDescription")
        self.description.setAccessibleName(field_label("Description"))
        self.description.setPlaceholderText(
            self.tr(
                "What falls under this area, and where it comes from (articles of the instruments)."
            )
        )
        self.description.setTabChangesFocus(True)
        description_label.setBuddy(self.description)
        self.description.textChanged.connect(self._update_actions)
        self.save_description_button = QPushButton(self.tr("Save description"), self)
        self.save_description_button.setObjectName("saveDescription")
        self.save_description_button.setToolTip(self.tr("Save the description (Ctrl+Return)"))
        self.save_description_button.clicked.connect(self.save_description)
        save_shortcut = QAction(self.description)
        save_shortcut.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        save_shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        save_shortcut.triggered.connect(lambda _c=False: self.save_description())
        self.description.addAction(save_shortcut)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_description_button)

        self.lists_label = QLabel(self.tr("Filed under this area and its sub-areas:"), self)
        self.list_buttons: dict[str, QPushButton] = {}
        lists = QVBoxLayout()
        lists.setSpacing(4)
        for kind in LISTED_KINDS:
            button = QPushButton(self)
            button.setObjectName(f"show_{kind}")
            button.setStyleSheet("text-align: left; padding: 4px 10px;")
            button.clicked.connect(lambda _c=False, k=kind: self.show_list(k))
            self.list_buttons[kind] = button
            lists.addWidget(button)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.heading)
        side_layout.addWidget(self.placement)
        side_layout.addSpacing(8)
        side_layout.addWidget(description_label)
        side_layout.addWidget(self.description, 3)
        side_layout.addLayout(save_row)
        side_layout.addSpacing(12)
        side_layout.addWidget(self.lists_label)
        side_layout.addLayout(lists)
        side_layout.addStretch(2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter_thematic_area")
        self.splitter.addWidget(left)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        self._show_selected()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # F2 in the tree renames in place, even when the window has its own F2 ("Edit") action.
        if (
            watched is self.view
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F2
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()
            return True
        return super().eventFilter(watched, event)

    # -- loading ------------------------------------------------------------------------------------
    def activate(self) -> None:
        """Called when the page is shown: a fresh tree."""
        self.reload()
        if not self.view.hasFocus() and not self.description.hasFocus():
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
        if self.view.state() == QAbstractItemView.State.EditingState:
            self._reload_timer.start(150)  # never throw away what is being typed in the tree
            return
        keep = self._wanted_id or self.current_area_id() or self._shown_id
        self._wanted_id = None
        previous = self._nodes.get(keep) if keep else None
        nodes = self.desk.read(listing.area_tree, include_archived=self.show_archived.isChecked())
        self._stale = False
        self._reloading = True
        try:
            self._nodes = {n.id: n for n in nodes}
            self.model.load(
                nodes,
                greyed=_greyed(self),
                archived_tip=self.tr("Archived: select it and press Restore to use it again."),
            )
            self.view.expandAll()
            self.view.resizeColumnToContents(ThematicTreeModel.CODE)
            if keep not in self._nodes and previous is not None:
                keep = previous.parent_id  # it left the tree (archived, merged): go to its parent
            if keep in self._nodes:
                self._set_current(keep)
            elif nodes:
                self._set_current(nodes[0].id)
        finally:
            self._reloading = False
        self._show_selected()

    def _set_current(self, area_id: str, column: int = ThematicTreeModel.NAME) -> None:
        index = self.model.index_of(area_id, column)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    # -- the selected area ------------------------------------------------------------------------
    def current_area_id(self) -> str | None:
        return self.model.id_at(self.view.currentIndex())

    def current_area(self) -> AreaNode | None:
        area_id = self.current_area_id()
        return self._nodes.get(area_id) if area_id else None

    def select_area(self, area_id: str) -> bool:
        """Select an area in the tree (False when the tree does not show it)."""
        if area_id not in self._nodes:
            return False
        self._set_current(area_id)
        return True

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._reloading:
            self._show_selected()

    def _show_selected(self) -> None:
        area = self.current_area()
        new_id = area.id if area else None
        if new_id != self._shown_id or not self.description_is_dirty():
            self._leave_description()
            self._shown_id = new_id
            self._baseline = (
                (self.desk.get(KIND, new_id).get("description") or "") if new_id else ""
            )
            if self.description.toPlainText() != self._baseline:
                self.description.blockSignals(True)
                self.description.setPlainText(self._baseline)
                self.description.blockSignals(False)
        if area is None and self.view.currentIndex().isValid():  # a row being added
            self.heading.setText(self.tr("New area"))
            self.placement.setText(self.tr("Type its name, then press Enter (Escape: cancel)."))
        elif area is None:
            self.heading.setText(self.tr("No area selected"))
            self.placement.setText(self.tr("Select an area in the tree, or add one."))
        else:
            self.heading.setText(area_label(area))
            parent = self._nodes.get(area.parent_id) if area.parent_id else None
            if area.parent_id is None:
                where = self.tr("Top-level area")
            elif parent is not None:
                where = self.tr("Under “%1”").replace("%1", area_label(parent))
            else:
                where = self.tr("Under an archived area")
            if area.archived:
                where += " · " + self.tr("Archived")
            self.placement.setText(where)
        self._update_counts(new_id)
        self._update_actions()

    def _update_counts(self, area_id: str | None) -> None:
        texts = {
            "agreement": (self.tr("Show agreements"), self.tr("Show agreements (%1)")),
            "consultation": (self.tr("Show consultations"), self.tr("Show consultations (%1)")),
            "activity": (self.tr("Show joint activities"), self.tr("Show joint activities (%1)")),
        }
        for kind, button in self.list_buttons.items():
            plain, counted = texts[kind]
            if area_id is None:
                button.setText(plain)
                continue
            flt = ListFilter(thematic_area_id=area_id)
            found = self.desk.read(listing.count, kind, flt, self.desk.today())
            button.setText(counted.replace("%1", str(found)))

    def _update_actions(self) -> None:
        area = self.current_area()
        selected = area is not None and not self._busy
        current = selected and not area.archived
        self.add_area_action.setEnabled(not self._busy)
        self.add_sub_area_action.setEnabled(current)
        self.rename_action.setEnabled(current)
        self.move_action.setEnabled(current)
        self.merge_action.setEnabled(current)
        self.archive_action.setEnabled(selected)
        if area is not None and area.archived:
            self.archive_action.setText(self.tr("Restore"))
            self.archive_action.setIconText(self.tr("Restore"))
            self.archive_action.setToolTip(self.tr("Bring the archived area back into use"))
        else:
            self.archive_action.setText(self.tr("Archive"))
            self.archive_action.setIconText(self.tr("Archive"))
            self.archive_action.setToolTip(
                self.tr("Archive the selected area (it can be restored: tick “Show archived”)")
            )
        self.description.setEnabled(area is not None)
        self.description.setReadOnly(not current)
        self.save_description_button.setEnabled(current and self.description_is_dirty())
        for button in self.list_buttons.values():
            button.setEnabled(area is not None)
        self.view.setEnabled(not self._busy)

    # -- telling the officer ------------------------------------------------------------------------
    def _tell(self, text: str, *, problem: bool = False) -> None:
        self.notice.setStyleSheet(ERROR_STYLE if problem else INFO_STYLE)
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
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
        if self.view.state() == QAbstractItemView.State.EditingState:
            self.view.setFocus()  # commits the edit in progress
        self.model.drop_unsaved_rows()
        self._tell("")
        self._new_parent = parent_id
        self._before_new = self.current_area_id()
        index = self.model.add_new_row(parent_id)
        if parent_id:
            self.view.expand(self.model.index_of(parent_id))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()
        self.view.edit(index)
        editor = self.view.indexWidget(index)
        if isinstance(editor, QLineEdit):
            editor.setPlaceholderText(self.tr("Name of the new area"))

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
        index = self.model.index_of(area.id, column)
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        self.view.edit(index)

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
        if self.view.state() == QAbstractItemView.State.EditingState:
            return
        if self.model.drop_unsaved_rows() and self._before_new in self._nodes:
            self._set_current(self._before_new)  # back where the officer was

    # -- the description ----------------------------------------------------------------------------
    def description_is_dirty(self) -> bool:
        return self._shown_id is not None and self.description.toPlainText() != self._baseline

    def save_description(self) -> bool:
        if not self.description_is_dirty():
            return True
        raw = self.desk.get(KIND, self._shown_id)
        text = self.description.toPlainText()
        raw["description"] = text
        if self._save(raw) is None:
            return False
        self._baseline = text
        self._tell(self.tr("Description saved."))
        self._update_actions()
        return True

    def _leave_description(self) -> None:
        # Moving to another area keeps what was typed: the description is saved on the way.
        if self.description_is_dirty():
            self.save_description()

    def save_current(self) -> bool:
        """The window's "Save"."""
        if self.view.state() == QAbstractItemView.State.EditingState:
            self.view.setFocus()
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
        dialog = AreaPickerDialog(
            nodes,
            title=self.tr("Move an area"),
            prompt=self.tr("Place “%1” under:").replace("%1", area_label(area)),
            accept_text=self.tr("Move here"),
            excluded=own,
            excluded_tip=self.tr(
                "An area cannot be placed under itself or under one of its own sub-areas."
            ),
            top_level=self.tr("(Top level: no parent area)"),
            current=area.parent_id,
            parent=self,
        )
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

    # -- merging ------------------------------------------------------------------------------------
    def choose_merge_target(self) -> None:
        area = self.current_area()
        if area is None or area.archived or self._busy:
            return
        nodes, own = self._dialog_nodes()
        dialog = AreaPickerDialog(
            nodes,
            title=self.tr("Merge an area"),
            prompt=self.tr(
                "Merge “%1” into which area? What is filed under it will be filed there."
            ).replace("%1", area_label(area)),
            accept_text=self.tr("Merge…"),
            excluded=own,
            excluded_tip=self.tr(
                "An area cannot be merged into itself or into one of its own sub-areas."
            ),
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_id():
            self.merge_selected_into(dialog.chosen_id())

    def merge_explanation(self, source_id: str, target_id: str) -> str:
        """What a merge does, in numbers, for the confirmation."""
        everything = self.desk.read(listing.area_tree, include_archived=True)
        by_id = {n.id: n for n in everything}
        source, target = area_label(by_id.get(source_id)), area_label(by_id.get(target_id))
        today = self.desk.today()

        def count(kind: str) -> int:
            base = ListFilter(thematic_area_id=source_id)
            return sum(
                self.desk.read(listing.count, kind, base.with_(archived=archived), today)
                for archived in (False, True)
            )

        sub_areas = sum(1 for n in everything if n.parent_id == source_id)
        # Counts are written "agreements: 2" so that no plural forms are needed.
        lines = [
            self.tr("Merge “%1” into “%2”?").replace("%1", source).replace("%2", target),
            "",
            "• "
            + self.tr(
                "What is filed under it will be filed under “%1” instead (now, counting its "
                "sub-areas: agreements: %2, consultations: %3, joint activities: %4)."
            )
            .replace("%1", target)
            .replace("%2", str(count("agreement")))
            .replace("%3", str(count("consultation")))
            .replace("%4", str(count("activity"))),
        ]
        if sub_areas:
            lines.append(
                "• "
                + self.tr("Its sub-areas (%1) move under “%2”, with what is filed under them.")
                .replace("%1", str(sub_areas))
                .replace("%2", target)
            )
        lines.append("• " + self.tr("It is then archived; restoring it brings it back empty."))
        return "\n".join(lines)

    def merge_selected_into(self, target_id: str, *, confirm: bool = True) -> None:
        """Fold the selected area into another, in the background; the store refuses a merge
        into itself, into a sub-area or with an archived area, and its message is shown."""
        area = self.current_area()
        if area is None or self._busy:
            return
        if not self.save_description():
            return
        if confirm:
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self,
                self.tr("Merge areas"),
                self.merge_explanation(area.id, target_id),
                buttons.Yes | buttons.Cancel,
                buttons.Cancel,
            )
            if answer != buttons.Yes:
                return
        source_label, target_label = area_label(area), area_label(self._nodes.get(target_id))
        source_id = area.id
        self._set_busy(True)
        self._tell(
            self.tr("Merging “%1” into “%2”…")
            .replace("%1", source_label)
            .replace("%2", target_label)
        )


        def done(_result: object) -> None:
            if not shiboken6.isValid(self):  # the window closed during the merge
                return
            self._set_busy(False)
            self._wanted_id = target_id
            self._tell(
                self.tr("Merged “%1” into “%2”. “%1” is archived.")
                .replace("%1", source_label)
                .replace("%2", target_label)
            )

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._set_busy(False)
            if isinstance(exc, ValidationError):
                messages = " ".join(dict.fromkeys(p.message for p in exc.problems))
                self._tell(self.tr("Not merged: %1").replace("%1", messages), problem=True)
            elif isinstance(exc, StorageError):
                self._storage_failed(exc)
            else:
                self._tell("")
                from desktop.errors import report_unexpected

                report_unexpected(exc)

        self.desk.merge_areas(source_id, target_id, done, failed)

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
