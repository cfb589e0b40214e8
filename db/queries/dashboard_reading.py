"""Everything the dashboard shows, read at once: one consistent reading of the store per refresh,
taken off the window's thread. ``db.queries.dashboard`` decides what is late or coming up; this
module decides how much of each the dashboard asks for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from db.queries import dashboard
from db.queries.dashboard import (
    ActivityCounts,
    AgreementDeadline,
    Counted,
    FollowUpDue,
    UpcomingActivity,
    UpcomingConsultation,
)

SOON_DAYS = 14  # a follow-up due within this many days is "due soon"
SHOWN_ROWS = 15  # a section shows the most pressing rows; the full list is one click away


@dataclass(frozen=True)
class DashboardReading:
    """One consistent reading of the store for the whole dashboard."""

    today: date
    horizon_days: int
    deadlines: list[AgreementDeadline]  # the first SHOWN_ROWS
    deadlines_counted: Counted
    follow_ups: list[FollowUpDue]  # the first SHOWN_ROWS
    follow_ups_counted: Counted
    needing_update: list[UpcomingActivity]  # the first SHOWN_ROWS
    needing_update_counted: Counted
    consultations: list[UpcomingConsultation]  # the first SHOWN_ROWS of each
    activities: list[UpcomingActivity]
    coming_up_counted: Counted
    counts: ActivityCounts


def read_dashboard(session: Session, today: date, horizon_days: int) -> DashboardReading:
    """Everything the dashboard shows, from one read session. Sections read only the rows they
    show, and count the rest: a store with 40,000 late follow-ups must not hold the page for
    seconds to show fifteen of them."""
    deadlines, deadlines_counted = dashboard.first_agreement_deadlines(
        session, today, horizon_days, SHOWN_ROWS
    )
    return DashboardReading(
        today=today,
        horizon_days=horizon_days,
        deadlines=deadlines,
        deadlines_counted=deadlines_counted,
        follow_ups=dashboard.follow_ups_due(session, today, SOON_DAYS, SHOWN_ROWS),
        follow_ups_counted=dashboard.count_follow_ups_due(session, today, SOON_DAYS),
        needing_update=dashboard.activities_needing_update(session, today, SHOWN_ROWS),
        needing_update_counted=dashboard.count_activities_needing_update(session, today),
        # The soonest SHOWN_ROWS of each kind hold the soonest SHOWN_ROWS of both together.
        consultations=dashboard.upcoming_consultations(session, today, horizon_days, SHOWN_ROWS),
        activities=dashboard.upcoming_activities(session, today, horizon_days, SHOWN_ROWS),
        coming_up_counted=dashboard.count_coming_up(session, today, horizon_days),
        counts=dashboard.activity_counts_by_area_and_year(session),
    )
