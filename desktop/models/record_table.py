"""The list of one record kind: a table model over record ids (Anki's browser does the same).

The store decides which records match and in which order (db.listing) and answers with their
number; the ids and shown values of a page of rows are read when the view first asks for a row
of that page, so a list of 200,000 records opens as fast as one of 200. (A list sorted by a
computed value, such as the parties' names, comes with all its ids at once.) Sorting asks the
store again. ``rows_fetched`` tells tests how much was really read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QApplication, QStyle

from db.queries import listing
from db.queries.conflicts import conflicting_ids
from desktop import colours
from desktop.desk import Desk
from desktop.labels import choice_label, country_name, field_label
from desktop.worker import Latest, run_in_background

PAGE = 100


def format_value(value: Any, column_kind: str, locale: QLocale | None = None) -> str:
    """How a list cell reads in the officer's locale."""
    locale = locale or QLocale()
    if value is None or value == "":
        return ""
    if column_kind == "date" and isinstance(value, date):
        return locale.toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
        )
    if column_kind == "datetime" and isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        stamp = QDateTime(
            QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
        )
        return locale.toString(stamp, QLocale.FormatType.ShortFormat)
    if column_kind == "choice":
        return choice_label(value)
    if column_kind == "count" and isinstance(value, int):
        return locale.toString(value)
    if column_kind == "flag":
        return field_label("Late") if value else ""
    if column_kind == "country" and isinstance(value, str):
        return country_name(value)
    if column_kind == "place" and isinstance(value, str):
        return place_text(value)
    return str(value)


def place_text(place: str) -> str:
    """ "Lusaka, Zambie": a place as db lists it ("Lusaka, ZM", "KE"), its country named in the
    window's language."""
    city, _, code = place.rpartition(", ")
    if len(code) == 2 and code.isupper():
        return f"{city}, {country_name(code)}" if city else country_name(code)
    return place


CONFLICT_ROLES = (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole)


def conflict_mark(role: int):
    """A record in conflict, in its list's first column: a warning sign, and why in its tooltip."""
    if role == Qt.ItemDataRole.DecorationRole:
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return QCoreApplication.translate(
        "RecordTableModel", "Conflict: two stores changed this record; see the Conflicts page"
    )


class RecordTableModel(QAbstractTableModel):
    refreshed = Signal(int)  # number of matching records

    def __init__(self, desk: Desk, kind: str, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.kind = kind
        self.spec = listing.spec(kind)
        self.filter = listing.ListFilter()
        self._listed = listing.Ordered(kind, self.filter, desk.today(), total=0, ids=())
        self._pages: dict[int, tuple[list[str], dict[str, dict[str, Any]]]] = {}
        self._latest = Latest()
        self._conflicting: set[str] = set()  # ids of the records with an open conflict
        self.rows_fetched = 0
        self.loading = False
        self.asked = False  # the store was asked once: the page has been shown

    # -- asking the store -------------------------------------------------------------------------
    def refresh(self, flt: listing.ListFilter | None = None) -> None:
        """Ask the store (off the GUI thread) which records match; the view updates when it answers."""
        if flt is not None:
            self.filter = flt
        flt, today, desk, kind = self.filter, self.desk.today(), self.desk, self.kind

        def read(session) -> tuple[listing.Ordered, tuple[list[str], dict], set[str]]:
            # The first page too, in the same read: the view shows it without asking again; and
            # the records in conflict, once for the whole list rather than row by row.
            listed = listing.ordered(session, kind, flt, today)
            return listed, listing.page(session, listed, 0, PAGE), conflicting_ids(session, kind)

        self.loading = self.asked = True
        run_in_background(lambda: desk.read(read), self._show_listed, latest=self._latest)

    def _show_listed(
        self, answer: tuple[listing.Ordered, tuple[list[str], dict], set[str]]
    ) -> None:
        listed, first_page, self._conflicting = answer
        self.beginResetModel()
        self._listed = listed
        self._pages = {0: first_page}
        self.rows_fetched += len(first_page[0])
        self.endResetModel()
        self.loading = False
        self.refreshed.emit(listed.total)

    def _page(self, page: int) -> tuple[list[str], dict[str, dict[str, Any]]]:
        """The ids and shown values of a page of rows, read together the first time asked."""
        if page not in self._pages:
            start = page * PAGE
            self._pages[page] = self.desk.read(listing.page, self._listed, start, start + PAGE)
            self.rows_fetched += len(self._pages[page][0])
        return self._pages[page]

    def _row_values(self, row: int) -> dict[str, Any]:
        record_id = self.id_at(row)
        return self._page(row // PAGE)[1].get(record_id, {}) if record_id else {}

    # -- the model --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._listed.total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.spec.columns)
        ):
            return field_label(self.spec.columns[section].label)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if (
            not index.isValid()
            or not (0 <= index.row() < self._listed.total)
            or not (0 <= index.column() < len(self.spec.columns))
        ):
            return None
        column = self.spec.columns[index.column()]
        if (
            index.column() == 0
            and role in CONFLICT_ROLES
            and self._conflicting
            and self.id_at(index.row()) in self._conflicting
        ):
            return conflict_mark(role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = format_value(self._row_values(index.row()).get(column.key), column.kind)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 40 else None
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.filter.archived:
                return QBrush(colours.secondary())
            if self._row_values(index.row()).get("late"):
                return QBrush(colours.warning())
            return None
        if (
            role == Qt.ItemDataRole.FontRole
            and column.kind == "flag"
            and self._row_values(index.row()).get(column.key)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "count":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.id_at(index.row())
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.spec.columns):
            key = self.spec.columns[column].key
            flt = self.filter.with_(sort_key=key, descending=order == Qt.SortOrder.DescendingOrder)
            if self.asked:
                self.refresh(flt)
            else:  # the view sorting itself as it is made: the page is not shown yet
                self.filter = flt

    # -- ids ----------------------------------------------------------------------------------------
    def ids(self) -> list[str]:
        """The records of the list, filtered and sorted as shown (all of them)."""
        return self.ids_reader()()

    def ids_reader(self) -> Callable[[], list[str]]:
        """A function giving the records of the list, filtered and sorted as shown, read when
        it is called (the store may have changed since the list was counted), for work off the
        window's thread (an export of the whole list)."""
        desk, kind, flt, today = self.desk, self.kind, self._listed.flt, self._listed.today
        return lambda: desk.read(listing.matching_ids, kind, flt, today)

    def id_at(self, row: int) -> str | None:
        if not 0 <= row < self._listed.total:
            return None
        ids = self._page(row // PAGE)[0]
        offset = row % PAGE
        return ids[offset] if offset < len(ids) else None  # None: removed since the count

    def row_of(self, record_id: str) -> int:
        for page, (ids, _values) in self._pages.items():  # a page already read: no query
            if record_id in ids:
                return page * PAGE + ids.index(record_id)
        return self.desk.read(listing.position_of, self._listed, record_id)
