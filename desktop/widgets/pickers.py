"""Pickers an officer types into: a record by name (type-ahead), a thematic area in its tree, a
country, an optional date. Each gives back a plain value (id, code or ``date``) or None."""

from __future__ import annotations

import functools
import unicodedata
import uuid
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QStyle,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from db import clock
from db.queries.listing import AreaNode
from db.schema import countries
from desktop.labels import area_label


class WholeNames(QObject):
    """Keeps a pop-up list as wide as its longest name, within the screen: Qt makes a combo box's
    list and a completer's pop-up as wide as the field, which cuts a partner's name in the
    middle ("International Centre… Development (ICMPD)"). ``watch``: each time it is shown or
    resized (a completer's pop-up, placed anew at each key); else call ``widen`` once shown."""

    def __init__(
        self, popup: QWidget, view: QAbstractItemView, anchor: QWidget, *, watch: bool = True
    ):
        super().__init__(anchor)
        self.popup, self.view, self.anchor = popup, view, anchor
        if watch:
            popup.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.popup and event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            # A resize to the field's width, already followed by the one to the names' width:
            # stale, and the pop-up's layout would lay the list out at the stale width again.
            return self.widen() and event.type() == QEvent.Type.Resize
        return False

    def widen(self) -> bool:
        """Whether the pop-up had to be made wider."""
        screen = (self.anchor.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        view = self.view
        needed = (
            view.sizeHintForColumn(0)
            + view.verticalScrollBar().sizeHint().width()
            + 2 * view.frameWidth()
            + (self.popup.width() - view.width())  # the pop-up's own margins
            + 8
        )
        geometry = self.popup.geometry()
        width = min(max(needed, self.anchor.width()), screen.width())
        if width == geometry.width() and screen.contains(geometry):
            return False  # already right (and this is the resize it asked for)
        geometry.setWidth(width)
        if geometry.right() > screen.right():
            geometry.moveRight(screen.right())
        if geometry.left() < screen.left():
            geometry.moveLeft(screen.left())
        self.popup.setGeometry(geometry)
        return True


class RecordPicker(QComboBox):
    """A record chosen by typing part of its name; the list below narrows as one types.

    In an editor (``keep_typed``), what the officer typed is never replaced by another record
    nor dropped: a name that names no record exactly (its name, acronym, reference or the whole
    label) stays as typed, ``value()`` gives that text back, and ``create_requested`` offers to
    make the record. A filter (the default) takes the first record containing the text."""

    picked = Signal(object)  # id, typed text, or None
    create_requested = Signal(str)  # the typed name, for a new record

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        blank: str = "",
        keep_typed: bool = False,
        create_text: str = "",
    ):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._blank = blank
        self._keep_typed = keep_typed
        self._names: dict[str, set[int]] = {}  # a folded name -> the rows it names
        self._options: list[tuple[str, str]] | None = None  # as last set
        self._last: object = None
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._whole_list = WholeNames(self.view().window(), self.view(), self, watch=False)
        self._whole_completions = WholeNames(completer.popup(), completer.popup(), self)
        self.lineEdit().setPlaceholderText(blank)
        self.currentIndexChanged.connect(lambda _i: self._show_start())
        self.currentIndexChanged.connect(lambda _i: self._announce())
        self.lineEdit().editingFinished.connect(self.commit_typed_text)
        # "Create partner “United Nations”…", offered in the field while its text names nothing.
        self.create_action: QAction | None = None
        if create_text:
            self.create_action = QAction(
                self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder), "", self
            )
            self.lineEdit().addAction(self.create_action, QLineEdit.ActionPosition.TrailingPosition)
            self._create_text = create_text
            self.create_action.triggered.connect(
                lambda: self.create_requested.emit(self.typed_name() or "")
            )
            self.lineEdit().textChanged.connect(lambda _t: self._offer_creation())
            self._offer_creation()

    def showPopup(self) -> None:
        super().showPopup()
        self._whole_list.widen()

    def set_options(self, options: list[tuple[str, str]]) -> None:
        if options == self._options:
            return  # an editor opening the next record: the same partners, unchanged
        self._options = list(options)
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        self._names = {}
        for row, (record_id, label) in enumerate(options, start=1):
            self.addItem(label, record_id)
            for name in names_in_label(label):
                self._names.setdefault(name, set()).add(row)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> str | None:
        """The id of the record chosen; with ``keep_typed``, the text typed when it names no
        record; None when empty."""
        if not self._keep_typed:
            return self.currentData()
        text = self.currentText().strip()
        if not text:
            return None
        index = self.currentIndex()
        if index > 0 and self.itemText(index).strip() == text:
            return self.itemData(index)
        named = self._row_named(text)
        return self.itemData(named) if named > 0 else text

    def typed_name(self) -> str | None:
        """The text typed, when it names no record (a partner not recorded yet)."""
        value = self.value()
        return value if value and self._keep_typed and self.findData(value) < 0 else None

    def set_value(self, value: str | None) -> None:
        self.blockSignals(True)
        try:
            if not value:
                self.setCurrentIndex(0)
            elif (index := self.findData(value)) >= 0:
                self.setCurrentIndex(index)
            elif looks_like_id(value):
                # A record that is not offered (archived, or of a list not read yet): kept, so
                # that saving never loses the link.
                self.addItem(self.tr("(archived or missing record)"), value)
                self.setCurrentIndex(self.count() - 1)
            elif self._keep_typed:
                self.setCurrentIndex(0)
                self.setEditText(value)
            else:
                self.setCurrentIndex(0)
        finally:
            self.blockSignals(False)
        self._show_start()
        self._last = self.value()
        self._offer_creation()

    def commit_typed_text(self) -> None:
        """Take what was typed as the record it names. In an editor: exactly (its name, acronym,
        reference or label), else it stays as typed; in a filter: else the first containing it."""
        typed = self.currentText().strip()
        if not typed:
            if self.currentIndex() != 0:
                self.setCurrentIndex(0)
            self._announce()
            return
        if self._keep_typed:
            found = self._row_named(typed)
        else:
            found = self.findText(typed, Qt.MatchFlag.MatchFixedString)
            if found < 0:
                found = self.findText(typed, Qt.MatchFlag.MatchContains)
        if found >= 0 and found != self.currentIndex():
            self.setCurrentIndex(found)
        self._show_start()
        self._announce()

    def _show_start(self) -> None:
        """The beginning of a long label in view (an agreement's reference, a partner's name),
        not its end where Qt leaves the cursor; the whole label in the tooltip."""
        self.lineEdit().setCursorPosition(0)
        label = self.currentText()
        self.setToolTip(label if self.fontMetrics().horizontalAdvance(label) > self.width() else "")

    def _row_named(self, text: str) -> int:
        rows = self._names.get(folded(text), set())
        return next(iter(rows)) if len(rows) == 1 else -1

    def _announce(self) -> None:
        value = self.value()
        self._offer_creation()
        if value != self._last:
            self._last = value
            self.picked.emit(value)

    def _offer_creation(self) -> None:
        if self.create_action is None:
            return
        name = self.typed_name()
        self.create_action.setVisible(bool(name))
        if name:
            self.create_action.setToolTip(self._create_text.replace("%1", name))


