"""The dashboard's "Coming up": consultations and joint activities starting within the horizon,
in one table, soonest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.queries.dashboard import UpcomingActivity, UpcomingConsultation
from desktop.labels import choice_label
from desktop.models.dashboard_table import DashboardTableModel, short_date
from desktop.models.record_table import format_value


@dataclass(frozen=True)
class _ComingUp:
    """A consultation or a joint activity, as one row of the table reads."""

    kind: str  # "consultation" or "activity"
    record_id: str
    on: date
    sort_time: str
    when: str
    what: str
    title: str
    place: str
    organizations: str


class ComingUpModel(DashboardTableModel):
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
        when = short_date(a.start_on)
        if a.end_on and a.end_on != a.start_on:
            when = self.tr("%1 to %2").replace("%1", when).replace("%2", short_date(a.end_on))
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
