"""Facts computed from dates, in one place (Python for one record, SQL for lists and filters).

- An agreement recorded as in force is *expired* once its expiry date has passed.
- Its termination-notice deadline is the last day on which notice still prevents the next
  expiry (expiry date minus the notice period); open-ended instruments have none, but notice given
  today would take effect ``notice_months`` later.
- A follow-up is *late* when it is open or in progress and its due date has passed.
- A joint activity *needs an update* when its dates have passed and its status still says it
  lies ahead (proposed, planned, confirmed), or says it is under way after its end date
  (ongoing): the officer has to record what happened — held, postponed or cancelled. A
  postponed activity does not: its status already says that it did not happen on its dates.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, literal, or_

from db.records.rules import OPEN_STATUSES
from db.schema.models import Agreement, FollowUp, JointActivity


def add_months(day: date, months: int) -> date:
    """Calendar months, keeping the day when it exists (31 Aug + 6 months = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def effective_status(agreement: dict[str, Any], today: date) -> str:
    status = agreement.get("status") or "draft"
    expires = agreement.get("expires_on")
    if status == "in_force" and expires is not None and expires < today:
        return "expired"
    return status


def effective_status_sql(today: date):
    return case(
        (
            and_(
                Agreement.status == "in_force",
                Agreement.expires_on.is_not(None),
                Agreement.expires_on < today,
            ),
            literal("expired"),
        ),
        else_=Agreement.status,
    )


def notice_deadline(agreement: dict[str, Any]) -> date | None:
    """Last day to give notice of termination before the agreement's expiry date."""
    expires, months = agreement.get("expires_on"), agreement.get("notice_months")
    if expires is None or not months:
        return None
    return add_months(expires, -months)


def termination_effective_if_notified(agreement: dict[str, Any], today: date) -> date | None:
    """When termination would take effect if one party gave written notice today."""
    months = agreement.get("notice_months")
    return add_months(today, months) if months else None


def next_review(agreement: dict[str, Any]) -> date | None:
    return agreement.get("review_on")


def review_overdue(agreement: dict[str, Any], today: date) -> bool:
    review = agreement.get("review_on")
    return (
        review is not None and review < today and effective_status(agreement, today) == "in_force"
    )


def is_late(follow_up: dict[str, Any], today: date) -> bool:
    due = follow_up.get("due_on")
    return follow_up.get("status") in OPEN_STATUSES and due is not None and due < today


def is_late_sql(today: date):
    return and_(
        FollowUp.status.in_(OPEN_STATUSES), FollowUp.due_on.is_not(None), FollowUp.due_on < today
    )


# Statuses that say an activity is still ahead, and the one that says it is under way.
NOT_HELD_YET = ("proposed", "planned", "confirmed")
UNDER_WAY = "ongoing"
# An activity that took place (or is taking place): its participants are actual ones, not hopes,
# and it is use of the agreement it falls under (the coverage report, the portfolio review).
HELD = ("completed", UNDER_WAY)


def needs_update(activity: dict[str, Any], today: date) -> bool:
    """A joint activity whose dates are past while its status says it is ahead or under way
    (its end date, else its start date; an ongoing one without an end date may go on)."""
    status, start, end = (activity.get(k) for k in ("status", "start_on", "end_on"))
    if status in NOT_HELD_YET:
        last_day = end or start
    elif status == UNDER_WAY:
        last_day = end
    else:
        return False
    return last_day is not None and last_day < today


def needs_update_sql(today: date):
    return or_(
        and_(
            JointActivity.status.in_(NOT_HELD_YET),
            func.coalesce(JointActivity.end_on, JointActivity.start_on) < today,
        ),
        and_(JointActivity.status == UNDER_WAY, JointActivity.end_on < today),
    )
