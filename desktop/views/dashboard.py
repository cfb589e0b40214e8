"""What an officer sees on opening PartnerDesk: agreement deadlines to act on, follow-ups late or
due soon, what is coming up, and joint activities counted per thematic area and year.

Everything is read off the GUI thread in one read session (db.dashboard decides what is late or
upcoming); the page only shows the answer, and asks again when the store changes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QElapsedTimer,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.queries import dashboard
from db.queries.dashboard import (
    ActivityCounts,
    AgreementDeadline,
    Counted,
    FollowUpDue,
    UpcomingActivity,
    UpcomingConsultation,
)
from db.queries.listing import ListFilter
from desktop.desk import Desk
from desktop.labels import choice_label, kind_name
from desktop.models.record_table import LATE, format_value
from desktop.settings import Options
from desktop.worker import Latest, run_in_background

if TYPE_CHECKING:
    from sqlmodel import Session

HORIZONS = (30, 60, 90, 180, 365)  # days ahead the officer may choose to look
SOON_DAYS = 14  # a follow-up due within this many days is "due soon"
SHOWN_ROWS = 15  # a section shows the most pressing rows; the full list is one click away

# db.dashboard names the deadlines in English; these are the words the window shows.
DEADLINE_WORDS = {
    "review": QT_TRANSLATE_NOOP("dashboard", "Next review"),
    "expiry": QT_TRANSLATE_NOOP("dashboard", "Expiry"),
    "notice": QT_TRANSLATE_NOOP("dashboard", "Last day to give notice of termination"),
}

Display = Qt.ItemDataRole.DisplayRole
ToolTip = Qt.ItemDataRole.ToolTipRole
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for widget sizes
COUNT_SHADE = QColor(46, 110, 180)  # cells with more activities are shaded a little darker


def _tr(text: str) -> str:
    return QCoreApplication.translate("dashboard", text)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _enlarged(font: QFont, factor: float) -> QFont:
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    return font


def _quiet(label: QLabel) -> None:
    """Secondary text: the placeholder colour of the current palette."""
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)


def _short_date(day: date) -> str:
    return format_value(day, "date")


# -- reading the store (off the GUI thread) --------------------------------------------------------
@dataclass(frozen=True)
class DashboardData:
    """One consistent reading of the store for the whole page."""

    today: date
    horizon_days: int
    deadlines: list[AgreementDeadline]  # the first SHOWN_ROWS
    deadlines_counted: Counted
    follow_ups: list[FollowUpDue]  # the first SHOWN_ROWS
    follow_ups_counted: Counted
    consultations: list[UpcomingConsultation]  # the first SHOWN_ROWS of each
    activities: list[UpcomingActivity]
    coming_up_counted: Counted
    counts: ActivityCounts


def read_dashboard(session: Session, today: date, horizon_days: int) -> DashboardData:
    """Everything the dashboard shows, from one read session (Qt-free). Sections read only
    the rows they show, and count the rest: a store with 40,000 late follow-ups must not hold
    the page for seconds to show fifteen of them."""
    deadlines, deadlines_counted = dashboard.first_agreement_deadlines(
        session, today, horizon_days, SHOWN_ROWS
    )
    return DashboardData(
        today=today,
        horizon_days=horizon_days,
        deadlines=deadlines,
        deadlines_counted=deadlines_counted,
        follow_ups=dashboard.follow_ups_due(session, today, SOON_DAYS, SHOWN_ROWS),
        follow_ups_counted=dashboard.count_follow_ups_due(session, today, SOON_DAYS),
        # The soonest SHOWN_ROWS of each kind hold the soonest SHOWN_ROWS of both together.
        consultations=dashboard.upcoming_consultations(session, today, horizon_days, SHOWN_ROWS),
        activities=dashboard.upcoming_activities(session, today, horizon_days, SHOWN_ROWS),
        coming_up_counted=dashboard.count_coming_up(session, today, horizon_days),
        counts=dashboard.activity_counts_by_area_and_year(session),
    )


# -- models ----------------------------------------------------------------------------------------
class _RowsModel(QAbstractTableModel):
    """A small read-only table over a list of rows; each row opens one record."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self.total = 0  # rows the store gave, of which the first SHOWN_ROWS are shown
        self._headers: list[str] | None = None

    # subclasses say what their columns are and what each cell shows
    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: Any, column: int) -> str | None:
        text = self.cell(row, column)
        return text if len(text) > 30 else None

    def is_alarm(self, row: Any) -> bool:
        return False

    def record_at(self, row: int) -> tuple[str, str] | None:
        """(kind, id) of the record a row stands for."""
        raise NotImplementedError

    def set_rows(self, rows: list[Any], total: int | None = None) -> None:
        """Show the first SHOWN_ROWS of ``rows``, which stand for ``total`` records (by default
        as many as there are rows)."""
        rows = list(rows)
        self.beginResetModel()
        self.total = len(rows) if total is None else total
        self._rows = rows[:SHOWN_ROWS]  # a large store must not make the page measure thousands
        self.endResetModel()

    def _names(self) -> list[str]:
        if self._headers is None:
            self._headers = self.headers()
        return self._headers

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._names())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Display):
        if orientation == Qt.Orientation.Horizontal and role == Display:
            names = self._names()
            if 0 <= section < len(names):
                return names[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Display):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < self.columnCount()):
            return None
        row = self._rows[index.row()]
        if role == Display:
            return self.cell(row, index.column())
        if role == ToolTip:
            return self.tooltip(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and self.is_alarm(row):
            return QBrush(LATE)
        if role == Qt.ItemDataRole.FontRole and index.column() in (0, 1) and self.is_alarm(row):
            return _bold()
        return None


class AgreementDeadlineModel(_RowsModel):
    """Agreements in force with a review, expiry or notice deadline soon (overdue reviews first)."""

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Deadline"), self.tr("Agreement"), self.tr("Parties")]

    def cell(self, row: AgreementDeadline, column: int) -> str:
        if column == 0:
            return _short_date(row.due_on)
        if column == 1:
            if row.overdue:
                return self.tr("Review overdue")
            return _tr(DEADLINE_WORDS.get(row.which, row.which))
        if column == 2:
            return " — ".join(part for part in (row.reference, row.title) if part)
        return ", ".join(row.parties)

    def is_alarm(self, row: AgreementDeadline) -> bool:
        return row.overdue

    def record_at(self, row: int) -> tuple[str, str] | None:
        if 0 <= row < len(self._rows):
            return "agreement", self._rows[row].agreement_id
        return None


class FollowUpsDueModel(_RowsModel):
    """Follow-ups already late (marked, in red), then those due soon."""

    def set_rows(self, rows: list[FollowUpDue], total: int | None = None) -> None:
        super().set_rows(sorted(rows, key=lambda f: (not f.is_late, f.due_on)), total)

    def headers(self) -> list[str]:
        return [
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Follow-up"),
            self.tr("Who"),
            self.tr("Comes from"),
        ]

    def cell(self, row: FollowUpDue, column: int) -> str:
        if column == 0:
            return _short_date(row.due_on)
        if column == 1:
            return self.tr("Late") if row.is_late else choice_label(row.status)
        if column == 2:
            return row.text
        if column == 3:
            return row.owner or ""
        if not row.source_kind:
            return ""
        source = kind_name(row.source_kind)
        return f"{source}: {row.source_title}" if row.source_title else source

    def is_alarm(self, row: FollowUpDue) -> bool:
        return row.is_late

    def record_at(self, row: int) -> tuple[str, str] | None:
        if 0 <= row < len(self._rows):
            return "follow_up", self._rows[row].follow_up_id
        return None


@dataclass(frozen=True)
class _ComingUp:
    kind: str  # "consultation" or "activity"
    record_id: str
    on: date
    sort_time: str
    when: str
    what: str
    title: str
    place: str
    organizations: str


class ComingUpModel(_RowsModel):
    """Consultations and joint activities starting within the horizon, soonest first."""

    def set_items(
        self,
        consultations: list[UpcomingConsultation],
        activities: list[UpcomingActivity],
        total: int | None = None,
    ) -> None:
        items = [self._consultation(c) for c in consultations]
        items += [self._activity(a) for a in activities]
        items.sort(key=lambda item: (item.on, item.sort_time, item.title.casefold()))
        self.set_rows(items, total)

    def _consultation(self, c: UpcomingConsultation) -> _ComingUp:
        if c.online and (not c.place or c.place == "Online"):
            place = choice_label("online")
        else:
            place = c.place or ""
        return _ComingUp(
            kind="consultation",
            record_id=c.consultation_id,
            on=c.on,
            sort_time=c.starts_at,
            when=format_value(c.starts_at, "datetime"),
            what=choice_label(c.kind),
            title=c.title,
            place=place,
            organizations=", ".join(c.organizations),
        )

    def _activity(self, a: UpcomingActivity) -> _ComingUp:
        when = _short_date(a.start_on)
        if a.end_on and a.end_on != a.start_on:
            when = self.tr("%1 to %2").replace("%1", when).replace("%2", _short_date(a.end_on))
        what = choice_label(a.kind)
        if a.status not in ("confirmed", "ongoing"):
            what = self.tr("%1 (%2)").replace("%1", what).replace("%2", choice_label(a.status))
        place = a.place or ""
        if a.mode in ("online", "hybrid"):
            mode = choice_label(a.mode)
            place = self.tr("%1 (%2)").replace("%1", place).replace("%2", mode) if place else mode
        return _ComingUp(
            kind="activity",
            record_id=a.activity_id,
            on=a.start_on,
            sort_time=a.start_on.isoformat(),
            when=when,
            what=what,
            title=a.title,
            place=place,
            organizations=", ".join(a.organizations),
        )

    def headers(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("What"),
            self.tr("Title"),
            self.tr("Place"),
            self.tr("Organizations"),
        ]

    def cell(self, row: _ComingUp, column: int) -> str:
        return (row.when, row.what, row.title, row.place, row.organizations)[column]

    def record_at(self, row: int) -> tuple[str, str] | None:
        if 0 <= row < len(self._rows):
            item = self._rows[row]
            return item.kind, item.record_id
        return None


class ActivityCountsModel(QAbstractTableModel):
    """Joint activities per top-level thematic area (rows) and year of start (columns)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._counts = ActivityCounts(areas=(), years=())
        self._most = 0

    def set_counts(self, counts: ActivityCounts) -> None:
        self.beginResetModel()
        self._counts = counts
        self._most = max(counts.counts.values(), default=0)
        self.endResetModel()

    def is_empty(self) -> bool:
        return not self._counts.years or not self._counts.areas

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.is_empty() else len(self._counts.areas)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.is_empty() else len(self._counts.years)

    def _count_at(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        if not index.isValid() or self.is_empty():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._counts.areas) and 0 <= column < len(self._counts.years)):
            return None
        return self._counts.count(self._counts.areas[row].area_id, self._counts.years[column])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Display):
        if self.is_empty():
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._counts.years):
            if role == Display:
                return str(self._counts.years[section])  # a year reads without digit grouping
            return None
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._counts.areas):
            area = self._counts.areas[section]
            if role == Display:
                return area.name
            if role == ToolTip and area.code:
                return f"{area.code} — {area.name}"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Display):
        count = self._count_at(index)
        if count is None:
            return None
        if role == Display:
            return QLocale().toString(count) if count else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and count and self._most:
            shade = QColor(COUNT_SHADE)
            shade.setAlpha(40 + int(90 * count / self._most))
            return QBrush(shade)
        if role == ToolTip and count:
            area = self._counts.areas[index.row()].name
            year = str(self._counts.years[index.column()])
            if count == 1:
                text = self.tr("One joint activity in %2, %3. Click to see it.")
            else:
                text = self.tr("%1 joint activities in %2, %3. Click to list them.")
            return (
                text.replace("%1", QLocale().toString(count))
                .replace("%2", area)
                .replace("%3", year)
            )
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        count = self._count_at(index)
        if count is None:
            return Qt.ItemFlag.NoItemFlags
        if count:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def filter_at(self, index: QModelIndex | QPersistentModelIndex) -> ListFilter | None:
        """The list of activities a cell counts, or None for an empty cell."""
        if not self._count_at(index):
            return None
        area = self._counts.areas[index.row()]
        year = self._counts.years[index.column()]
        return ListFilter(
            thematic_area_id=area.area_id, date_from=date(year, 1, 1), date_to=date(year, 12, 31)
        )


# -- the page --------------------------------------------------------------------------------------
class _FittedTable(QTableView):
    """A table as tall as its rows: the page scrolls, never the table."""

    def minimumSizeHint(self) -> QSize:
        # A scroll area's own minimum is as tall as a scroll bar, which would pad short tables.
        return QSize(0, self.sizeHint().height())


def _table(parent: QWidget, name: str, model: QAbstractTableModel) -> QTableView:
    """A read-only table of the dashboard, as tall as its rows."""
    table = _FittedTable(parent)
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # One column stretches and the others are sized, so rows always fit the width; a scroll bar
    # that shows for a moment while columns settle would leave its height behind as a gap.
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    # Follow-ups and titles are sentences: wrap them rather than cut them.
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setMinimumSectionSize(table.fontMetrics().height() + 10)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return table


def _size_columns(table: QTableView, stretch: int, widths: dict[int, int] | None = None) -> None:
    """Dates and short words take what they need; one long-text column takes the rest."""
    header = table.horizontalHeader()
    header.setMinimumSectionSize(40)
    for column in range(table.model().columnCount()):
        if column == stretch:
            mode = QHeaderView.ResizeMode.Stretch
        elif widths and column in widths:
            mode = QHeaderView.ResizeMode.Interactive
            header.resizeSection(column, widths[column])
        else:
            mode = QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)


class _Section(QFrame):
    """A titled part of the dashboard: its table, or one line saying there is nothing to show."""

    def __init__(self, name: str, view: QTableView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.title = QLabel(self)
        self.title.setObjectName(f"{name}_title")
        self.title.setFont(_enlarged(self.title.font(), 1.15))
        self.hint = QLabel(self)
        self.hint.setObjectName(f"{name}_hint")
        _quiet(self.hint)
        self.hint.setWordWrap(True)  # never widens the section beyond what the window gives
        self.view = view
        self.empty = QLabel(self)
        self.empty.setObjectName(f"{name}_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setWordWrap(True)
        self.empty.setContentsMargins(2, 6, 2, 6)
        self.empty.hide()
        heading = QHBoxLayout()
        heading.setSpacing(10)
        heading.addWidget(self.title)
        heading.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(heading)
        layout.addWidget(view)
        layout.addWidget(self.empty)
        self.more = QLabel(self)
        self.more.setObjectName(f"{name}_more")
        self.more.setTextFormat(Qt.TextFormat.RichText)
        self.more.hide()
        layout.addWidget(self.more)

    def set_more(self, shown: int, total: int, links: list[tuple[str, str]]) -> None:
        """Under a shortened table: how many are not shown, and links to the full lists."""
        if total <= shown:
            self.more.hide()
            return
        anchors = " · ".join(
            f"<a href='{target}'>{html.escape(text)}</a>" for target, text in links
        )
        count = (
            self.tr("Showing %1 of %2.")
            .replace("%1", QLocale().toString(shown))
            .replace("%2", QLocale().toString(total))
        )
        self.more.setText(f"{html.escape(count)} {anchors}")
        self.more.show()

    def show_rows(
        self, title: str, count: int | None, hint: str, empty_text: str, *, loaded: bool = True
    ) -> None:
        """Show the table, or ``empty_text`` when there is nothing (once the store has answered);
        ``count`` goes beside the title unless it is None."""
        if count:
            title = self.tr("%1 (%2)").replace("%1", title).replace("%2", QLocale().toString(count))
        has_rows = self.view.model().rowCount() > 0
        self.title.setText(title)
        self.view.setAccessibleName(title)
        self.hint.setText(hint if has_rows else "")  # the empty line says it all
        self.empty.setText(empty_text)
        self.view.setVisible(has_rows)
        self.empty.setVisible(loaded and not has_rows)


class DashboardPage(QWidget):
    open_record = Signal(str, str)  # kind, id
    open_list = Signal(str, object)  # kind, ListFilter
    refreshed = Signal()  # the page shows a fresh reading of the store

    def __init__(self, desk: Desk, options: Options, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk, self.options = desk, options
        self.setObjectName("page_dashboard")
        self._latest = Latest()
        self.loading = False
        self.data: DashboardData | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("dashboard_heading")
        self.heading.setFont(_enlarged(self.heading.font(), 1.4))
        self.as_of = QLabel(self)
        self.as_of.setObjectName("dashboard_as_of")
        _quiet(self.as_of)
        self.horizon = QComboBox(self)
        self.horizon.setObjectName("dashboard_horizon")
        self.horizon.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        horizon_label = QLabel(self.tr("&Look ahead:"), self)
        horizon_label.setBuddy(self.horizon)
        self._fill_horizons(options.dashboard_horizon_days)

        self.deadlines_model = AgreementDeadlineModel(self)
        self.follow_ups_model = FollowUpsDueModel(self)
        self.coming_up_model = ComingUpModel(self)
        self.counts_model = ActivityCountsModel(self)

        self.deadlines_view = _table(self, "dashboard_deadlines_table", self.deadlines_model)
        self.follow_ups_view = _table(self, "dashboard_follow_ups_table", self.follow_ups_model)
        self.coming_up_view = _table(self, "dashboard_coming_up_table", self.coming_up_model)
        self.counts_view = _table(self, "dashboard_counts_table", self.counts_model)
        self._shape_counts_view()
        for view in (self.deadlines_view, self.follow_ups_view, self.coming_up_view):
            view.activated.connect(self._row_activated)
        self.counts_view.clicked.connect(self._cell_chosen)
        self.counts_view.activated.connect(self._cell_chosen)
        self._last_cell: tuple[int, int] | None = None
        self._since_cell = QElapsedTimer()

        self.deadlines = _Section("dashboard_deadlines", self.deadlines_view, self)
        self.follow_ups = _Section("dashboard_follow_ups", self.follow_ups_view, self)
        self.coming_up = _Section("dashboard_coming_up", self.coming_up_view, self)
        self.counts = _Section("dashboard_counts", self.counts_view, self)
        for section in (self.deadlines, self.follow_ups, self.coming_up):
            section.more.linkActivated.connect(self._open_full_list)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.as_of, 0, Qt.AlignmentFlag.AlignBaseline)
        top.addStretch(1)
        top.addWidget(horizon_label)
        top.addWidget(self.horizon)

        content = QWidget(self)
        content.setObjectName("dashboard_content")
        sections = QVBoxLayout(content)
        sections.setContentsMargins(0, 0, 8, 8)
        sections.setSpacing(18)
        for section in (self.deadlines, self.follow_ups, self.coming_up, self.counts):
            sections.addWidget(section)
        sections.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("dashboard_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addWidget(self.scroll, 1)

        self._retitle()
        self.horizon.currentIndexChanged.connect(self._horizon_changed)
        desk.changed.connect(self._store_changed)

    # -- the horizon -----------------------------------------------------------------------------
    def _fill_horizons(self, chosen: int) -> None:
        days = sorted(set(HORIZONS) | ({chosen} if chosen > 0 else set()))
        for n in days:
            self.horizon.addItem(self.tr("%1 days").replace("%1", QLocale().toString(n)), n)
        self.horizon.setCurrentIndex(days.index(chosen) if chosen in days else days.index(90))

    def horizon_days(self) -> int:
        return int(self.horizon.currentData())

    def _horizon_changed(self, _index: int) -> None:
        self.options.dashboard_horizon_days = self.horizon_days()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------------
    def activate(self) -> None:
        """Called when the page is shown: read everything again."""
        self.refresh()

    def refresh(self) -> None:
        desk, today, horizon = self.desk, self.desk.today(), self.horizon_days()
        self.loading = True
        run_in_background(
            lambda: desk.read(read_dashboard, today, horizon), self._show, latest=self._latest
        )

    def _store_changed(self, _kind: str) -> None:
        if self.isVisible():
            self.refresh()

    def _show(self, data: DashboardData) -> None:
        self.data = data
        self.deadlines_model.set_rows(data.deadlines, data.deadlines_counted.total)
        self.follow_ups_model.set_rows(data.follow_ups, data.follow_ups_counted.total)
        self.coming_up_model.set_items(
            data.consultations, data.activities, data.coming_up_counted.total
        )
        self.counts_model.set_counts(data.counts)
        self._retitle()
        self.loading = False
        self.refreshed.emit()

    def _retitle(self) -> None:
        locale = QLocale()
        today = self.data.today if self.data else self.desk.today()
        days = self.data.horizon_days if self.data else self.horizon_days()
        n = locale.toString(days)
        self.heading.setText(self.tr("Dashboard"))
        self.as_of.setText(
            self.tr("as of %1").replace(
                "%1",
                locale.toString(
                    QDate(today.year, today.month, today.day), QLocale.FormatType.LongFormat
                ),
            )
        )
        loaded = self.data is not None
        late = self.data.follow_ups_counted.late if self.data else 0
        self.deadlines.show_rows(
            self.tr("Agreements to act on"),
            self.deadlines_model.total,
            self.tr("reviews, expiries and notice deadlines in the next %1 days").replace("%1", n),
            self.tr("No agreement deadline in the next %1 days.").replace("%1", n),
            loaded=loaded,
        )
        soon = locale.toString(SOON_DAYS)
        follow_ups_hint = self.tr("late, then due in the next %1 days").replace("%1", soon)
        if late:
            follow_ups_hint = (
                self.tr("%1 late; then due in the next %2 days")
                .replace("%1", locale.toString(late))
                .replace("%2", soon)
            )
        self.follow_ups.show_rows(
            self.tr("Follow-ups"),
            self.follow_ups_model.total,
            follow_ups_hint,
            self.tr("No follow-up late or due in the next %1 days.").replace("%1", soon),
            loaded=loaded,
        )
        self.coming_up.show_rows(
            self.tr("Coming up"),
            self.coming_up_model.total,
            self.tr("consultations and joint activities in the next %1 days").replace("%1", n),
            self.tr("No consultation or joint activity in the next %1 days.").replace("%1", n),
            loaded=loaded,
        )
        self.counts.show_rows(
            self.tr("Joint activities by thematic area and year"),
            None,
            self.tr("click a count to list those activities"),
            self.tr("No joint activity linked to a thematic area yet."),
            loaded=loaded,
        )
        late_list = "follow_up/late" if late else "follow_up/upcoming"
        self.deadlines.set_more(
            self.deadlines_model.rowCount(),
            self.deadlines_model.total,
            [("agreement/in_force", self.tr("Open the agreements in force"))],
        )
        self.follow_ups.set_more(
            self.follow_ups_model.rowCount(),
            self.follow_ups_model.total,
            [(late_list, self.tr("Open the follow-ups list"))],
        )
        self.coming_up.set_more(
            self.coming_up_model.rowCount(),
            self.coming_up_model.total,
            [
                ("consultation/upcoming", self.tr("Upcoming consultations")),
                ("activity/upcoming", self.tr("Upcoming joint activities")),
            ],
        )
        if loaded:
            self._fit_columns()

    def _open_full_list(self, target: str) -> None:
        kind, _, which = target.partition("/")
        flt = {
            "late": ListFilter(late_only=True),
            "upcoming": ListFilter(upcoming_only=True),
            "in_force": ListFilter(status="in_force", sort_key="review_on"),
        }[which]
        self.open_list.emit(kind, flt)

    def _fit_columns(self) -> None:
        em = self.fontMetrics().averageCharWidth()
        _size_columns(self.deadlines_view, stretch=2)
        _size_columns(self.follow_ups_view, stretch=2, widths={3: 22 * em, 4: 40 * em})
        _size_columns(self.coming_up_view, stretch=2, widths={3: 26 * em, 4: 22 * em})
        # A year needs a few digits: wider columns would only spread the counts apart.
        view = self.counts_view
        years = self.counts_model.columnCount()
        view.setMaximumWidth(
            2 * view.frameWidth() + view.verticalHeader().sizeHint().width() + years * 12 * em
            if years
            else QWIDGETSIZE_MAX
        )

    def _shape_counts_view(self) -> None:
        view = self.counts_view
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setAlternatingRowColors(False)
        view.setWordWrap(False)
        # Many years scroll sideways rather than squeeze the counts.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        rows = view.verticalHeader()
        rows.show()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        # Long area names are cut (the full name is the header's tooltip) so that years fit.
        rows.setMaximumWidth(self.fontMetrics().averageCharWidth() * 48)
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)
        years = view.horizontalHeader()
        years.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        years.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        years.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0000") + 14)
        view.setCursor(Qt.CursorShape.PointingHandCursor)

    # -- going to records and lists ----------------------------------------------------------------
    def _row_activated(self, index: QModelIndex) -> None:
        model = index.model()
        if isinstance(model, _RowsModel):
            target = model.record_at(index.row())
            if target is not None:
                self.open_record.emit(*target)

    def _cell_chosen(self, index: QModelIndex) -> None:
        flt = self.counts_model.filter_at(index)
        if flt is None:
            return
        # A double click also clicks: open the list once for the same cell.
        cell = (index.row(), index.column())
        if (
            cell == self._last_cell
            and self._since_cell.isValid()
            and self._since_cell.elapsed() < QApplication.doubleClickInterval()
        ):
            return
        self._last_cell = cell
        self._since_cell.start()
        self.open_list.emit("activity", flt)
