"""The dashboard's "Planned but past": joint activities whose dates have passed while their status
still says they lie ahead or are under way (db.records.derived.needs_update), the most recent
first; each row opens the activity, for the officer to record what happened."""

from __future__ import annotations

from dataclasses import replace

from db.queries.dashboard import UpcomingActivity
from desktop.labels import choice_label
from desktop.models.coming_up import ComingUpModel


class ActivitiesToUpdateModel(ComingUpModel):
    """Activities past their dates, as the store gave them (the most recent first), each row as
    "Coming up" shows an activity but with its status in a column of its own."""

    def set_activities(self, activities: list[UpcomingActivity], total: int | None = None) -> None:
        self.set_rows(
            [replace(self._activity(a), what=choice_label(a.status)) for a in activities], total
        )

    def headers(self) -> list[str]:
        # Title, place and organizations as "Coming up" names them.
        return [self.tr("Dates"), self.tr("Status"), *super().headers()[2:]]
