"""Facts derived from dates: effective status, notice deadline, next review, late follow-ups."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db.records import derived, services
from db.schema.models import Agreement, FollowUp, JointActivity
from tests import builders as b

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("status", "expires", "expected"),
    [
        ("in_force", None, "in_force"),
        ("in_force", date(2027, 1, 1), "in_force"),
        ("in_force", date(2026, 11, 23), "in_force"),
        ("in_force", date(2026, 11, 22), "expired"),
        ("terminated", date(2020, 1, 1), "terminated"),
        ("draft", None, "draft"),
    ],
)
def test_effective_status_follows_the_expiry_date(store, status, expires, expected):
    agreement = {"status": status, "expires_on": expires}
    assert derived.effective_status(agreement, TODAY) == expected
    parties = b.two_parties(store)
    record_id = services.save(
        store,
        "agreement",
        b.agreement(parties, status=status, expires_on=expires.isoformat() if expires else None),
    )
    with store.reading() as session:
        query = select(derived.effective_status_sql(TODAY)).where(Agreement.id == record_id)
        assert session.execute(query).scalar() == expected


def test_the_notice_deadline_is_the_expiry_minus_the_notice_period():
    assert derived.notice_deadline({"expires_on": date(2027, 12, 31), "notice_months": 3}) == date(
        2027, 9, 30
    )
    assert derived.notice_deadline({"expires_on": date(2028, 8, 31), "notice_months": 6}) == date(
        2028, 2, 29
    )
    assert derived.notice_deadline({"expires_on": None, "notice_months": 6}) is None


def test_notice_given_today_on_an_open_ended_instrument():
    assert derived.termination_effective_if_notified({"notice_months": 6}, TODAY) == date(
        2027, 5, 23
    )


def test_a_review_date_in_the_past_is_overdue():
    agreement = {"status": "in_force", "review_on": date(2026, 10, 1)}
    assert derived.next_review(agreement) == date(2026, 10, 1)
    assert derived.review_overdue(agreement, TODAY)
    assert not derived.review_overdue({"status": "in_force", "review_on": date(2027, 3, 31)}, TODAY)


@pytest.mark.parametrize(
    ("status", "due", "late"),
    [
        ("open", date(2026, 11, 22), True),
        ("in_progress", date(2026, 1, 1), True),
        ("open", TODAY, False),
        ("done", date(2026, 1, 1), False),
        ("dropped", date(2026, 1, 1), False),
    ],
)
def test_a_follow_up_is_late_when_open_past_its_due_date(store, status, due, late):
    assert derived.is_late({"status": status, "due_on": due}, TODAY) is late
    record_id = services.save(
        store, "follow_up", b.follow_up(status=status, due_on=due.isoformat())
    )
    with store.reading() as session:
        late_ids = set(
            session.execute(select(FollowUp.id).where(derived.is_late_sql(TODAY))).scalars()
        )
    assert (record_id in late_ids) is late


@pytest.mark.parametrize(
    ("status", "start", "end", "needs"),
    [
        ("planned", date(2026, 11, 16), date(2026, 11, 18), True),
        ("planned", date(2026, 11, 16), TODAY, False),  # its last day is today
        ("proposed", date(2026, 11, 22), None, True),  # no end: the start decides
        ("confirmed", date(2026, 11, 30), date(2026, 12, 2), False),
        ("ongoing", date(2026, 9, 1), date(2026, 11, 1), True),
        ("ongoing", date(2026, 9, 1), None, False),  # under way, no end said
        ("completed", date(2026, 11, 16), date(2026, 11, 18), False),
        ("postponed", date(2026, 11, 16), date(2026, 11, 18), False),
        ("cancelled", date(2026, 11, 16), None, False),
        ("planned", None, None, False),
    ],
)
def test_an_activity_needs_an_update_when_past_its_dates_and_still_planned(
    store, clock, status, start, end, needs
):
    clock.move_to(TODAY)  # "completed" is judged against the clock
    values = {"status": status, "start_on": start, "end_on": end}
    assert derived.needs_update(values, TODAY) is needs
    record_id = services.save(
        store,
        "activity",
        b.activity(
            status=status,
            start_on=start and start.isoformat(),
            end_on=end and end.isoformat(),
        ),
    )
    with store.reading() as session:
        found = set(
            session.execute(
                select(JointActivity.id).where(derived.needs_update_sql(TODAY))
            ).scalars()
        )
    assert (record_id in found) is needs
