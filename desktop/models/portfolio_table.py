"""The portfolio review as a table: one row per agreement with its verdict, its reasons and its
figures, and the filter the Portfolio page narrows and sorts it with. Each cell carries the value
it sorts by (``SORT_ROLE``): dates and figures as numbers, verdicts most pressing first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from db.queries import portfolio
from db.queries.portfolio import VERDICTS, Assessment, Deadline, Review, next_deadline
from db.queries.portfolio_words import officer_assessment_text, reasons_text, verdict_name
from db.schema.naming import sort_key
from db.schema.words import day_text
from desktop import colours
from desktop.labels import choice_label, window_language

SORT_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex

# Columns: what an officer scans first (the agreement, its partners, its verdict, what is due
# and its figures) on the left; the long texts, read in tooltips too, on the right.
(
    LABEL,
    PARTNERS,
    VERDICT,
    NEXT_DEADLINE,
    LAST_HELD,
    ACTIVITIES,
    PARTICIPANTS,
    CONSULTATIONS,
    COMMITMENTS,
    FOLLOW_UPS_OPEN,
    FOLLOW_UPS_LATE,
    PROJECT_AGREEMENTS,
    REASONS,
    OFFICERS,
    TITLE,
    PARTNER_KIND,
    SIGNED,
) = range(17)
COLUMNS = 17
WINDOW = 5  # the look-back of the figures shown, in years (portfolio.WINDOWS)

# The figure a column counts, as ``portfolio.records_behind`` names it: its cells open the
# records behind them. Participants are those of the activities counted.
FIGURES = {
    ACTIVITIES: (portfolio.ACTIVITIES, WINDOW),
    PARTICIPANTS: (portfolio.ACTIVITIES, WINDOW),
    CONSULTATIONS: (portfolio.CONSULTATIONS, WINDOW),
    FOLLOW_UPS_OPEN: (portfolio.FOLLOW_UPS_OPEN, None),
    FOLLOW_UPS_LATE: (portfolio.FOLLOW_UPS_LATE, None),
    PROJECT_AGREEMENTS: (portfolio.PROJECT_AGREEMENTS, None),
}
NUMBERS = (*FIGURES, COMMITMENTS, SIGNED)

# Each verdict's hue, mixed into the page's own colour (as colours.problem_background does) so
# that the palette's text stays readable on it in a light and in a dark theme. Verdicts that ask
# for nothing (superseded, terminated, expired, not in force) stay unshaded.
HUES = {
    portfolio.EXPIRING: "#e8710a",
    portfolio.REVIEW_DUE: "#f9ab00",
    portfolio.DORMANT: "#d93025",
    portfolio.QUIET: "#a142f4",
    portfolio.NEW: "#1a73e8",
    portfolio.ACTIVE: "#1e8e3e",
}


def verdict_background(verdict: str, palette: QPalette | None = None) -> QColor | None:
    hue = HUES.get(verdict)
    if hue is None:
        return None
    palette = palette if palette is not None else QGuiApplication.palette()
    return colours.mixed(palette.color(QPalette.ColorRole.Base), QColor(hue), 0.28)


class PortfolioTableModel(QAbstractTableModel):
    """One row per assessed agreement, in the review's order."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.review: Review | None = None
        self.rows: tuple[Assessment, ...] = ()
        self.language = "en"

    def show(self, review: Review) -> None:
        self.beginResetModel()
        self.review = review
        self.language = window_language()
        self.rows = self._in_order(review.assessments)
        self.endResetModel()

    # Sorted here, each row's key computed once: a QSortFilterProxyModel asks a Python model for
    # two cells per comparison, 600,000 calls for 20,000 agreements (seconds of a frozen window).
    sorted_by: tuple[int, Qt.SortOrder] = (VERDICT, Qt.SortOrder.AscendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMNS:
            return
        self.sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [(index, self.rows[index.row()]) for index in before if index.isValid()]
        self.rows = self._in_order(self.rows)
        new_row = {id(a): r for r, a in enumerate(self.rows)}
        self.changePersistentIndexList(
            [index for index, _ in kept],
            [self.index(new_row[id(a)], index.column()) for index, a in kept],
        )
        self.layoutChanged.emit()

    def _in_order(self, rows: tuple[Assessment, ...]) -> tuple[Assessment, ...]:
        """By the column's order; an empty cell (no date, no deadline) last whichever way the
        column is sorted, as in the record lists; ties in the review's order."""
        column, order = self.sorted_by
        descending = order == Qt.SortOrder.DescendingOrder
        keyed = [(self._order(a, column), a) for a in rows]
        filled = sorted(
            (pair for pair in keyed if pair[0] is not None),
            key=lambda pair: pair[0],
            reverse=descending,
        )
        return tuple(a for _, a in filled) + tuple(a for key, a in keyed if key is None)

    def assessment_at(self, row: int) -> Assessment:
        return self.rows[row]

    def row_of(self, agreement_id: str) -> int:
        return next((r for r, a in enumerate(self.rows) if a.agreement_id == agreement_id), -1)

    # -- the model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._headers()[section][1] or None
        return None

    def _headers(self) -> list[tuple[str, str]]:
        years = self.tr("in the last %1 years").replace("%1", str(WINDOW))
        # Two short lines for the figures' headers: the columns stay as narrow as their numbers.
        headers = {
            LABEL: (self.tr("Agreement"), self.tr("Its reference, or its title when it has none")),
            TITLE: (self.tr("Title"), ""),
            PARTNERS: (self.tr("Partners"), ""),
            PARTNER_KIND: (self.tr("Partner kind"), self.tr("The kind of its first partner")),
            VERDICT: (self.tr("Verdict"), self.tr("Its colour and tooltip give the reasons")),
            REASONS: (self.tr("Reasons"), ""),
            OFFICERS: (
                self.tr("Officers' assessment"),
                self.tr("The latest assessment recorded on the agreement by that day"),
            ),
            LAST_HELD: (
                self.tr("Last held"),
                self.tr("The last consultation or joint activity held"),
            ),
            ACTIVITIES: (
                self.tr("Activities\n(%1 years)").replace("%1", str(WINDOW)),
                self.tr("Joint activities held %1").replace("%1", years),
            ),
            PARTICIPANTS: (
                self.tr("Participants\n(women/men)"),
                self.tr("In the joint activities held %1").replace("%1", years),
            ),
            CONSULTATIONS: (
                self.tr("Consultations\n(%1 years)").replace("%1", str(WINDOW)),
                self.tr("Consultations held %1").replace("%1", years),
            ),
            COMMITMENTS: (self.tr("Commitments\nmet · pending · not met"), ""),
            FOLLOW_UPS_OPEN: (self.tr("Follow-ups\nopen"), ""),
            FOLLOW_UPS_LATE: (
                self.tr("Follow-ups\nlate"),
                self.tr("Open follow-ups past their due date"),
            ),
            PROJECT_AGREEMENTS: (self.tr("Project\nagreements"), ""),
            NEXT_DEADLINE: (
                self.tr("Next deadline"),
                self.tr("The nearest of the review, the expiry and the last day to give notice"),
            ),
            SIGNED: (self.tr("Signed"), self.tr("The year of the last signature")),
        }
        return [headers[column] for column in range(COLUMNS)]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        a, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(a, column)
        if role == SORT_ROLE:
            return self._order(a, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(a, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == VERDICT:
            return verdict_background(a.verdict)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == FOLLOW_UPS_LATE:
            return colours.warning() if a.follow_ups_late else None
        return None

    def _text(self, a: Assessment, column: int) -> str:
        held = a.held[WINDOW]
        language = self.language
        if column == LABEL:
            return a.label
        if column == TITLE:
            return a.title
        if column == PARTNERS:
            return ", ".join(a.partners)
        if column == PARTNER_KIND:
            return choice_label(a.partner_kind)
        if column == VERDICT:
            return verdict_name(a.verdict, language)
        if column == REASONS:
            return reasons_text(a, language)
        if column == OFFICERS:
            return officer_assessment_text(a.officer_assessment, language)
        if column == LAST_HELD:
            return day_text(a.last_held, language)
        if column == ACTIVITIES:
            return str(held.activities)
        if column == PARTICIPANTS:
            if not held.participants:
                return "0"
            return f"{held.participants} ({held.women}/{held.men})"
        if column == CONSULTATIONS:
            return str(held.consultations)
        if column == COMMITMENTS:
            return f"{a.commitments_met} · {a.commitments_pending} · {a.commitments_not_met}"
        if column == FOLLOW_UPS_OPEN:
            return str(a.follow_ups_open)
        if column == FOLLOW_UPS_LATE:
            return str(a.follow_ups_late)
        if column == PROJECT_AGREEMENTS:
            return str(a.project_agreements)
        if column == NEXT_DEADLINE:
            return self._deadline_text(next_deadline(a))
        if column == SIGNED:
            return str(a.signed_year) if a.signed_year else ""
        return ""

    def _deadline_text(self, deadline: Deadline | None) -> str:
        if deadline is None:
            return ""
        what = {
            "review": self.tr("Review"),
            "expiry": self.tr("Expiry"),
            "notice": self.tr("Notice"),
        }[deadline.what]
        if deadline.days > 1:
            when = self.tr("in %1 days").replace("%1", str(deadline.days))
        elif deadline.days == 1:
            when = self.tr("tomorrow")
        elif deadline.days == 0:
            when = self.tr("today")
        elif deadline.days == -1:
            when = self.tr("yesterday")
        else:
            when = self.tr("%1 days ago").replace("%1", str(-deadline.days))
        return f"{what} · {day_text(deadline.day, self.language)} ({when})"

    def _order(self, a: Assessment, column: int) -> Any:
        held = a.held[WINDOW]
        if column == VERDICT:
            return VERDICTS.index(a.verdict)
        if column == LAST_HELD:
            return a.last_held.toordinal() if a.last_held else None
        if column == ACTIVITIES:
            return held.activities
        if column == PARTICIPANTS:
            return held.participants
        if column == CONSULTATIONS:
            return held.consultations
        if column == COMMITMENTS:
            # Most met first when descending; of equal met, fewer not met is better.
            return a.commitments_met * 10_000 - a.commitments_not_met
        if column == FOLLOW_UPS_OPEN:
            return a.follow_ups_open
        if column == FOLLOW_UPS_LATE:
            return a.follow_ups_late
        if column == PROJECT_AGREEMENTS:
            return a.project_agreements
        if column == NEXT_DEADLINE:
            deadline = next_deadline(a)
            return deadline.days if deadline else None
        if column == SIGNED:
            return a.signed_year
        return sort_key(self._text(a, column))

    def _tip(self, a: Assessment, column: int) -> str | None:
        if column == VERDICT:
            return reasons_text(a, self.language)
        if column in (LABEL, TITLE):
            return a.title if column == LABEL else None
        if column == OFFICERS and a.officer_assessment:
            noted = officer_assessment_text(a.officer_assessment, self.language)
            narrative = a.officer_assessment.get("narrative")
            return f"{noted}\n\n{narrative}" if narrative else noted
        if column in FIGURES:
            return self.tr("Double-click to open the records behind this figure")
        if column == COMMITMENTS:
            return (
                self.tr("%1 met, %2 pending, %3 not met")
                .replace("%1", str(a.commitments_met))
                .replace("%2", str(a.commitments_pending))
                .replace("%3", str(a.commitments_not_met))
            )
        text = self._text(a, column)
        return text or None  # a long cell read whole


FILTERS = ("verdict", "kind", "partner_kind", "area_id", "country", "year")


class PortfolioFilter(QSortFilterProxyModel):
    """The assessments the page shows: narrowed by verdict, agreement kind, partner kind,
    thematic area (with its sub-areas), partner country, year signed and words, and sorted by
    each column's order."""

    def __init__(self, table: PortfolioTableModel, parent: QObject | None = None):
        super().__init__(parent)
        self.setSourceModel(table)
        self.setSortRole(SORT_ROLE)
        self.table = table
        self.verdict: str | None = None
        self.kind: str | None = None
        self.partner_kind: str | None = None
        self.area_id: str | None = None
        self.country: str | None = None
        self.year: int | None = None
        self.words: list[str] = []
        self._accepted: set[int] | None = None  # id() of the assessments shown; None: all
        # A new review (or an order) gives new rows: what the filters let through is found again.
        table.modelReset.connect(self._refilter)

    def narrow(self, **chosen: Any) -> None:
        """Set some of the filters (``verdict``, ``kind``, ``partner_kind``, ``area_id``,
        ``country``, ``year``, ``text``); None or "" clears one."""
        unknown = set(chosen) - {*FILTERS, "text"}
        if unknown:
            raise TypeError(f"no such filter: {', '.join(sorted(unknown))}")
        for name, value in chosen.items():
            if name == "text":
                self.words = (sort_key(value) or "").split()
            else:
                setattr(self, name, value)
        self._refilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The table sorts itself (PortfolioTableModel.sort): this proxy only filters, and keeps
        the table's order."""
        self.table.sort(column, order)

    def _matching(self) -> set[int] | None:
        """The ids (``id()``) of the assessments the filters let through; None: every one."""
        if not (self.words or any(getattr(self, name) for name in FILTERS)):
            return None
        found = portfolio.filtered(
            self.table.rows,
            verdict=self.verdict,
            kind=self.kind,
            partner_kind=self.partner_kind,
            area_id=self.area_id,
            country=self.country,
            year=self.year,
        )
        if self.words:
            found = [a for a in found if all(w in _searched(a) for w in self.words)]
        return {id(a) for a in found}

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._accepted is None:
            return True
        return id(self.table.assessment_at(source_row)) in self._accepted

    def _refilter(self) -> None:
        # Qt 6.9 replaced invalidateFilter() (deprecated since) by a begin/end pair; PySide6 6.6,
        # the lowest supported, has only the former.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self._accepted = self._matching()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._accepted = self._matching()
            self.invalidateFilter()

    def shown(self) -> list[Assessment]:
        """The assessments shown, in the table's order (this proxy keeps it)."""
        if self._accepted is None:
            return list(self.table.rows)
        return [a for a in self.table.rows if id(a) in self._accepted]

    def assessment_at(self, row: int) -> Assessment:
        return self.table.assessment_at(self.mapToSource(self.index(row, 0)).row())


def _searched(a: Assessment) -> str:
    return sort_key(" ".join((a.reference or "", a.title, *a.partners, *a.areas)))
