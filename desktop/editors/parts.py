"""The parts of a record in a small table: an agreement's parties, provisions, commitments and
amendments; a consultation's participants; an activity's partners. One row per part, one column
per field (``models.record_parts``); a delegate gives each column the right editor (type-ahead
picker, date, choice)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.schema import fields as f
from desktop.editors.inputs import Input, create_partner_text
from desktop.labels import choice_label, field_label
from desktop.models.record_parts import PartsModel, yes_no
from desktop.widgets.pickers import RecordPicker, date_cell_editor, date_from_text, looks_like_id


class PartDelegate(QStyledItemDelegate):
    create_requested = Signal(str)

    def __init__(self, model: PartsModel, parent=None):
        super().__init__(parent)
        self.parts = model

    def createEditor(self, parent, option, index):
        sub = self.parts.columns[index.column()]
        if isinstance(sub, f.Ref):
            # What is typed stays as typed when it names no record: never another partner, never
            # blank (the editor then offers to make it a partner).
            creates = sub.target == "organization"
            picker = RecordPicker(
                parent, keep_typed=True, create_text=create_partner_text() if creates else ""
            )
            picker.set_options(self.parts.options.get(sub.target, []))
            picker.create_requested.connect(self.create_requested.emit)
            return picker
        if isinstance(sub, f.Date):
            return date_cell_editor(parent)
        if isinstance(sub, f.Choice):
            combo = QComboBox(parent)
            for member in sub.enum:
                combo.addItem(choice_label(member.value), member.value)
            return combo
        if isinstance(sub, f.YesNo):
            combo = QComboBox(parent)
            combo.addItem(QCoreApplication.translate("PartsInput", "Not recorded"), None)
            combo.addItem(yes_no(True), True)
            combo.addItem(yes_no(False), False)
            return combo
        return QLineEdit(parent)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, RecordPicker):
            editor.set_value(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        else:
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor, model, index):
        if isinstance(editor, RecordPicker):
            editor.commit_typed_text()  # Tab may leave before the typed name was matched
            value = editor.value()
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(self.parts.columns[index.column()], f.Date):
            value = date_from_text(editor.text())  # unreadable text stays, for the rules to name
        elif isinstance(self.parts.columns[index.column()], f.Count):
            text = editor.text().strip()
            value = int(text) if text.isdigit() else text  # "twelve" reaches the rules
        else:
            value = editor.text()
        model.setData(index, value)


class PartsInput(Input):
    def __init__(self, spec: f.Parts, parent=None):
        box = QWidget(parent)
        super().__init__(spec, box)
        self.model = PartsModel(spec, box)
        self.view = QTableView(box)
        self.view.setModel(self.model)
        delegate = PartDelegate(self.model, self.view)
        self.view.setItemDelegate(delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(150)
        for column in range(self.model.columnCount()):  # each heading read whole
            wanted = header.sectionSizeFromContents(column).width()
            header.resizeSection(column, max(150, wanted))
        self.view.setMinimumHeight(90)
        self.view.setMaximumHeight(200)
        buttons = QHBoxLayout()
        self.add_button = self._button(
            QCoreApplication.translate("PartsInput", "Add %1").replace(
                "%1", field_label(spec.item_label).lower()
            ),
            self._add,
        )
        self.remove_button = self._button(
            QCoreApplication.translate("PartsInput", "Remove"),
            lambda: self.model.remove(self._row()),
        )
        up = self._button("↑", lambda: self._select(self.model.move(self._row(), -1)))
        down = self._button("↓", lambda: self._select(self.model.move(self._row(), 1)))
        up.setToolTip(QCoreApplication.translate("PartsInput", "Move up"))
        down.setToolTip(QCoreApplication.translate("PartsInput", "Move down"))
        # A partner typed in a cell that is not one yet ("United Nations"): made here.
        self.create_button = self._button("", self._create_typed_partner)
        self.create_button.setObjectName(f"create_{spec.name}")
        self.create_button.hide()
        for button in (self.add_button, self.remove_button, up, down):
            buttons.addWidget(button)
        self._buttons = buttons
        buttons.addStretch()
        buttons.addWidget(self.create_button)
        # What the rows add up to, when the form says (an activity's costs per currency).
        self.summary = QLabel(box)
        self.summary.setObjectName(f"summary_{spec.name}")
        self.summary.setWordWrap(True)
        self.summary.hide()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        self.model.edited.connect(self.changed.emit)
        self.model.edited.connect(self._offer_creation)
        self.model.modelReset.connect(self._offer_creation)
        delegate.create_requested.connect(self._create_from_cell)

    def _button(self, text, slot) -> QToolButton:
        button = QToolButton(self.widget)
        button.setText(text)
        button.clicked.connect(slot)
        return button

    def add_action(self, text: str, slot, name: str) -> QToolButton:
        """One more button beside the table's own (an activity's "Import registration sheet…")."""
        button = self._button(text, slot)
        button.setObjectName(name)
        self._buttons.insertWidget(self._buttons.indexOf(self.create_button) - 1, button)
        return button

    def _row(self) -> int:
        return self.view.currentIndex().row()

    def _select(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    def _add(self) -> None:
        row = self.model.add()
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)  # opens the first cell's editor (CurrentChanged trigger)
        if self.view.state() != QAbstractItemView.State.EditingState:
            self.view.edit(index)

    def set_options(self, target: str, options: list[tuple[str, str]]) -> None:
        self.model.set_options(target, options)

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setVisible(bool(text))

    def typed_partners(self) -> list[str]:
        """Names typed in an Organization cell that name no partner yet, in order."""
        found: list[str] = []
        for sub in self.spec.fields:
            if isinstance(sub, f.Ref) and sub.target == "organization":
                for part in self.model.parts:
                    name = part.get(sub.name)
                    if name and not looks_like_id(name) and name not in found:
                        found.append(name)
        return found

    def _offer_creation(self) -> None:
        typed = self.typed_partners()
        if typed:
            self.create_button.setText(create_partner_text(typed[0]))
        self.create_button.setVisible(bool(typed))

    def _create_typed_partner(self) -> None:
        typed = self.typed_partners()
        if typed:
            self.create_requested.emit(typed[0])

    def _create_from_cell(self, name: str) -> None:
        self.commit_open_cell()  # the name typed goes into the table first
        if name:
            self.create_requested.emit(name)

    def partner_created(self, typed: str, partner_id: str) -> bool:
        changed = False
        for sub in self.spec.fields:
            if isinstance(sub, f.Ref) and sub.target == "organization":
                for part in self.model.parts:
                    if part.get(sub.name) == typed:
                        part[sub.name] = partner_id
                        changed = True
        if changed:
            self.model.set_parts(self.model.parts)
        return changed

    def commit_open_cell(self) -> None:
        """Ctrl+S while a cell is still being typed in: what is typed counts."""
        if self.view.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        while editor is not None and editor.parentWidget() is not self.view.viewport():
            editor = editor.parentWidget()
        if editor is None:  # the window lost the focus (another window, a dialog): the open one
            editor = self.view.indexWidget(self.view.currentIndex()) or next(
                (
                    w
                    for w in self.view.viewport().findChildren(QWidget)
                    if w.parentWidget() is self.view.viewport() and w.isVisible()
                ),
                None,
            )
        if editor is not None:
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def get(self):
        return [dict(part) for part in self.model.parts]

    def set(self, value):
        self.model.set_parts(value or [])
