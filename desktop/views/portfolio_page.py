"""Portfolio: every agreement assessed in one table — alive, quiet or dormant, what was held under
it, what is open and what is due — as of today or a past day, with the counts by verdict and by
partner kind, a chart of what was held per year, and the thresholds behind the verdicts.

The review comes from ``db.queries.portfolio`` off the GUI thread; a figure's cell opens the
records behind it (one record, or a list of exactly those). The table is
``models.portfolio_table``; the chart ``widgets.year_chart``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.queries import listing, portfolio
from db.queries.listing import ListFilter
from db.queries.portfolio import Assessment, Review
from db.queries.portfolio_words import thresholds_text, verdict_name
from db.schema.enums import AgreementKind, OrganizationKind
from db.schema.words import day_text
from desktop import colours
from desktop.desk import Desk
from desktop.dialogs.portfolio_report import PortfolioReportDialog
from desktop.dialogs.portfolio_thresholds import PortfolioThresholdsDialog
from desktop.errors import plain_reason, report_unexpected
from desktop.labels import choice_label, country_name, window_language
from desktop.models.portfolio_table import (
    FIGURES,
    LABEL,
    OFFICERS,
    PARTNERS,
    REASONS,
    TITLE,
    VERDICT,
    PortfolioFilter,
    PortfolioTableModel,
    verdict_background,
)
from desktop.widgets.pickers import AreaPicker
from desktop.widgets.year_chart import YearChart
from desktop.worker import Latest

# The verdicts the summary counts and offers as filters, in the order an officer reads them.
STRIP = (
    portfolio.ACTIVE,
    portfolio.NEW,
    portfolio.QUIET,
    portfolio.DORMANT,
    portfolio.REVIEW_DUE,
    portfolio.EXPIRING,
)
RECENT_YEARS = 5  # the chart always shows at least these last years


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PortfolioPage(QWidget):
    open_list = Signal(str, object)  # kind, ListFilter
    open_record = Signal(str, str)  # kind, id
    loaded = Signal()  # a review is shown (or the empty state)
    chart_drawn = Signal()  # the chart shows the figures of what is selected or shown

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("page_portfolio")
        self._latest = Latest()
        self._behind = Latest()
        self._chart_latest = Latest()
        self.chart_title = ""
        self.review: Review | None = None
        self._stale = True

        heading = QLabel(self.tr("Portfolio"), self)
        heading.setStyleSheet("font-size: 140%; font-weight: 600;")
        self.as_of = QDateEdit(self)
        self.as_of.setObjectName("asOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setAccessibleName(self.tr("As of"))
        self.as_of.setToolTip(
            self.tr("The review as the store knew it on that day: a past day recomputes it")
        )
        today = qdate(desk.today())
        self.as_of.setMaximumDate(today)
        self.as_of.setDate(today)
        as_of_label = QLabel(self.tr("&As of"), self)
        as_of_label.setBuddy(self.as_of)
        # A date typed digit by digit is computed once, when the typing stops.
        self._as_of_timer = QTimer(self, singleShot=True, interval=350, timeout=self.refresh)
        self.as_of.dateChanged.connect(lambda _d: self._as_of_timer.start())
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.clicked.connect(self.back_to_today)
        self.thresholds_button = QPushButton(self.tr("&Thresholds…"), self)
        self.thresholds_button.setObjectName("thresholdsButton")
        self.thresholds_button.setToolTip(self.tr("Change the limits behind the verdicts"))
        self.thresholds_button.clicked.connect(self.edit_thresholds)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(as_of_label)
        top.addWidget(self.as_of)
        top.addWidget(self.today_button)
        top.addSpacing(12)
        top.addWidget(self.thresholds_button)
        self.report_button = QPushButton(self.tr("&Report…"), self)
        self.report_button.setObjectName("reportButton")
        self.report_button.setToolTip(
            self.tr("The review as of this day, as a PDF report or an Excel workbook")
        )
        self.report_button.clicked.connect(self.write_report)
        top.addWidget(self.report_button)

        self.model = PortfolioTableModel(self)
        self.shown = PortfolioFilter(self.model, self)
        self._build_filters()
        self._build_summary()

        self.table = QTableView(self)
        self.table.setObjectName("portfolioTable")
        self.table.setAccessibleName(self.tr("Agreements and their verdicts"))
        self.table.setModel(self.shown)
        # Columns sized from the first rows only: Qt reads 1,000 rows of every column by default,
        # 17,000 calls into the model on the window's thread.
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(VERDICT, Qt.SortOrder.AscendingOrder)  # most pressing first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(self.open_cell)
        self.table.activated.connect(self.open_cell)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_chart())
        self.chart = YearChart(self)
        self.chart.setObjectName("heldPerYear")
        self.chart.setAccessibleName(self.tr("Held per year"))

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("portfolioSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)

        review = QWidget(self)
        column = QVBoxLayout(review)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.filter_row)
        column.addWidget(self.summary)
        column.addWidget(splitter, 1)
        self.message = QLabel(self)
        self.message.setObjectName("portfolioMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 115%;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(review)
        self.status = QLabel(self)
        self.status.setObjectName("portfolioStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        self._say(self.tr("Computing…"))
        desk.changed.connect(self._store_changed)

    # -- building ------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.text = QLineEdit(self)
        self.text.setObjectName("portfolioText")
        self.text.setPlaceholderText(self.tr("Filter the agreements…"))
        self.text.setAccessibleName(self.tr("Filter the agreements"))
        self.text.setClearButtonEnabled(True)
        self._typing = QTimer(self, singleShot=True, interval=200, timeout=self._narrow)
        self.text.textChanged.connect(lambda _t: self._typing.start())

        self.verdict = self._combo("verdictFilter", self.tr("Any verdict"), self.tr("Verdict"))
        for verdict in portfolio.VERDICTS:
            self.verdict.addItem(verdict_name(verdict, window_language()), verdict)
        self.kind = self._combo("kindFilter", self.tr("Any kind"), self.tr("Agreement kind"))
        for member in AgreementKind:
            self.kind.addItem(choice_label(member.value), member.value)
        self.partner_kind = self._combo(
            "partnerKindFilter", self.tr("Any partner kind"), self.tr("Partner kind")
        )
        for member in OrganizationKind:
            self.partner_kind.addItem(choice_label(member.value), member.value)
        self.area = AreaPicker(self, blank=self.tr("Any thematic area"))
        self.area.setObjectName("areaFilter")
        self.area.setAccessibleName(self.tr("Filter by thematic area"))
        self.area.currentIndexChanged.connect(self._narrow)
        self.country = self._combo(
            "countryFilter", self.tr("Any country"), self.tr("Partner country")
        )
        self.year = self._combo("yearFilter", self.tr("Any year signed"), self.tr("Year signed"))
        self.filter_row = QHBoxLayout()
        self.filter_row.addWidget(self.text, 2)
        for combo in (
            self.verdict,
            self.kind,
            self.partner_kind,
            self.area,
            self.country,
            self.year,
        ):
            # As narrow as a few words allow: the row fits a laptop's screen in any language.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            self.filter_row.addWidget(combo, 1)

    def _combo(self, name: str, blank: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(self.tr("Filter by %1").replace("%1", accessible.lower()))
        combo.addItem(blank, None)
        combo.currentIndexChanged.connect(self._narrow)  # after the blank: nothing to narrow yet
        return combo

    def _build_summary(self) -> None:
        self.summary = QFrame(self)
        self.summary.setObjectName("portfolioSummary")
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        rows = QVBoxLayout(self.summary)
        rows.setContentsMargins(8, 4, 8, 4)
        rows.setSpacing(2)
        counts = QHBoxLayout()
        counts.setSpacing(4)
        self.in_force = QLabel(self.summary)
        self.in_force.setObjectName("inForce")
        counts.addWidget(self.in_force)
        counts.addSpacing(8)
        self.verdict_buttons: dict[str, QToolButton] = {}
        for verdict in STRIP:
            button = QToolButton(self.summary)
            button.setObjectName(f"count_{verdict}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolTip(self.tr("Show only these agreements; click again for all"))
            button.clicked.connect(lambda _c=False, v=verdict: self.choose_verdict(v))
            counts.addWidget(button)
            self.verdict_buttons[verdict] = button
        counts.addSpacing(8)
        self.review_this_year = QLabel(self.summary)
        self.review_this_year.setObjectName("reviewThisYear")
        counts.addWidget(self.review_this_year)
        counts.addStretch(1)
        rows.addLayout(counts)
        self.by_partner_kind = QLabel(self.summary)
        self.by_partner_kind.setObjectName("byPartnerKind")
        self.by_partner_kind.setWordWrap(True)
        self.by_partner_kind.setTextFormat(Qt.TextFormat.RichText)
        self.by_partner_kind.linkActivated.connect(self._partner_kind_link)
        rows.addWidget(self.by_partner_kind)
        self.rules = QLabel(self.summary)
        self.rules.setObjectName("thresholdsText")
        self.rules.setWordWrap(True)
        rows.addWidget(self.rules)

    # -- loading -------------------------------------------------------------------------------
    def activate(self) -> None:
        self.area.set_areas(self.desk.read(listing.area_tree))
        if self._stale:
            self.refresh()

    def _store_changed(self, _changes) -> None:
        # Any write may change a verdict or a figure (a record, an area, the thresholds).
        self._stale = True
        if self.isVisible():
            self.area.set_areas(self.desk.read(listing.area_tree))
            self.refresh()

    def chosen_day(self) -> date:
        chosen = self.as_of.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def back_to_today(self) -> None:
        today = qdate(self.desk.today())
        self.as_of.setMaximumDate(today)
        self.as_of.setDate(today)

    def refresh(self) -> None:
        self._stale = False
        self._as_of_timer.stop()
        self.as_of.setMaximumDate(qdate(self.desk.today()))
        as_of = self.chosen_day()
        self.status.setText(self.tr("Computing…"))
        if self.review is None:
            self._say(self.tr("Computing…"))
        self.desk.query(
            portfolio.assess,
            as_of,
            on_done=self._loaded,
            on_failed=self._failed,
            latest=self._latest,
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _failed(self, exc: BaseException) -> None:
        reason = plain_reason(exc)
        if reason is None:
            report_unexpected(exc)
            reason = self.tr("The review could not be computed.")
        self.status.setText(reason)

    def _loaded(self, review: Review) -> None:
        kept = self.current_assessment()
        self.review = review
        self._fill_options(review)
        self.model.show(review)
        self._show_summary(review)
        if not review.assessments:
            if review.as_of < self.desk.today():
                self._say(
                    self.tr("No agreement was signed, in force or recorded on %1.").replace(
                        "%1", day_text(review.as_of, window_language())
                    )
                )
            else:
                self._say(
                    self.tr(
                        "No agreements recorded yet. Record your organization's agreements on "
                        "the Agreements page: each one is assessed here, with what was held "
                        "under it and what is due."
                    )
                )
            self.status.setText("")
        else:
            self.stack.setCurrentIndex(1)
            self._size_columns()
            if kept is not None:
                row = self.row_of(kept.agreement_id)
                if row >= 0:
                    self.table.selectRow(row)
            self._show_count()
        self._show_chart()
        self.loaded.emit()

    def _size_columns(self) -> None:
        self.table.resizeColumnsToContents()
        line = self.fontMetrics().averageCharWidth()
        # Long titles, partner lists and reasons are cut (their tooltip reads them whole) so
        # that the figures stay in sight on a laptop's screen.
        for column, most in (
            (LABEL, 26),
            (TITLE, 34),
            (PARTNERS, 24),
            (REASONS, 44),
            (OFFICERS, 34),
        ):
            if self.table.columnWidth(column) > most * line:
                self.table.setColumnWidth(column, most * line)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _fill_options(self, review: Review) -> None:
        countries = sorted(
            {a.partner_country for a in review.assessments if a.partner_country},
            key=lambda code: country_name(code).casefold(),
        )
        self._refill(self.country, [(country_name(c), c) for c in countries])
        years = sorted({a.signed_year for a in review.assessments if a.signed_year}, reverse=True)
        self._refill(self.year, [(str(y), y) for y in years])

    def _refill(self, combo: QComboBox, items: list[tuple[str, object]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
        combo.blockSignals(False)
        if combo.currentData() != chosen:  # what was chosen is not in the review any more
            self._narrow()

    # -- the summary ---------------------------------------------------------------------------
    def _show_summary(self, review: Review) -> None:
        language = window_language()
        counts = review.by_verdict()
        self.in_force.setText(self.tr("In force: %1").replace("%1", str(review.in_force())))
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text).name()
        for verdict, button in self.verdict_buttons.items():
            button.setText(f"{verdict_name(verdict, language)}: {counts[verdict]}")
            # The verdict's colour in the table, so that the count and the rows are read as one;
            # the chosen one framed in the text's colour.
            fill = verdict_background(verdict, palette)
            button.setStyleSheet(
                f"QToolButton {{ background: {fill.name() if fill else 'transparent'}; "
                f"color: {text}; border: 1px solid transparent; border-radius: 3px; "
                "padding: 1px 6px; }"
                f"QToolButton:checked {{ border: 2px solid {text}; font-weight: 600; }}"
            )
        self.review_this_year.setText(
            self.tr("Review due by the end of %1: %2")
            .replace("%1", str(review.as_of.year))
            .replace("%2", str(review.review_due_this_year()))
        )
        parts = []
        for kind, verdicts in sorted(
            review.by_partner_kind().items(),
            key=lambda item: -sum(item[1].values()),
        ):
            name = choice_label(kind) if kind else self.tr("No partner recorded")
            text = (
                self.tr("%1: %2 (%3 dormant)")
                .replace("%1", f'<a href="kind:{kind or ""}">{name}</a>')
                .replace("%2", str(sum(verdicts.values())))
                .replace("%3", str(verdicts[portfolio.DORMANT]))
            )
            parts.append(text)
        self.by_partner_kind.setText(
            self.tr("By partner kind: %1").replace("%1", " · ".join(parts)) if parts else ""
        )
        self.rules.setText(thresholds_text(review.thresholds, language))
        self.rules.setStyleSheet(colours.style(colours.secondary(self.palette())))

    def choose_verdict(self, verdict: str) -> None:
        """A verdict clicked in the summary: only its agreements (clicked again: all)."""
        chosen = None if self.verdict.currentData() == verdict else verdict
        self.verdict.setCurrentIndex(max(self.verdict.findData(chosen), 0) if chosen else 0)
        self._sync_verdict_buttons()

    def _sync_verdict_buttons(self) -> None:
        for verdict, button in self.verdict_buttons.items():
            button.setChecked(verdict == self.verdict.currentData())

    def _partner_kind_link(self, link: str) -> None:
        kind = link.removeprefix("kind:") or None
        if kind is not None:
            self.partner_kind.setCurrentIndex(max(self.partner_kind.findData(kind), 0))

    # -- narrowing -----------------------------------------------------------------------------
    def _narrow(self, *_args) -> None:
        self.shown.narrow(
            verdict=self.verdict.currentData(),
            kind=self.kind.currentData(),
            partner_kind=self.partner_kind.currentData(),
            area_id=self.area.value(),
            country=self.country.currentData(),
            year=self.year.currentData(),
            text=self.text.text(),
        )
        self._sync_verdict_buttons()
        if self.review is not None and self.review.assessments:
            self._show_count()
            self._show_chart()

    def _show_count(self) -> None:
        review = self.review
        assert review is not None
        self.status.setText(
            self.tr("%1 of %2 agreements shown · as of %3")
            .replace("%1", str(self.shown.rowCount()))
            .replace("%2", str(len(review.assessments)))
            .replace("%3", day_text(review.as_of, window_language()))
        )

    # -- the chart -----------------------------------------------------------------------------
    def current_assessment(self) -> Assessment | None:
        """The agreement selected (not merely the row with the keyboard's focus)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.review is None:
            return None
        return self.shown.assessment_at(rows[0].row())

    def _show_chart(self) -> None:
        """What was held per year under the agreement selected, else under those shown; read
        off the GUI thread (the newest request only)."""
        review = self.review
        if review is None:
            return
        chosen = self.current_assessment()
        if chosen is not None:
            ids = [chosen.agreement_id]
            title = self.tr("Held per year under %1").replace("%1", chosen.label)
            if chosen.project_agreements:
                title += " " + self.tr("(with its project agreements)")
        else:
            ids = [a.agreement_id for a in self.shown.shown()]
            title = (
                self.tr("Held per year under the agreement shown")
                if len(ids) == 1
                else self.tr("Held per year under the %1 agreements shown").replace(
                    "%1", str(len(ids))
                )
            )
            if self.partner_kind.currentData():
                title += " " + self.tr("(partners: %1)").replace(
                    "%1", choice_label(self.partner_kind.currentData())
                )
        last = review.as_of.year
        empty = self.tr("Nothing held in these years")
        self.chart_title = title  # the chart shows it once its figures are read

        def draw(years: dict[int, tuple[int, int]]) -> None:
            self.chart.show_years(title, _recent(years, last), empty)
            self.chart_drawn.emit()

        everything = chosen is None and len(ids) == len(review.assessments)
        self.desk.query(
            portfolio.held_by_year,
            review.as_of,
            None if everything else ids,  # every agreement: one statement, no id list
            on_done=draw,
            on_failed=self._failed,
            latest=self._chart_latest,
        )

    # -- what a figure counts ------------------------------------------------------------------
    def row_of(self, agreement_id: str) -> int:
        source = self.model.row_of(agreement_id)
        if source < 0:
            return -1
        return self.shown.mapFromSource(self.model.index(source, 0)).row()

    def open_cell(self, index: QModelIndex) -> None:
        """A figure opens the records it counts; any other cell, the agreement itself."""
        if not index.isValid() or self.review is None:
            return
        chosen = self.shown.assessment_at(index.row())
        figure = FIGURES.get(index.column())
        if figure is None:
            self.open_record.emit("agreement", chosen.agreement_id)
            return
        name, years = figure
        self.status.setText(self.tr("Finding the records…"))
        self.desk.query(
            portfolio.records_behind,
            chosen.agreement_id,
            name,
            self.review.as_of,
            years,
            on_done=self._open_behind,
            on_failed=self._failed,
            latest=self._behind,
        )

    def _open_behind(self, found: tuple[str, tuple[str, ...]]) -> None:
        kind, ids = found
        if self.review is not None and self.review.assessments:
            self._show_count()
        if not ids:
            self.status.setText(self.tr("No record behind this figure."))
        elif len(ids) == 1:
            self.open_record.emit(kind, ids[0])
        else:
            self.open_list.emit(kind, ListFilter(ids=ids))

    # -- the thresholds ------------------------------------------------------------------------
    def write_report(self) -> None:
        dialog = PortfolioReportDialog(self.desk, self.chosen_day(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def edit_thresholds(self) -> None:
        current = self.review.thresholds if self.review is not None else portfolio.Thresholds()
        dialog = PortfolioThresholdsDialog(self.desk, current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # the store's change (SETTINGS) recomputes the page


def _recent(years: dict[int, tuple[int, int]], last: int) -> dict[int, tuple[int, int]]:
    """Every year from the first with anything held (at least the last few) to ``last``, those
    with nothing held included: a gap is part of the story. Years after ``last`` (a record
    dated wrongly ahead) are left out."""
    held = [y for y, v in years.items() if any(v) and y <= last]
    first = min([*held, last - RECENT_YEARS + 1])
    return {y: years.get(y, (0, 0)) for y in range(first, last + 1)}
