"""The parts of a record in a small table: an agreement's parties, provisions, commitments and
amendments; a consultation's participants; an activity's partners. One row per part, one column
per field; a delegate gives each column the right editor (type-ahead picker, date, choice)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.schema import fields as f
from desktop.editors.inputs import Input
from desktop.labels import choice_label, field_label
from desktop.widgets.pickers import RecordPicker, date_cell_editor, date_from_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("PartsInput", text)


class PartsModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, spec: f.Parts, parent=None):
        super().__init__(parent)
        self.spec = spec
        self.parts: list[dict[str, Any]] = []
        self.options: dict[str, list[tuple[str, str]]] = {}  # target kind -> (id, label)
        self._labels: dict[str, str] = {}

    def set_options(self, target: str, options: list[tuple[str, str]]) -> None:
        self.options[target] = options
        self._labels.update(dict(options))
        if self.parts:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.parts) - 1, len(self.spec.fields) - 1)
            )

    def set_parts(self, parts: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.parts = [{sub.name: part.get(sub.name) for sub in self.spec.fields} for part in parts]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.parts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.spec.fields)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.spec.fields):
            return field_label(self.spec.fields[section].label)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (
            not index.isValid()
            or not (0 <= index.row() < len(self.parts))
            or not (0 <= index.column() < len(self.spec.fields))
        ):
            return None
        sub = self.spec.fields[index.column()]
        value = self.parts[index.row()].get(sub.name)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if value is None:
                return ""
            if isinstance(sub, f.Ref):
                return self._labels.get(value, value)
            if isinstance(sub, f.Choice):
                return choice_label(value)
            return str(value)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        sub = self.spec.fields[index.column()]
        if isinstance(value, date):
            value = value.isoformat()
        if value == "":
            value = None
        if self.parts[index.row()].get(sub.name) == value:
            return False
        self.parts[index.row()][sub.name] = value
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def add(self) -> int:
        row = len(self.parts)
        self.beginInsertRows(QModelIndex(), row, row)
        self.parts.append({sub.name: getattr(sub, "default", None) for sub in self.spec.fields})
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.parts):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.parts[row]
            self.endRemoveRows()
            self.edited.emit()

    def move(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self.parts) and 0 <= target < len(self.parts)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if delta > 0 else 0))
        self.parts.insert(target, self.parts.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return target


class PartDelegate(QStyledItemDelegate):
    def __init__(self, model: PartsModel, parent=None):
        super().__init__(parent)
        self.parts = model

    def createEditor(self, parent, option, index):
        sub = self.parts.spec.fields[index.column()]
        if isinstance(sub, f.Ref):
            picker = RecordPicker(parent)
            picker.set_options(self.parts.options.get(sub.target, []))
            return picker
        if isinstance(sub, f.Date):
            return date_cell_editor(parent)
        if isinstance(sub, f.Choice):
            combo = QComboBox(parent)
            for member in sub.enum:
                combo.addItem(choice_label(member.value), member.value)
            return combo
        return QLineEdit(parent)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, RecordPicker):
            editor.set_value(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        else:
            editor.setText(value or "")

    def setModelData(self, editor, model, index):
        if isinstance(editor, RecordPicker):
            editor.commit_typed_text()  # Tab may leave before the typed name was matched
            value = editor.value()
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(self.parts.spec.fields[index.column()], f.Date):
            value = date_from_text(editor.text())  # unreadable text stays, for the rules to name
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
        self.view.setItemDelegate(PartDelegate(self.model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(150)
        self.view.setMinimumHeight(90)
        self.view.setMaximumHeight(200)
        buttons = QHBoxLayout()
        self.add_button = self._button(
            _tr("Add %1").replace("%1", field_label(spec.item_label).lower()), self._add
        )
        self.remove_button = self._button(_tr("Remove"), lambda: self.model.remove(self._row()))
        up = self._button("↑", lambda: self._select(self.model.move(self._row(), -1)))
        down = self._button("↓", lambda: self._select(self.model.move(self._row(), 1)))
        up.setToolTip(_tr("Move up"))
        down.setToolTip(_tr("Move down"))
        for button in (self.add_button, self.remove_button, up, down):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.model.edited.connect(self.changed.emit)

    def _button(self, text, slot) -> QToolButton:
        button = QToolButton(self.widget)
        button.setText(text)
        button.clicked.connect(slot)
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

    def commit_open_cell(self) -> None:
        """Ctrl+S while a cell is still being typed in: what is typed counts."""
        if self.view.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        while editor is not None and editor.parentWidget() is not self.view.viewport():
            editor = editor.parentWidget()
        if editor is not None:
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def get(self):
        return [dict(part) for part in self.model.parts]

    def set(self, value):
        self.model.set_parts(value or [])
