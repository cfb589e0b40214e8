"""The dashboard's "Agreements to act on": reviews, expiries and notice deadlines coming up."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.queries.dashboard import AgreementDeadline
from desktop.models.dashboard_table import DashboardTableModel, short_date

# db.queries.dashboard names the deadlines in English; these are the words the window shows.
DEADLINE_WORDS = {
    "review": QT_TRANSLATE_NOOP("dashboard", "Next review"),
    "expiry": QT_TRANSLATE_NOOP("dashboard", "Expiry"),
    "notice": QT_TRANSLATE_NOOP("dashboard", "Last day to give notice of termination"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("dashboard", text)


class AgreementDeadlineModel(DashboardTableModel):
    """Agreements in force with a review, expiry or notice deadline soon (overdue reviews first)."""

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Deadline"), self.tr("Agreement"), self.tr("Parties")]

    def cell(self, row: AgreementDeadline, column: int) -> str:
        if column == 0:
            return short_date(row.due_on)
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
