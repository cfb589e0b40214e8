"""Pickers an officer types into: a record by name (type-ahead), a thematic area in its tree, a
country, an optional date. Each gives back a plain value (id, code or ``date``) or None."""

from __future__ import annotations

from datetime import date
from functools import cache

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QDateTimeEdit, QWidget

from db.listing import AreaNode

EMPTY_DATE = QDate(1899, 12, 31)  # shown as blank: "no date" (real dates start in 1900)


class RecordPicker(QComboBox):
    """A record chosen by typing part of its name; the list below narrows as one types."""

    picked = Signal(object)  # id or None

    def __init__(self, parent: QWidget | None = None, *, blank: str = ""):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._blank = blank
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(blank)
        self.currentIndexChanged.connect(lambda _i: self.picked.emit(self.value()))
        self.lineEdit().editingFinished.connect(self.commit_typed_text)

    def set_options(self, options: list[tuple[str, str]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        for record_id, label in options:
            self.addItem(label, record_id)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, record_id: str | None) -> None:
        index = self.findData(record_id) if record_id else 0
        self.blockSignals(True)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def commit_typed_text(self) -> None:
        """Take what was typed as the choice it names (exactly, else the first containing it)."""
        typed = self.currentText().strip()
        if not typed:
            self.setCurrentIndex(0)
            return
        exact = self.findText(typed, Qt.MatchFlag.MatchFixedString)
        if exact < 0:
            exact = self.findText(typed, Qt.MatchFlag.MatchContains)
        if exact >= 0 and exact != self.currentIndex():
            self.setCurrentIndex(exact)


class AreaPicker(QComboBox):
    """A thematic area, shown indented under its parent."""

    def __init__(self, parent: QWidget | None = None, *, blank: str = ""):
        super().__init__(parent)
        self._blank = blank

    def set_areas(self, nodes: list[AreaNode]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._blank, None)
        for node in nodes:
            label = f"{node.code}  {node.name}" if node.code else node.name
            self.addItem("    " * node.depth + label, node.id)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, area_id: str | None) -> None:
        self.setCurrentIndex(max(self.findData(area_id), 0) if area_id else 0)


@cache
def country_names() -> list[tuple[str, str]]:
    import pycountry

    return sorted(((c.alpha_2, c.name) for c in pycountry.countries), key=lambda item: item[1])


class CountryPicker(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", None)
        for code, name in country_names():
            self.addItem(f"{name} ({code})", code)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().editingFinished.connect(self._match)

    def value(self) -> str | None:
        if self.currentData() is None and self.currentText().strip():
            return self.currentText().strip()  # not a country: let the rules say so
        return self.currentData()

    def set_value(self, code: str | None) -> None:
        index = self.findData(code) if code else 0
        if index < 0:
            self.setEditText(code or "")
        else:
            self.setCurrentIndex(index)

    def _match(self) -> None:
        typed = self.currentText().strip()
        if len(typed) == 2 and self.findData(typed.upper()) >= 0:
            self.setCurrentIndex(self.findData(typed.upper()))
            return
        found = self.findText(typed, Qt.MatchFlag.MatchContains)
        if typed and found >= 0:
            self.setCurrentIndex(found)


class OptionalDateEdit(QDateEdit):
    """A date with a calendar, or none: the blank value sits just below the first real date."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(EMPTY_DATE)
        self.setMaximumDate(QDate(2199, 12, 31))
        self.setSpecialValueText(" ")
        self.setDate(EMPTY_DATE)
        self.calendarWidget().setGridVisible(True)

    def value(self) -> date | None:
        current = self.date()
        return (
            None if current == EMPTY_DATE else date(current.year(), current.month(), current.day())
        )

    def set_value(self, value: date | str | None) -> None:
        if isinstance(value, str):
            value = date.fromisoformat(value) if value else None
        self.setDate(QDate(value.year, value.month, value.day) if value else EMPTY_DATE)

    def keyPressEvent(self, event) -> None:
        # Delete or Backspace on a selected whole date clears it (QDateEdit alone cannot).
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.setDate(EMPTY_DATE)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        if self.value() is None:
            self.setDate(QDate.currentDate())  # open the calendar on today, not on 1899
        super().mousePressEvent(event)


class OptionalDateTimeEdit(QDateTimeEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setMinimumDate(EMPTY_DATE)
        self.setSpecialValueText(" ")
        self.setDate(EMPTY_DATE)

    def value(self) -> str | None:
        current = self.dateTime()
        if current.date() == EMPTY_DATE:
            return None
        return current.toString("yyyy-MM-ddTHH:mm")

    def set_value(self, value: str | None) -> None:
        if not value:
            self.setDate(EMPTY_DATE)
            return
        self.setDateTime(QDateTime.fromString(value[:16], "yyyy-MM-ddTHH:mm"))

    def mousePressEvent(self, event) -> None:
        if self.value() is None:
            self.setDateTime(QDateTime(QDate.currentDate(), QTime(9, 0)))
        super().mousePressEvent(event)
