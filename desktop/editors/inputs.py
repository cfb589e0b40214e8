"""One input per field type of db.fields: a widget, and how to read and set its value in the
exchange shape (ISO dates, ids, lists). Every input announces edits with ``changed``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.queries.listing import AreaNode
from db.schema import fields as f
from desktop.labels import choice_label, label_of
from desktop.models.checklist import ChecklistModel
from desktop.widgets.pickers import (
    CountryPicker,
    OptionalDateEdit,
    OptionalDateTimeEdit,
    RecordPicker,
    folded,
    names_in_label,
)

LONG_TEXT = {
    "address",
    "mandate",
    "notes",
    "summary",
    "agenda",
    "decisions",
    "objectives",
    "results",
    "lessons",
    "description",
    "report",
    "postponement_reason",
    "feedback",
}


CREATE_PARTNER = QT_TRANSLATE_NOOP("Input", "Create partner “%1”…")


def create_partner_text(name: str = "%1") -> str:
    return QCoreApplication.translate("Input", CREATE_PARTNER).replace("%1", name)


class Input(QObject):
    changed = Signal()
    create_requested = Signal(str)  # a name typed that names no partner yet: make it one

    def __init__(self, spec: f.FieldSpec, widget: QWidget):
        super().__init__(widget)
        self.spec = spec
        self.widget = widget

    @property
    def label(self) -> str:
        """The field's name beside the input, in the window's language."""
        return label_of(self.spec)

    def get(self) -> Any:
        raise NotImplementedError

    def set(self, value: Any) -> None:
        raise NotImplementedError

    def set_silently(self, value: Any) -> None:
        blocked = self.blockSignals(True)
        try:
            self.set(value)
        finally:
            self.blockSignals(blocked)

    def partner_created(self, typed: str, partner_id: str) -> bool:
        """The partner ``typed`` names was just made: name it where it was typed. Whether the
        value changed."""
        return False


class TextInput(Input):
    def __init__(self, spec, parent=None):
        super().__init__(spec, QLineEdit(parent))
        self.widget.textEdited.connect(lambda _t: self.changed.emit())

    def get(self):
        return self.widget.text() or None

    def set(self, value):
        self.widget.setText(value or "")


class LongTextInput(Input):
    def __init__(self, spec, parent=None):
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)  # Tab moves on, as in every other field
        editor.setMinimumHeight(70)
        editor.setMaximumHeight(160)
        super().__init__(spec, editor)
        editor.textChanged.connect(self._edited)
        self._setting = False

    def _edited(self):
        if not self._setting:
            self.changed.emit()

    def get(self):
        return self.widget.toPlainText() or None

    def set(self, value):
        self._setting = True
        try:
            if self.widget.toPlainText() != (value or ""):
                self.widget.setPlainText(value or "")
        finally:
            self._setting = False


class ChoiceInput(Input):
    def __init__(self, spec: f.Choice, parent=None):
        combo = QComboBox(parent)
        super().__init__(spec, combo)
        if not spec.required and spec.default is None:
            combo.addItem("", None)
        for member in spec.enum:
            combo.addItem(choice_label(member.value), member.value)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def get(self):
        return self.widget.currentData()

    def set(self, value):
        index = self.widget.findData(value if value is not None else self.spec.default)
        self.widget.setCurrentIndex(max(index, 0))


class DateInput(Input):
    def __init__(self, spec, parent=None):
        super().__init__(spec, self.widget_class()(parent))
        self.widget.edited.connect(self.changed.emit)
        self.widget.dateChanged.connect(lambda _d: self.changed.emit())

    @staticmethod
    def widget_class():
        return OptionalDateEdit

    def get(self):
        return self.widget.exchange_value()

    def set(self, value):
        self.widget.set_value(value)


class DateTimeInput(DateInput):
    @staticmethod
    def widget_class():
        return OptionalDateTimeEdit


class CountInput(Input):
    """Typed as text, so that "twelve" reaches the rules and gets its message next to the field."""

    def __init__(self, spec, parent=None):
        line = QLineEdit(parent)
        line.setMaximumWidth(120)
        line.setAlignment(Qt.AlignmentFlag.AlignRight)
        super().__init__(spec, line)
        line.textEdited.connect(lambda _t: self.changed.emit())

    def get(self):
        text = self.widget.text().strip().replace(" ", "").replace("\u00a0", "")
        if not text:
            return None
        return int(text) if text.isdigit() else text

    def set(self, value):
        self.widget.setText("" if value is None else str(value))


class AmountInput(CountInput):
    """A number with decimals (an amount, a score), typed as text: "4.6", "18450.50"; what is
    not a number reaches the rules, which name it."""

    def get(self):
        text = self.widget.text().strip().replace(" ", "").replace("\u00a0", "")
        return text.replace(",", ".") if text.count(",") == 1 and "." not in text else text or None


class GroupInput(Input):
    """A few fields kept together (an activity's evaluation), one input each, in a small form."""

    def __init__(self, spec: f.Group, parent=None):
        box = QWidget(parent)
        super().__init__(spec, box)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.inputs: dict[str, Input] = {}
        for sub in spec.fields:
            sub_input = input_for(sub, box)
            sub_input.widget.setObjectName(f"field_{spec.name}_{sub.name}")
            sub_input.widget.setAccessibleName(sub_input.label)
            form.addRow(sub_input.label, sub_input.widget)
            sub_input.changed.connect(self.changed.emit)
            self.inputs[sub.name] = sub_input

    def get(self):
        values = {name: sub.get() for name, sub in self.inputs.items()}
        return values if any(v not in (None, "") for v in values.values()) else None

    def set(self, value):
        for name, sub in self.inputs.items():
            sub.set_silently((value or {}).get(name))


class DurationInput(Input):
    """How long a meeting lasts, in minutes, hours or days ("2" days: a two-day visit); kept in
    minutes. What is not a number is handed on for the rules to name."""

    UNITS = (
        (QT_TRANSLATE_NOOP("DurationInput", "minutes"), 1),
        (QT_TRANSLATE_NOOP("DurationInput", "hours"), 60),
        (QT_TRANSLATE_NOOP("DurationInput", "days"), 24 * 60),
    )

    def __init__(self, spec, parent=None):
        box = QWidget(parent)
        self.number = QLineEdit(box)
        self.number.setMaximumWidth(90)
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.unit = QComboBox(box)
        for text, factor in self.UNITS:
            self.unit.addItem(QCoreApplication.translate("DurationInput", text), factor)
        self.unit.setCurrentIndex(1)  # hours: what most meetings last
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.number)
        row.addWidget(self.unit)
        row.addStretch()
        box.setFocusProxy(self.number)
        super().__init__(spec, box)
        self.number.textEdited.connect(lambda _t: self.changed.emit())
        self.unit.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def get(self):
        text = self.number.text().strip().replace("\u00a0", "").replace(" ", "")
        if not text:
            return None
        try:
            amount = float(text.replace(",", "."))
        except ValueError:
            return text
        return round(amount * self.unit.currentData())

    def set(self, value):
        if value in (None, ""):
            self.number.setText("")
            return
        if not isinstance(value, int):
            self.number.setText(str(value))
            self.unit.setCurrentIndex(0)
            return
        for index in (2, 1, 0):
            factor = self.UNITS[index][1]
            if value % factor == 0:
                self.unit.setCurrentIndex(index)
                self.number.setText(str(value // factor))
                return


class FlagInput(Input):
    def __init__(self, spec, parent=None):
        super().__init__(spec, QCheckBox(parent))
        self.widget.toggled.connect(lambda _b: self.changed.emit())

    def get(self):
        return self.widget.isChecked()

    def set(self, value):
        self.widget.setChecked(bool(value))


class CountryInput(Input):
    def __init__(self, spec, parent=None):
        super().__init__(spec, CountryPicker(parent))
        self.widget.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.widget.lineEdit().editingFinished.connect(self.changed.emit)

    def get(self):
        return self.widget.value()

    def set(self, value):
        self.widget.set_value(value)


class TimeZoneInput(Input):
    def __init__(self, spec, parent=None):
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItem("")
        combo.addItems(f.time_zone_names())
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
        super().__init__(spec, combo)
        combo.currentTextChanged.connect(lambda _t: self.changed.emit())

    def get(self):
        return self.widget.currentText().strip() or None

    def set(self, value):
        self.widget.setCurrentText(value or "")


class RefInput(Input):
    def __init__(self, spec, parent=None):
        creates = spec.target == "organization"
        picker = RecordPicker(
            parent, keep_typed=True, create_text=create_partner_text() if creates else ""
        )
        super().__init__(spec, picker)
        picker.picked.connect(lambda _v: self.changed.emit())
        picker.create_requested.connect(self.create_requested.emit)

    def set_options(self, options: list[tuple[str, str]]) -> None:
        self.widget.set_options(options)

    def get(self):
        return self.widget.value()

    def set(self, value):
        self.widget.set_value(value)

    def partner_created(self, typed: str, partner_id: str) -> bool:
        if self.spec.target != "organization" or self.get() != typed:
            return False
        self.set_silently(partner_id)
        return True


class CodesInput(Input):
    """Language or country codes typed as "en, fr"."""

    def __init__(self, spec, parent=None):
        super().__init__(spec, QLineEdit(parent))
        self.widget.setPlaceholderText("en, fr" if spec.name == "languages" else "ZM, ZW")
        self.widget.textEdited.connect(lambda _t: self.changed.emit())

    def get(self):
        codes = [c.strip() for c in self.widget.text().replace(";", ",").split(",")]
        return [c.upper() if self.spec.name != "languages" else c for c in codes if c]

    def set(self, value):
        self.widget.setText(", ".join(value or []))


class ChecklistInput(Input):
    """A set of records ticked in a list, or in the thematic tree (sub-areas under their parent)."""

    def __init__(self, spec, parent=None):
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(box)
        self.filter.setPlaceholderText(
            QCoreApplication.translate("ChecklistInput", "Type to narrow the list")
        )
        self.view = QTreeView(box)
        self.view.setHeaderHidden(True)
        self._fit_rows(self.view.fontMetrics().height() + 4)
        self.items = ChecklistModel(self.view)
        self.view.setModel(self.items)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        # Organizations present: a name typed that is not a partner yet can become one here.
        self.create_button = QToolButton(box)
        self.create_button.setObjectName(f"create_{spec.name}")
        self.create_button.hide()
        top.addWidget(self.create_button)
        layout.addLayout(top)
        layout.addWidget(self.view)
        super().__init__(spec, box)
        self.items.ticked.connect(self.changed.emit)
        self.filter.textChanged.connect(self._narrow)
        self.create_button.clicked.connect(
            lambda: self.create_requested.emit(self.filter.text().strip())
        )

    SHOWN_ROWS = (8, 15)  # the rows the list shows at least, and at most, before scrolling

    def set_options(self, options: list[tuple[str, str]] | list[AreaNode]) -> None:
        self.items.set_options(options, chosen=self.get())
        self.view.expandAll()
        if self.items.rowCount():
            self._fit_rows(self.view.sizeHintForRow(0))

    def _fit_rows(self, row_height: int) -> None:
        """At least eight rows of the thematic tree in view on a laptop's screen (1280×800),
        whatever the font: the editor's form scrolls instead of squeezing the tree."""
        least, most = self.SHOWN_ROWS
        # the frame, and the scroll bar a long name brings along
        frame = 2 * self.view.frameWidth() + self.view.horizontalScrollBar().sizeHint().height()
        self.view.setMinimumHeight(least * row_height + frame)
        self.view.setMaximumHeight(most * row_height + frame)

    def get(self):
        return self.items.chosen_ids()

    def set(self, value):
        self.items.set_chosen(value or [])

    def partner_created(self, typed: str, partner_id: str) -> bool:
        if self.spec.target != "organization" or partner_id not in self.items.by_id:
            return False
        self.set_silently([*self.get(), partner_id])
        self.filter.clear()
        return True

    def _narrow(self, text: str) -> None:
        needle = text.casefold().strip()
        typed = text.strip()
        names_one = any(
            folded(typed) in names_in_label(item.text()) for item in self.items.by_id.values()
        )
        offered = self.spec.target == "organization" and bool(typed) and not names_one
        self.create_button.setText(create_partner_text(typed))
        self.create_button.setVisible(offered)

        def visit(parent: QStandardItem) -> bool:
            any_shown = False
            for row in range(parent.rowCount()):
                item = parent.child(row)
                shown_child = visit(item)
                shown = shown_child or not needle or needle in item.text().casefold()
                self.view.setRowHidden(row, parent.index(), not shown)
                any_shown = any_shown or shown
            return any_shown

        visit(self.items.invisibleRootItem())


def input_for(spec: f.FieldSpec, parent: QWidget | None = None) -> Input:
    if isinstance(spec, f.Choice):
        return ChoiceInput(spec, parent)
    if isinstance(spec, f.Date):
        return DateInput(spec, parent)
    if isinstance(spec, f.LocalDateTime):
        return DateTimeInput(spec, parent)
    if isinstance(spec, f.Count) and spec.name == "duration_minutes":
        return DurationInput(spec, parent)
    if isinstance(spec, f.Count):
        return CountInput(spec, parent)
    if isinstance(spec, f.Amount):
        return AmountInput(spec, parent)
    if isinstance(spec, f.Group):
        return GroupInput(spec, parent)
    if isinstance(spec, f.Flag):
        return FlagInput(spec, parent)
    if isinstance(spec, f.Country):
        return CountryInput(spec, parent)
    if isinstance(spec, f.TimeZone):
        return TimeZoneInput(spec, parent)
    if isinstance(spec, f.Ref):
        return RefInput(spec, parent)
    if isinstance(spec, f.ListOf):
        return ChecklistInput(spec, parent) if spec.target else CodesInput(spec, parent)
    if isinstance(spec, f.Text) and spec.name in LONG_TEXT:
        return LongTextInput(spec, parent)
    return TextInput(spec, parent)
