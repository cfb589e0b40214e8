"""Conflicts: the records whose fields two stores changed to different values (docs/sync.md,
"Conflicts in the window"). The list above; below it, for the record selected, each clashing
field side by side — the common version (not kept by the merge, and said so), this laptop's
value and the other stores' values, each with who changed it, on which store and when — and the
officer's choice: one side, or, for a text, both joined and edited. "Resolve" writes the choice
as one change (db.records.merge.resolve through the Desk), which closes the conflict here and on
every store it reaches."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import ValidationError
from db.queries.conflicts import ConflictedRecord, FieldClash, Side, conflicted_records
from db.schema.fields import Text
from desktop.desk import Desk
from desktop.labels import kind_name, label_of, window_language
from desktop.models.conflicts import ConflictsModel, clash_spec, when_text
from desktop.views.history_words import value_words

NONE = -1  # QButtonGroup.checkedId() when no side is chosen


class ClashBox(QGroupBox):
    """One field in conflict: its sides side by side, the officer's choice and Resolve."""

    resolve = Signal(str, object)  # field name, value chosen

    def __init__(self, record: ConflictedRecord, clash: FieldClash, parent: QWidget):
        spec = clash_spec(record.kind, clash.name)
        super().__init__(label_of(spec), parent)
        self.setObjectName(f"clash_{clash.name}")
        self.clash = clash
        self.choice = QButtonGroup(self)
        grid = QGridLayout()
        common = QLabel(
            self.tr(
                "Common version: not known (the merge keeps each store's value, not the one "
                "they started from)."
            ),
            self,
        )
        common.setWordWrap(True)
        common.setStyleSheet("color: palette(placeholder-text);")
        grid.addWidget(common, 0, 0, 1, max(1, len(clash.sides)))
        # This laptop's value first, then the others' (the latest first).
        order = sorted(
            range(len(clash.sides)),
            key=lambda i: (not clash.sides[i].here, -_stamp(clash.sides[i])),
        )
        for column, i in enumerate(order):
            side = clash.sides[i]
            where = QLabel(
                f"<b>{html.escape(self._where(side))}</b><br>{html.escape(self._who(side))}", self
            )
            where.setWordWrap(True)
            words = value_words(spec, side.value, record.names)
            if side.value == clash.shown:
                words = self.tr("%1 (shown now)").replace("%1", words)
            button = QRadioButton(words.replace("&", "&&"), self)  # no mnemonic in a value
            button.setObjectName(f"side_{column}")
            button.setAccessibleName(
                self.tr("Keep %1: %2").replace("%1", self._where(side)).replace("%2", words)
            )
            self.choice.addButton(button, i)
            grid.addWidget(where, 1, column, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(button, 2, column, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        self.both_text: QPlainTextEdit | None = None
        if type(spec) is Text:
            both = QRadioButton(self.tr("Keep both, joined (edit them before resolving)"), self)
            both.setObjectName("keepBoth")
            self.choice.addButton(both, len(clash.sides))  # the sides are 0, 1…
            self.both_text = QPlainTextEdit(self)
            self.both_text.setObjectName("bothText")
            self.both_text.setAccessibleName(self.tr("Both values, joined"))
            self.both_text.setPlainText(
                "\n\n".join(str(clash.sides[i].value or "") for i in order if clash.sides[i].value)
            )
            self.both_text.setEnabled(False)
            self.both_text.setMaximumHeight(90)
            both.toggled.connect(self.both_text.setEnabled)
            layout.addWidget(both)
            layout.addWidget(self.both_text)
        self.resolve_button = QPushButton(self.tr("&Resolve"), self)
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.setEnabled(False)
        self.resolve_button.clicked.connect(self._resolve)
        self.choice.idToggled.connect(
            lambda _id, _on: self.resolve_button.setEnabled(self.choice.checkedId() != NONE)
        )
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.resolve_button)
        layout.addLayout(row)

    def _where(self, side: Side) -> str:
        if side.store_id is None:
            return self.tr("As created")
        if side.here:
            return self.tr("This laptop")
        return self.tr("Store %1").replace("%1", side.store_id[:8])

    def _who(self, side: Side) -> str:
        if side.changed_at is None:
            return ""
        return (
            self.tr("%1, %2")
            .replace("%1", side.changed_by or self.tr("unknown officer"))
            .replace("%2", when_text(side.changed_at))
        )

    def chosen(self) -> Any:
        checked = self.choice.checkedId()
        if checked == len(self.clash.sides) and self.both_text is not None:
            return self.both_text.toPlainText().strip()
        return self.clash.sides[checked].value

    def _resolve(self) -> None:
        if self.choice.checkedId() != NONE:
            self.resolve.emit(self.clash.name, self.chosen())


def _stamp(side: Side) -> float:
    return side.changed_at.timestamp() if side.changed_at else 0.0


class ConflictsPage(QWidget):
    open_record = Signal(str, str)  # kind, id

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.records: list[ConflictedRecord] = []
        heading = QLabel(self.tr("Conflicts"), self)
        heading.setStyleSheet("font-size: 140%; font-weight: 600;")
        self.status = QLabel(self)
        self.status.setObjectName("conflictsStatus")
        self.status.setWordWrap(True)

        self.model = ConflictsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("conflictsTable")
        self.table.setAccessibleName(self.tr("Records in conflict"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda _n, _o: self._show_current())

        self.sides = QScrollArea(self)
        self.sides.setObjectName("conflictSides")
        self.sides.setWidgetResizable(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.sides)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self._stale = True
        desk.changed.connect(self._store_changed)

    # -- loading ---------------------------------------------------------------------------------
    def activate(self) -> None:
        if self._stale:
            self.refresh()

    def _store_changed(self, _changes) -> None:
        # Any write may change a record's name or the value it shows: read again when seen.
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        current = self.current_record()
        kept = (current.kind, current.record_id) if current else None
        self.records = self.desk.read(conflicted_records, language=window_language())
        self.model.set_records(self.records)
        self.table.resizeColumnsToContents()
        if not self.records:
            self.status.setText(self.tr("No conflicts: every field merged by itself."))
        elif self.desk.store.read_only:
            self.status.setText(
                self.tr(
                    "The store is open read-only: the conflicts can be read here, and resolved "
                    "once it is opened for writing."
                )
            )
        else:
            self.status.setText(
                self.tr(
                    "Two stores changed these fields to different values. Choose the value to "
                    "keep for each; your choice travels with the next sync."
                )
            )
        row = self.model.row_of(*kept) if kept else -1
        self.select_row(row if row >= 0 else 0)

    def select_record(self, kind: str, record_id: str) -> None:
        self.activate()
        row = self.model.row_of(kind, record_id)
        if row >= 0:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()

    def current_record(self) -> ConflictedRecord | None:
        index = self.table.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    # -- the record selected, side by side ------------------------------------------------------
    def _show_current(self) -> None:
        record = self.current_record()
        holder = QWidget()
        layout = QVBoxLayout(holder)
        if record is not None:
            link = self.tr("Open the record")
            title = QLabel(
                f"<b>{kind_name(record.kind)} — {html.escape(record.title)}</b> "
                f"<a href='#open'>{link}</a>",
                holder,
            )
            title.setObjectName("conflictRecordTitle")
            title.linkActivated.connect(
                lambda _l, r=record: self.open_record.emit(r.kind, r.record_id)
            )
            layout.addWidget(title)
            for clash in record.fields:
                box = ClashBox(record, clash, holder)
                box.resolve_button.setVisible(not self.desk.store.read_only)
                box.resolve.connect(lambda name, value, r=record: self._resolve(r, name, value))
                layout.addWidget(box)
        layout.addStretch(1)
        self.sides.setWidget(holder)  # the one shown before is deleted

    def clash_boxes(self) -> list[ClashBox]:
        holder = self.sides.widget()
        return holder.findChildren(ClashBox) if holder is not None else []

    def _resolve(self, record: ConflictedRecord, name: str, value: Any) -> None:
        try:
            self.desk.resolve_conflict(record.kind, record.record_id, name, value)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Not resolved"), str(exc))
