"""What an officer sees on opening PartnerDesk: agreement deadlines to act on, follow-ups late or
due soon, joint activities planned but past (what happened is not recorded yet), what is coming
up, and joint activities counted per thematic area and year.

Everything is read off the GUI thread in one read session (``db.queries.dashboard_reading``;
``db.queries.dashboard`` decides what is late or upcoming); the page only shows the answer in its
sections, and asks again when the store changes.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QElapsedTimer, QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.queries.dashboard_reading import SOON_DAYS, DashboardReading, read_dashboard
from db.queries.listing import ListFilter
from desktop.desk import Desk
from desktop.models.activities_to_update import ActivitiesToUpdateModel
from desktop.models.activity_counts import ActivityCountsModel
from desktop.models.agreement_deadlines import AgreementDeadlineModel
from desktop.models.coming_up import ComingUpModel
from desktop.models.dashboard_table import DashboardTableModel
from desktop.models.follow_ups_due import FollowUpsDueModel
from desktop.settings import Options
from desktop.widgets.dashboard_section import (
    DashboardSection,
    dashboard_table,
    enlarged,
    quiet,
    size_columns,
)
from desktop.worker import Latest, run_in_background

HORIZONS = (30, 60, 90, 180, 365)  # days ahead the officer may choose to look
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for widget sizes


class DashboardPage(QWidget):
    """The dashboard: the horizon chooser, then its sections, in a page that scrolls."""

    open_record = Signal(str, str)  # kind, id
    open_list = Signal(str, object)  # kind, ListFilter
    refreshed = Signal()  # the page shows a fresh reading of the store

    def __init__(self, desk: Desk, options: Options, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk, self.options = desk, options
        self.setObjectName("page_dashboard")
        self._latest = Latest()
        self.loading = False
        self.reading: DashboardReading | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("dashboard_heading")
        self.heading.setFont(enlarged(self.heading.font(), 1.4))
        self.as_of = QLabel(self)
        self.as_of.setObjectName("dashboard_as_of")
        quiet(self.as_of)
        self.horizon = QComboBox(self)
        self.horizon.setObjectName("dashboard_horizon")
        self.horizon.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        horizon_label = QLabel(self.tr("&Look ahead:"), self)
        horizon_label.setBuddy(self.horizon)
        self.horizon.setAccessibleName(self.tr("Look ahead"))
        self._fill_horizons(options.dashboard_horizon_days)

        self.deadlines_model = AgreementDeadlineModel(self)
        self.follow_ups_model = FollowUpsDueModel(self)
        self.to_update_model = ActivitiesToUpdateModel(self)
        self.coming_up_model = ComingUpModel(self)
        self.counts_model = ActivityCountsModel(self)

        self.deadlines_view = dashboard_table(
            self, "dashboard_deadlines_table", self.deadlines_model
        )
        self.follow_ups_view = dashboard_table(
            self, "dashboard_follow_ups_table", self.follow_ups_model
        )
        self.to_update_view = dashboard_table(
            self, "dashboard_to_update_table", self.to_update_model
        )
        self.coming_up_view = dashboard_table(
            self, "dashboard_coming_up_table", self.coming_up_model
        )
        self.counts_view = dashboard_table(self, "dashboard_counts_table", self.counts_model)
        self._shape_counts_view()
        for view in (
            self.deadlines_view,
            self.follow_ups_view,
            self.to_update_view,
            self.coming_up_view,
        ):
            view.activated.connect(self._row_activated)
        self.counts_view.clicked.connect(self._cell_chosen)
        self.counts_view.activated.connect(self._cell_chosen)
        self._last_cell: tuple[int, int] | None = None
        self._since_cell = QElapsedTimer()

        self.deadlines = DashboardSection("dashboard_deadlines", self.deadlines_view, self)
        self.follow_ups = DashboardSection("dashboard_follow_ups", self.follow_ups_view, self)
        self.to_update = DashboardSection("dashboard_to_update", self.to_update_view, self)
        self.to_update.hide()  # shown only when an activity needs an update
        self.coming_up = DashboardSection("dashboard_coming_up", self.coming_up_view, self)
        self.counts = DashboardSection("dashboard_counts", self.counts_view, self)
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
        for section in (
            self.deadlines,
            self.follow_ups,
            self.to_update,
            self.coming_up,
            self.counts,
        ):
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

    def _show(self, reading: DashboardReading) -> None:
        self.reading = reading
        self.deadlines_model.set_rows(reading.deadlines, reading.deadlines_counted.total)
        self.follow_ups_model.set_rows(reading.follow_ups, reading.follow_ups_counted.total)
        self.to_update_model.set_activities(
            reading.needing_update, reading.needing_update_counted.total
        )
        self.coming_up_model.set_items(
            reading.consultations, reading.activities, reading.coming_up_counted.total
        )
        self.counts_model.set_counts(reading.counts)
        self._retitle()
        self.loading = False
        self.refreshed.emit()

    def _retitle(self) -> None:
        locale = QLocale()
        today = self.reading.today if self.reading else self.desk.today()
        days = self.reading.horizon_days if self.reading else self.horizon_days()
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
        loaded = self.reading is not None
        late = self.reading.follow_ups_counted.late if self.reading else 0
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
        self.to_update.show_rows(
            self.tr("Planned but past — record what happened"),
            self.to_update_model.total,
            self.tr(
                "joint activities still proposed, planned, confirmed or ongoing whose dates have "
                "passed: open one to record whether it was held, postponed or cancelled"
            ),
            "",
            loaded=loaded,
        )
        # A section that asks for something only when there is something to do.
        self.to_update.setVisible(self.to_update_model.total > 0)
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
        self.to_update.set_more(self.to_update_model.rowCount(), self.to_update_model.total, [])
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
        size_columns(self.deadlines_view, stretch=2)
        size_columns(self.follow_ups_view, stretch=2, widths={3: 22 * em, 4: 40 * em})
        size_columns(self.to_update_view, stretch=2, widths={3: 26 * em, 4: 22 * em})
        size_columns(self.coming_up_view, stretch=2, widths={3: 26 * em, 4: 22 * em})
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
        if isinstance(model, DashboardTableModel):
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
