"""Pickers an officer types into: a record by name (type-ahead), a thematic area in its tree, a
country, an optional date. Each gives back a plain value (id, code or ``date``) or None."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from db import clock
from db.queries.listing import AreaNode


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


class OptionalDateEdit(QWidget):
    """A date typed as text (YYYY-MM-DD, or the locale's short form) or picked in a calendar, or
    none. What cannot be read as a date is kept as typed, so that the rules can say so next to the
    field instead of the date being dropped."""

    dateChanged = Signal(
        object
    )  # the date, or None; on leaving the field or picking in the calendar
    edited = Signal()  # every keystroke
    WITH_TIME = False

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("YYYY-MM-DD HH:MM" if self.WITH_TIME else "YYYY-MM-DD")
        self.line.setClearButtonEnabled(True)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choose in a calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self._open_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(lambda _t: self.edited.emit())
        self.line.editingFinished.connect(self._finished)
        self._last: object = None

    # -- reading ----------------------------------------------------------------------------------
    def text(self) -> str:
        return self.line.text().strip()

    def value(self) -> date | None:
        """The date typed or picked; None when empty or unreadable."""
        return _read_date(self.text())

    def exchange_value(self) -> str | None:
        """ISO text for a readable date, the typed text for an unreadable one, None when empty."""
        value = self.value()
        return value.isoformat() if value else (self.text() or None)

    def set_value(self, value: date | str | None) -> None:
        if isinstance(value, date):
            value = value.isoformat()
        self.line.setText(value or "")
        self._last = self.value()

    def _finished(self) -> None:
        value = self.value()
        if value is not None and self.text() != value.isoformat():
            self.line.setText(
                value.isoformat()
            )  # the locale's form, shown the one way it is stored
        if value != self._last:
            self._last = value
            self.dateChanged.emit(value)

    def _open_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setGridVisible(True)
        current = self.value() or clock.today()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def picked(day: QDate) -> None:
            self.set_picked(date(day.year(), day.month(), day.day()))
            menu.close()

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def set_picked(self, day: date) -> None:
        self.set_value(day)
        self.edited.emit()
        self.dateChanged.emit(day)


class OptionalDateTimeEdit(OptionalDateEdit):
    """A meeting's local start: a date and a time (YYYY-MM-DD HH:MM)."""

    WITH_TIME = True

    def exchange_value(self) -> str | None:
        moment = _read_moment(self.text())
        return moment or (self.text() or None)

    def set_value(self, value: str | None) -> None:
        self.line.setText((value or "").replace("T", " ")[:16])
        self._last = _read_moment(self.text())

    def set_picked(self, day: date) -> None:
        time_part = self.text()[11:16] if _read_moment(self.text()) else "09:00"
        self.line.setText(f"{day.isoformat()} {time_part}")
        self.edited.emit()
        self.dateChanged.emit(day)

    def _finished(self) -> None:
        moment = _read_moment(self.text())
        if moment is not None:
            self.line.setText(moment.replace("T", " "))
        if moment != self._last:
            self._last = moment
            self.dateChanged.emit(moment)


def _read_date(text: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        pass
    day = QLocale().toDate(text, QLocale.FormatType.ShortFormat)
    if day.isValid():
        if day.year() < 100:  # "8/5/18": Qt reads 1918
            day = day.addYears(2000 if day.year() < 70 else 1900)
        return date(day.year(), day.month(), day.day())
    return None


def _read_moment(text: str) -> str | None:
    """ "YYYY-MM-DD HH:MM" (or with T) as ISO text, else None."""
    candidate = text.replace(" ", "T", 1) if len(text) >= 16 else ""
    try:
        moment = datetime.fromisoformat(candidate)
    except ValueError:
        return None
    return moment.isoformat(timespec="minutes")


def date_cell_editor(parent: QWidget) -> QLineEdit:
    """A date in a table cell: typed text, so that the table's own Tab and Enter handling commits it."""
    line = QLineEdit(parent)
    line.setPlaceholderText("YYYY-MM-DD")
    return line


def date_from_text(text: str) -> str | None:
    """ISO text for a readable date, the typed text otherwise (for the rules to name), or None."""
    text = text.strip()
    day = _read_date(text)
    return day.isoformat() if day else (text or None)
