"""What an officer can do to the thematic tree, declared once each with its shortcut and tip:
add an area or a sub-area, rename, move, merge, archive or restore. They work anywhere on the
thematic areas page, and show as the row of buttons above the tree (``widgets.area_tree``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from db.queries.listing import AreaNode
from desktop.labels import shortcut_text


class ThematicAreaActions(QObject):
    """The page's actions. The page says what each one does; ``update`` says which can be used
    for the selected area."""

    def __init__(
        self,
        page: QWidget,
        *,
        add_area: Callable[[], object],
        add_sub_area: Callable[[], object],
        rename: Callable[[], object],
        move: Callable[[], object],
        merge: Callable[[], object],
        archive: Callable[[], object],
    ):
        super().__init__(page)
        self.page = page
        self.add_area = self._action(
            "add_area",
            self.tr("Add area"),
            self.tr("Add an area at the top level of the tree"),
            add_area,
            "Ctrl+Shift+T",
        )
        self.add_sub_area = self._action(
            "add_sub_area",
            self.tr("Add sub-area"),
            self.tr("Add a sub-area under the selected area"),
            add_sub_area,
            "Ctrl+Shift+N",
            "Ins",
        )
        self.rename = self._action(
            "rename",
            self.tr("Rename"),
            self.tr("Edit the name in the tree; Tab goes to the code"),
            rename,
        )
        self.move = self._action(
            "move",
            self.tr("Move under…"),
            self.tr("Place the selected area under another one, or at the top level"),
            move,
            "Ctrl+Shift+M",
        )
        self.merge = self._action(
            "merge",
            self.tr("Merge into…"),
            self.tr("Fold the selected area into another one: what is filed under it moves there"),
            merge,
        )
        self.archive = self._action(
            "archive",
            self.tr("Archive"),
            self.tr("Archive the selected area"),
            archive,
        )

    def _action(self, name: str, text: str, tip: str, slot, *keys: str) -> QAction:
        action = QAction(text, self.page)
        action.setIconText(text)  # buttons keep the "…" that says a dialog follows
        action.setObjectName(f"action_{name}")
        # Added to the page, not to the tree: the shortcuts work while typing a description too.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            tip = f"{tip} ({shortcut_text(keys[0])})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.page.addAction(action)
        return action

    def buttons(self) -> tuple[QAction | None, ...]:
        """The actions in the order of their buttons; None: a gap between adding and changing."""
        return (
            self.add_area,
            self.add_sub_area,
            None,
            self.rename,
            self.move,
            self.merge,
            self.archive,
        )

    def update(self, area: AreaNode | None, *, busy: bool) -> None:
        """Enable what can be done to ``area`` (the selected one); nothing while a merge runs.
        Archive becomes Restore on an archived area."""
        selected = area is not None and not busy
        current = selected and not area.archived
        self.add_area.setEnabled(not busy)
        self.add_sub_area.setEnabled(current)
        self.rename.setEnabled(current)
        self.move.setEnabled(current)
        self.merge.setEnabled(current)
        self.archive.setEnabled(selected)
        if area is not None and area.archived:
            self.archive.setText(self.tr("Restore"))
            self.archive.setIconText(self.tr("Restore"))
            self.archive.setToolTip(self.tr("Bring the archived area back into use"))
        else:
            self.archive.setText(self.tr("Archive"))
            self.archive.setIconText(self.tr("Archive"))
            self.archive.setToolTip(
                self.tr("Archive the selected area (it can be restored: tick “Show archived”)")
            )
