"""The dashboard's "Follow-ups": those already late, then those due soon."""

from __future__ import annotations

from db.queries.dashboard import FollowUpDue
from desktop.labels import choice_label, kind_name, labelled
from desktop.models.dashboard_table import DashboardTableModel, short_date


class FollowUpsDueModel(DashboardTableModel):
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
            return short_date(row.due_on)
        if column == 1:
            return self.tr("Late") if row.is_late else choice_label(row.status)
        if column == 2:
            return row.text
        if column == 3:
            return row.owner or ""
        if not row.source_kind:
            return ""
        source = kind_name(row.source_kind)
        return labelled(source, row.source_title) if row.source_title else source

    def is_alarm(self, row: FollowUpDue) -> bool:
        return row.is_late

    def record_at(self, row: int) -> tuple[str, str] | None:
        if 0 <= row < len(self._rows):
            return "follow_up", self._rows[row].follow_up_id
        return None
