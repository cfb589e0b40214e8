"""A page for one record kind: filters, the list, and beside it the selected record — its details,
or its editor. The store does the filtering and sorting; the page only asks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import StorageError
from db.queries import listing
from db.records.editions import next_edition
from desktop.desk import Changes, Desk
from desktop.drafts import Drafts
from desktop.editors.record_editor import RecordEditor
from desktop.labels import field_label, kind_count, kind_name, shortcut_text
from desktop.models.record_table import RecordTableModel
from desktop.settings import Options
from desktop.views.filter_bar import FilterBar
from desktop.views.record_detail import RecordDetail

# First-run column widths (pixels, never narrower than the column's header): by column, else by
# kind of column, else 130. Long texts are cut with "…" and read whole in the tooltip.
WIDTH_BY_COLUMN = {
    "reference": 150,
    "parties": 130,
    "organizations": 150,
    "partners": 140,
    "organization": 140,
    "acronym": 80,
    "email": 180,
    "owner": 110,
}
WIDTH_BY_KIND = {"date": 90, "datetime": 130, "choice": 110, "count": 80, "flag": 60}
# The column that takes the width the others leave (the record's name or title): the list fits
# its pane on a laptop's screen (1280×800, 1366×768) without scrolling sideways.
STRETCHED = {
    "organization": "name",
    "contact": "name",
    "agreement": "title",
    "consultation": "title",
    "activity": "title",
    "follow_up": "text",
}
# Columns shown only once the officer asks for them (right-click on the list's header), so that
# the main ones fit beside the record's details.
HIDDEN_AT_FIRST = {
    "organization": {"kind"},
    "contact": {"title", "role"},
    "agreement": {"kind", "entry_into_force", "review_on"},
    "consultation": {"location"},
    "activity": {"end_on", "kind", "place", "lead"},
    "follow_up": {"source_kind"},
}


class _Archive(QUndoCommand):
    def __init__(self, page: RecordListPage, record_id: str, label: str):
        super().__init__(
            QCoreApplication.translate("RecordListPage", "Archive %1").replace("%1", label)
        )
        self.page, self.record_id = page, record_id

    def redo(self) -> None:
        self.page.desk.archive(self.page.kind, self.record_id)

    def undo(self) -> None:
        self.page.desk.restore(self.page.kind, self.record_id)


class RecordListPage(QWidget):
    open_record = Signal(str, str)  # kind, id: go to another record
    message = Signal(str)  # for the status bar
    editor_made = Signal(object)  # the page's RecordEditor, made when first needed

    def __init__(
        self,
        desk: Desk,
        kind: str,
        drafts: Drafts | None,
        options: Options,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.desk, self.kind, self.drafts, self.options = desk, kind, drafts, options
        self.setObjectName(f"page_{kind}")
        self.undo_stack = QUndoStack(self)  # archive / restore from the list

        self.filters = FilterBar(desk, kind, self)
        self.model = RecordTableModel(desk, kind, self)
        self.table = QTableView(self)
        self.table.setObjectName(f"list_{kind}")
        self.table.setAccessibleName(kind_name(kind, plural=True))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.activated.connect(lambda _i: self.edit_current())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")

        self.detail = RecordDetail(desk, self)
        self.detail.open_record.connect(self.open_record)
        self.detail.edit_requested.connect(self.edit_current)
        self.detail.duplicate_requested.connect(self.duplicate_current)
        self._editor: RecordEditor | None = None  # see ``editor``
        self.side = QStackedWidget(self)
        self.side.addWidget(self.detail)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"splitter_{kind}")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

        self.filters.changed.connect(self.model.refresh)
        self.model.refreshed.connect(self._refreshed)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        desk.changed.connect(self._store_changed)
        self._selected: str | None = None
        self._pending_select: str | None = None
        self._restore_state()

    @property
    def editor(self) -> RecordEditor:
        """The page's editor, made the first time it is needed: six editors of dozens of fields
        each would otherwise add most of a second to every start of the window."""
        if self._editor is None:
            self._editor = RecordEditor(self.desk, self.kind, self.drafts, self)
            self._editor.saved.connect(self._saved)
            self._editor.closed.connect(self._show_detail)
            self.side.addWidget(self._editor)
            self.editor_made.emit(self._editor)
        return self._editor

    # -- state ---------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        header = self.table.horizontalHeader()
        spec = self.model.spec
        default = next(i for i, c in enumerate(spec.columns) if c.key == spec.default_sort)
        order = (
            Qt.SortOrder.DescendingOrder if spec.default_descending else Qt.SortOrder.AscendingOrder
        )
        header.blockSignals(True)  # the store already sorts this way: no second query
        header.setSortIndicator(default, order)
        header.blockSignals(False)
        hidden = HIDDEN_AT_FIRST.get(self.kind, set())
        for column, list_column in enumerate(spec.columns):
            if list_column.key == STRETCHED.get(self.kind):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            width = WIDTH_BY_COLUMN.get(list_column.key) or WIDTH_BY_KIND.get(list_column.kind, 130)
            header.resizeSection(column, max(width, header.sectionSizeFromContents(column).width()))
            header.setSectionHidden(column, list_column.key in hidden)
        self.splitter.setSizes([700, 560])
        for key, target in (
            (f"{self.kind}/splitter", self.splitter),
            # "columns", not the "header" of earlier versions: a list's columns changed since
            # (the activities' Partners), and an older state would hide or misplace them.
            (f"{self.kind}/columns", header),
        ):
            state = self.options.state(key)
            if state is not None:
                target.restoreState(state)

    def save_state(self) -> None:
        self.options.set_state(f"{self.kind}/splitter", self.splitter.saveState())
        self.options.set_state(f"{self.kind}/columns", self.table.horizontalHeader().saveState())

    def _column_menu(self, position) -> None:
        """The list's columns, ticked when shown: the officer shows or hides each."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column, list_column in enumerate(self.model.spec.columns):
            action = menu.addAction(field_label(list_column.label))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            # The name or title stays: a list without it names nothing.
            action.setEnabled(list_column.key != STRETCHED.get(self.kind))
            action.toggled.connect(
                lambda shown, column=column: header.setSectionHidden(column, not shown)
            )
        menu.popup(header.mapToGlobal(position))

    # -- loading -------------------------------------------------------------------------------
    def activate(self) -> None:
        """Called when the page is shown: fresh pickers and a fresh list."""
        self.filters.load_options()
        self.model.refresh(self.filters.current())

    def apply_filter(self, flt: listing.ListFilter, *, select: str | None = None) -> None:
        """Show the list filtered so (and ``select`` that record in it once it is read, as the
        record already chosen: an editor open meanwhile is not asked to leave for it)."""
        if select:
            self._pending_select = self._selected = select
        self.filters.load_options()
        self.filters.apply(flt)

    def _store_changed(self, _changes: Changes) -> None:
        # Any change may show here: a list names other kinds' records (an agreement's parties).
        if self.isVisible():
            self.model.refresh()
            if self.side.currentWidget() is self.detail and self._selected:
                self.detail.show_record(self.kind, self._selected)

    def _remember_selection(self) -> None:
        if self._pending_select is None:
            self._pending_select = self.current_id()

    def _refreshed(self, count: int) -> None:
        self.count_label.setText(kind_count(self.kind, count))
        wanted, self._pending_select = self._pending_select, None
        row = self.model.row_of(wanted) if wanted else -1
        if row >= 0:
            self._select_row(row)
            if self.side.currentWidget() is self.detail:
                self.detail.show_record(
                    self.kind, wanted
                )  # what is related may have changed meanwhile
        elif self.side.currentWidget() is self.detail:
            self.detail.clear()

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_record(self, record_id: str, *, archived: bool = False) -> None:
        """Show one record: clear the filters that would hide it, then select it."""
        self._pending_select = record_id
        self.filters.load_options()
        self.filters.apply(listing.ListFilter(archived=archived))

    # -- the side panel ------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _current_changed(self, current, _previous) -> None:
        record_id = self.model.id_at(current.row()) if current.isValid() else None
        if record_id == self._selected:
            return
        leaving_edit = (
            self.editing() and self.editor.is_dirty() and self.editor.record_id != record_id
        )
        if leaving_edit and not self.editor.maybe_leave():
            row = self.model.row_of(self._selected) if self._selected else -1
            if row >= 0:  # stay on the record being edited
                self.table.selectionModel().blockSignals(True)
                self._select_row(row)
                self.table.selectionModel().blockSignals(False)
            return
        self._selected = record_id
        self._show_detail()

    def _show_detail(self) -> None:
        self.side.setCurrentWidget(self.detail)
        if self._selected:
            self.detail.show_record(self.kind, self._selected)
        else:
            self.detail.clear()

    def editing(self) -> bool:
        return self._editor is not None and self.side.currentWidget() is self._editor

    def new_record(self, preset: dict[str, Any] | None = None) -> None:
        if self.editing() and not self.editor.maybe_leave():
            return
        self.editor.open_new(preset)
        self.side.setCurrentWidget(self.editor)
        self._focus_first_field()

    def edit_current(self) -> None:
        record_id = self.current_id()
        if record_id is None:
            return
        if self.editing() and self.editor.record_id == record_id:
            return
        if self.editing() and not self.editor.maybe_leave():
            return
        self.editor.open_record(record_id)
        self.side.setCurrentWidget(self.editor)
        self._focus_first_field()

    def can_duplicate(self) -> bool:
        """Joint activities have editions (a yearly workshop, a course run again)."""
        return self.kind == "activity"

    def duplicate_current(self) -> None:
        """The next edition of the selected activity, in a new record's editor: nothing is in
        the store until the officer saves it (db.records.editions says what carries over)."""
        record_id = self.current_id()
        if record_id is None or not self.can_duplicate():
            return
        if self.editing() and not self.editor.maybe_leave():
            return
        try:
            source = self.desk.get(self.kind, record_id)
        except StorageError as exc:
            self.message.emit(str(exc))
            return
        self.editor.open_next_edition(
            next_edition(source), self.editor.record_kind.describe(source)
        )
        self.side.setCurrentWidget(self.editor)
        self._focus_first_field()

    def edit_draft(self, record_id: str, raw: dict[str, Any], *, is_new: bool) -> None:
        if is_new:
            self.editor.open_new(raw, record_id=record_id)
        else:
            self.editor.open_record(record_id, raw)
        self.side.setCurrentWidget(self.editor)

    def _focus_first_field(self) -> None:
        first = next(iter(self.editor.inputs.values()))
        first.widget.setFocus()
        if isinstance(first.widget, QLineEdit):
            first.widget.end(False)  # typing goes after what it holds

    def save_current(self) -> bool:
        return self.editing() and self.editor.save()

    def _saved(self, kind: str, record_id: str) -> None:
        self._pending_select = record_id
        self._selected = record_id
        self.message.emit(self.tr("Saved."))

    def archive_current(self) -> None:
        record_id = self.current_id()
        if record_id is None:
            return
        if self.editing() and self.editor.is_dirty() and not self.editor.maybe_leave():
            return
        label = self.model.data(self.model.index(self.table.currentIndex().row(), 0)) or ""
        try:
            if self.filters.archived.isChecked():
                self.desk.restore(self.kind, record_id)
                self.message.emit(self.tr("Restored."))
            else:
                self.undo_stack.push(_Archive(self, record_id, label))
                self.message.emit(
                    self.tr("Archived. Undo (%1) brings it back.").replace(
                        "%1", shortcut_text(QKeySequence.StandardKey.Undo)
                    )
                )
        except StorageError as exc:
            self.message.emit(str(exc))
        self._selected = None
        self._show_detail()

    def maybe_leave(self) -> bool:
        return not self.editing() or self.editor.maybe_leave()

    def active_undo_stack(self) -> QUndoStack:
        return self.editor.undo_stack if self.editing() else self.undo_stack