@functools.lru_cache(maxsize=16_384)  # every picker of every editor names the same records
def names_in_label(label: str) -> frozenset[str]:
    """The names a picker's label gives a record, folded: "International Organization for
    Migration (IOM)" is named by its whole label, its name and its acronym; "WCO/IOM/MOU/2018 —
    Memorandum…" by its reference and its title."""
    names = {label}
    for part in label.split(" — "):
        names.add(part)
        if part.endswith(")") and " (" in part:
            name, _, acronym = part[:-1].rpartition(" (")
            names.update((name, acronym))
    return frozenset(folded(n) for n in names if n.strip())


def folded(text: str) -> str:
    """Without case, accents or extra spaces: how names are compared."""
    if text.isascii():  # nothing to decompose (most names): the quick way
        return " ".join(text.casefold().split())
    plain = unicodedata.normalize("NFKD", text.strip())
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).casefold().split())


def looks_like_id(text: str) -> bool:
    """Whether ``text`` is a record's id (a UUID), not a name typed by the officer."""
    try:
        uuid.UUID(text)
    except (ValueError, TypeError, AttributeError):
        return False
    return len(text) in (32, 36)


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
            self.addItem("    " * node.depth + area_label(node), node.id)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, area_id: str | None) -> None:
        self.setCurrentIndex(max(self.findData(area_id), 0) if area_id else 0)


def country_names() -> list[tuple[str, str]]:
    """(code, name) of every country, named and sorted in the window's language."""
    return countries.names(QLocale().name())


def not_a_country(typed: str) -> str:
    """What the officer reads when a country typed names none of the list ("Suise")."""
    return QCoreApplication.translate(
        "CountryPicker",
        "“%1” is not a country of the list: choose it there, typing part of its name or its "
        "two-letter code (Switzerland, CH).",
    ).replace("%1", typed)


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
        """The country's code; what was typed when it names no country (the editor says so).
        What is in the field counts, picked or typed: "Switzerland" typed over "United States
        (US)" is CH, even before the field is left."""
        typed = self.currentText().strip()
        if not typed:
            return None
        if self.currentIndex() > 0 and self.itemText(self.currentIndex()) == typed:
            return self.currentData()
        found = self._find(typed)
        return self.itemData(found) if found > 0 else typed

    def set_value(self, code: str | None) -> None:
        index = self.findData(code) if code else 0
        if index < 0:
            self.setEditText(code or "")
        else:
            self.setCurrentIndex(index)

    def _find(self, typed: str) -> int:
        """The row of the one country that ``typed`` names: its code, its name (in English or
        French, or in everyday use: "UK", "Russia"), or a part of the name shown found in no
        other; -1 when none or several."""
        named = countries.code_for(typed)
        if named is not None and self.findData(named) > 0:
            return self.findData(named)
        wanted = typed.casefold()
        rows = range(1, self.count())
        exact = [r for r in rows if self.itemText(r).casefold().startswith(wanted + " (")]
        if exact:
            return exact[0]
        within = [r for r in rows if wanted in self.itemText(r).casefold()]
        return within[0] if len(within) == 1 else -1

    def _match(self) -> None:
        found = self._find(self.currentText().strip())
        if found > 0:
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
        self.line.setPlaceholderText(
            QCoreApplication.translate("OptionalDateEdit", "YYYY-MM-DD HH:MM")
            if self.WITH_TIME
            else date_hint()
        )
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

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        """The field a screen reader lands on is the line inside: it takes the name too."""
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

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
    line.setPlaceholderText(date_hint())
    return line


def date_hint() -> str:
    """How a date is written, in the window's language (AAAA-MM-JJ in French)."""
    return QCoreApplication.translate("OptionalDateEdit", "YYYY-MM-DD")


def date_from_text(text: str) -> str | None:
    """ISO text for a readable date, the typed text otherwise (for the rules to name), or None."""
    text = text.strip()
    day = _read_date(text)
    return day.isoformat() if day else (text or None)
