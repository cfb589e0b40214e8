"""The thematic tree on screen. ``AreaTreeView`` is the tree itself, the same on the thematic
areas page and in the area picker: whole rows selected one at a time, the code beside the name.
``AreaTreePane`` is the left side of the thematic areas page: the buttons, "Show archived", a line
telling what was done (or what the store refused), and the tree, edited in place."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction, QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.queries.listing import AreaNode
from desktop import colours
from desktop.models.thematic_tree import ThematicTreeModel


def greyed(widget: QWidget) -> QColor:
    """The colour of text that cannot be used (archived areas), in the widget's palette."""
    return widget.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


class AreaTreeView(QTreeView):
    """Areas under their parent, one row each: selecting anywhere in a row selects the area."""

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.header().setStretchLastSection(True)

    def event(self, event: QEvent) -> bool:
        # F2 in an editable tree renames in place, even when the window has its own F2 ("Edit")
        # action: the tree claims the key before the window's shortcut sees it.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F2
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.editTriggers() & QAbstractItemView.EditTrigger.EditKeyPressed
        ):
            event.accept()
            return True
        return super().event(event)

    def is_editing(self) -> bool:
        return self.state() == QAbstractItemView.State.EditingState

    def finish_editing(self) -> None:
        """Keep what is being typed in a cell: taking the focus back commits it."""
        if self.is_editing():
            self.setFocus()

    def edit_in_place(self, index: QModelIndex, placeholder: str = "") -> None:
        """Select a cell and open its editor (an empty one shows ``placeholder``)."""
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.setFocus()
        self.edit(index)
        editor = self.indexWidget(index)
        if placeholder and isinstance(editor, QLineEdit):
            editor.setPlaceholderText(placeholder)


class AreaTreePane(QWidget):
    """The tree with the buttons above it (``buttons``: actions, None for a gap) and a notice
    line. The page reads the store and saves; the pane shows and edits in place."""

    def __init__(self, buttons: Sequence[QAction | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ThematicTreeModel(self)
        self.view = AreaTreeView(self.model, self)
        self.view.setObjectName("thematicTree")
        self.view.setAccessibleName(self.tr("Thematic areas"))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )

        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.setObjectName("showArchived")
        self.show_archived.setToolTip(self.tr("Show archived areas too (greyed), to restore them"))

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for action in buttons:
            if action is None:
                bar.addSpacing(12)
            else:
                bar.addWidget(self._tool_button(action))
        bar.addStretch(1)
        # Under the buttons, not beside them: the page fits a laptop's screen in French too.
        archived_row = QHBoxLayout()
        archived_row.setContentsMargins(0, 0, 0, 0)
        archived_row.addStretch(1)
        archived_row.addWidget(self.show_archived)

        self.notice = QLabel(self)
        self.notice.setObjectName("thematicNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(archived_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setObjectName(action.objectName().replace("action_", "button_"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(False)
        return button

    def tell(self, text: str, *, problem: bool = False) -> None:
        """One line above the tree: what was done, or (in red) what the store refused."""
        self.notice.setStyleSheet(
            colours.style(colours.warning() if problem else colours.secondary())
        )
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def load(self, nodes: list[AreaNode]) -> None:
        """Show these areas, every branch open."""
        self.model.load(
            nodes,
            greyed=greyed(self),
            archived_tip=self.tr("Archived: select it and press Restore to use it again."),
        )
        self.view.expandAll()
        self.view.resizeColumnToContents(ThematicTreeModel.CODE)

    def current_id(self) -> str | None:
        """The selected area (None: nothing, or a row not saved yet)."""
        return self.model.id_at(self.view.currentIndex())

    def select(self, area_id: str, column: int = ThematicTreeModel.NAME) -> None:
        index = self.model.index_of(area_id, column)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def add_row(self, parent_id: str | None) -> None:
        """A row for a new area (under ``parent_id``, or at the top level), its name being typed."""
        index = self.model.add_new_row(parent_id)
        if parent_id:
            self.view.expand(self.model.index_of(parent_id))
        self.view.edit_in_place(index, self.tr("Name of the new area"))

    def edit_area(self, area_id: str, column: int = ThematicTreeModel.NAME) -> None:
        """Open the editor of an area's name (or code) in the tree."""
        self.view.edit_in_place(self.model.index_of(area_id, column))
