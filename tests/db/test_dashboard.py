"""The dashboard: deadlines of agreements in force, follow-ups late or due soon, the next
meetings and activities, and activities counted per top-level area and year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from db.exchange.sample import load_sample
from db.queries import dashboard
from db.queries.dashboard_reading import read_dashboard
from db.records import services
from db.schema.models import ThematicArea
from tests import builders as b

TODAY = date(2026, 11, 23)


def _in(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def _area(store, code: str) -> str:
    with store.reading() as session:
        return session.execute(
            select(ThematicArea.id).where(ThematicArea.code == code)
        ).scalar_one()


def _deadlines(store, horizon: int) -> set[tuple[str, str, date]]:
    return {
        (d.reference, d.which, d.due_on)
        for d in dashboard.agreement_deadlines(store, TODAY, horizon)
    }


# -- agreement deadlines ------------------------------------------------------------------------------
def test_a_review_in_20_days_shows_with_a_30_day_horizon_and_not_a_10_day_one(store):
    parties = b.two_parties(store)
    services.save(store, "agreement", b.agreement(parties, reference="MOU/1", review_on=_in(20)))
    assert ("MOU/1", "review", TODAY + timedelta(days=20)) in _deadlines(store, 30)
    assert _deadlines(store, 10) == set()


def test_the_notice_deadline_is_the_expiry_minus_the_notice_months(store):
    parties = b.two_parties(store)
    # 31 August 2027 minus 6 months is 28 February 2027 (the last day of that month), 97 days on.
    services.save(
        store,
        "agreement",
        b.agreement(parties, reference="MOU/2", expires_on="2027-08-31", notice_months=6),
    )
    assert _deadlines(store, 97) == {("MOU/2", "notice", date(2027, 2, 28))}
    assert _deadlines(store, 96) == set()
    assert ("MOU/2", "expiry", date(2027, 8, 31)) in _deadlines(store, 300)


def test_an_overdue_review_shows_whatever_the_horizon(store):
    parties = b.two_parties(store)
    services.save(store, "agreement", b.agreement(parties, reference="MOU/3", review_on=_in(-40)))
    [deadline] = dashboard.agreement_deadlines(store, TODAY, 0)
    assert (deadline.which, deadline.due_on, deadline.overdue) == (
        "review",
        TODAY - timedelta(days=40),
        True,
    )


def test_only_agreements_in_force_and_not_archived_have_deadlines(store):
    parties = b.two_parties(store)
    services.save(
        store,
        "agreement",
        b.agreement(parties, reference="DRAFT", status="draft", review_on=_in(5)),
    )
    services.save(
        store,
        "agreement",
        b.agreement(parties, reference="EXPIRED", expires_on=_in(-1), review_on=_in(-30)),
    )
    archived = services.save(
        store, "agreement", b.agreement(parties, reference="ARCHIVED", review_on=_in(5))
    )
    services.archive(store, "agreement", archived)
    assert _deadlines(store, 60) == set()


def test_deadlines_come_soonest_first_with_the_parties_short_names(store):
    iom, wco = b.two_parties(store)
    ours = services.save(
        store, "organization", b.organization(name="Agence sans sigle", acronym="")
    )
    services.save(
        store, "agreement", b.agreement([iom, ours], reference="LATER", expires_on=_in(50))
    )
    services.save(store, "agreement", b.agreement([wco, iom], reference="SOONER", review_on=_in(3)))
    found = dashboard.agreement_deadlines(store, TODAY, 60)
    assert [(d.reference, d.which) for d in found] == [("SOONER", "review"), ("LATER", "expiry")]
    assert found[0].parties == ("WCO", "IOM")
    assert found[1].parties == ("IOM", "Agence sans sigle")
    assert found[0].title == "Memorandum of Understanding" and not found[0].overdue


# -- follow-ups -------------------------------------------------------------------------------------
def test_late_and_due_soon_follow_ups_of_the_sample(store):
    load_sample(store, today=TODAY)
    found = dashboard.follow_ups_due(store, TODAY, 14)
    assert [(f.due_on.isoformat(), f.is_late) for f in found] == [
        ("2025-04-30", True),
        ("2026-03-31", True),
        ("2026-10-30", True),
        ("2026-12-04", False),
    ]
    assert found[-1].source_kind == "agreement"
    assert found[-1].source_title == "WCO/IOM/PA/2024-01"
    assert found[0].source_title.startswith("Training of trainers")
    assert found[0].owner == "IOM project team" and found[0].status == "open"


def test_done_archived_and_later_follow_ups_are_not_due(store):
    services.save(store, "follow_up", b.follow_up(text="done", status="done", due_on=_in(-3)))
    services.save(store, "follow_up", b.follow_up(text="next month", due_on=_in(31)))
    services.save(store, "follow_up", b.follow_up(text="dropped", status="dropped", due_on=_in(1)))
    gone = services.save(store, "follow_up", b.follow_up(text="archived", due_on=_in(-1)))
    services.archive(store, "follow_up", gone)
    services.save(store, "follow_up", b.follow_up(text="today", due_on=_in(0)))
    services.save(store, "follow_up", b.follow_up(text="in a month", due_on=_in(30)))
    found = dashboard.follow_ups_due(store, TODAY, 30)
    assert [(f.text, f.is_late, f.source_kind, f.source_title) for f in found] == [
        ("today", False, None, None),
        ("in a month", False, None, None),
    ]


def test_a_limited_reading_is_the_head_of_the_whole_one_and_the_counts_match_it(store):
    load_sample(store, today=TODAY)
    services.save_many(
        store,
        [("follow_up", b.follow_up(text=f"action {n}", due_on=_in(n - 6))) for n in range(12)],
    )
    whole = dashboard.follow_ups_due(store, TODAY, 14)
    assert dashboard.follow_ups_due(store, TODAY, 14, 5) == whole[:5]
    counted = dashboard.count_follow_ups_due(store, TODAY, 14)
    assert counted.total == len(whole) and counted.late == sum(f.is_late for f in whole)
    assert 0 < counted.late < counted.total
    consultations = dashboard.upcoming_consultations(store, TODAY, 365)
    activities = dashboard.upcoming_activities(store, TODAY, 365)
    assert dashboard.upcoming_consultations(store, TODAY, 365, 1) == consultations[:1]
    assert dashboard.upcoming_activities(store, TODAY, 365, 2) == activities[:2]
    assert dashboard.count_coming_up(store, TODAY, 365).total == len(consultations) + len(
        activities
    )


# -- consultations and activities -------------------------------------------------------------------
def test_upcoming_consultations_from_today_to_the_last_day_of_the_horizon(store):
    iom, wco = b.two_parties(store)
    orgs = {"organization_ids": [wco, iom]}
    services.save(
        store,
        "consultation",
        b.consultation(title="yesterday", starts_at=f"{_in(-1)}T09:00", **orgs),
    )
    services.save(
        store,
        "consultation",
        b.consultation(title="this morning", starts_at=f"{_in(0)}T08:00", **orgs),
    )
    services.save(
        store,
        "consultation",
        b.consultation(title="last evening", starts_at=f"{_in(10)}T23:30", online=True, **orgs),
    )
    services.save(
        store, "consultation", b.consultation(title="too far", starts_at=f"{_in(11)}T08:00")
    )
    gone = services.save(
        store, "consultation", b.consultation(title="archived", starts_at=f"{_in(2)}T08:00")
    )
    services.archive(store, "consultation", gone)
    found = dashboard.upcoming_consultations(store, TODAY, 10)
    assert [c.title for c in found] == ["this morning", "last evening"]
    assert found[0].on == TODAY and found[0].starts_at == f"{_in(0)}T08:00"
    assert found[0].organizations == ("IOM", "WCO")
    assert (found[1].place, found[1].online) == ("Online", True)


def test_upcoming_consultations_of_the_sample(store):
    load_sample(store, today=TODAY)
    assert [c.title[:22] for c in dashboard.upcoming_consultations(store, TODAY, 30)] == [
        "Réunion technique trip"
    ]
    assert len(dashboard.upcoming_consultations(store, TODAY, 90)) == 2


def test_upcoming_activities_leave_out_cancelled_ones(store):
    iom, wco = b.two_parties(store)
    services.save(
        store,
        "activity",
        b.activity(
            title="training",
            start_on=_in(0),
            end_on=_in(4),
            city="Lomé",
            country="TG",
            lead_organization_id=wco,
            partners=[{"organization_id": iom}],
        ),
    )
    services.save(
        store,
        "activity",
        b.activity(title="cancelled", status="cancelled", start_on=_in(5), end_on=_in(5)),
    )
    services.save(store, "activity", b.activity(title="last day", start_on=_in(20), end_on=_in(21)))
    services.save(store, "activity", b.activity(title="too far", start_on=_in(21), end_on=_in(21)))
    services.save(store, "activity", b.activity(title="started", start_on=_in(-1), end_on=_in(3)))
    found = dashboard.upcoming_activities(store, TODAY, 20)
    assert [a.title for a in found] == ["training", "last day"]
    assert found[0].organizations == ("WCO", "IOM")
    assert (found[0].place, found[0].start_on, found[0].end_on) == (
        "Lomé, TG",
        TODAY,
        TODAY + timedelta(days=4),
    )
    assert found[1].organizations == () and found[1].place is None


# -- activities planned but past -------------------------------------------------------------------
def test_a_planned_activity_of_last_week_needs_an_update_and_others_do_not(store, clock):
    clock.move_to(TODAY)  # "completed" is judged against the clock: last week is past
    iom, wco = b.two_parties(store)
    past = services.save(
        store,
        "activity",
        b.activity(
            title="planned last week",
            status="planned",
            start_on=_in(-9),
            end_on=_in(-7),
            city="Nairobi",
            country="KE",
            lead_organization_id=wco,
            partners=[{"organization_id": iom}],
        ),
    )
    for title, fields in (
        ("planned next week", {"status": "planned", "start_on": _in(7), "end_on": _in(9)}),
        ("completed last week", {"status": "completed", "start_on": _in(-9), "end_on": _in(-7)}),
        ("postponed last week", {"status": "postponed", "start_on": _in(-9), "end_on": _in(-7)}),
        ("ending today", {"status": "confirmed", "start_on": _in(-2), "end_on": _in(0)}),
        ("ongoing, no end", {"status": "ongoing", "start_on": _in(-90), "end_on": None}),
        ("no dates", {"status": "planned", "start_on": None, "end_on": None}),
    ):
        services.save(store, "activity", b.activity(title=title, **fields))
    archived = services.save(
        store,
        "activity",
        b.activity(title="archived", status="planned", start_on=_in(-30), end_on=None),
    )
    services.archive(store, "activity", archived)

    [found] = dashboard.activities_needing_update(store, TODAY)
    assert (found.activity_id, found.status, found.end_on) == (
        past,
        "planned",
        TODAY - timedelta(7),
    )
    assert (found.place, found.organizations) == ("Nairobi, KE", ("WCO", "IOM"))
    assert dashboard.count_activities_needing_update(store, TODAY) == dashboard.Counted(1)


def test_without_an_end_date_the_start_date_decides_and_ongoing_ones_by_their_end(store, clock):
    clock.move_to(TODAY)
    for title, status, start, end in (
        ("proposed, started two days ago", "proposed", _in(-2), None),
        ("confirmed, ended yesterday", "confirmed", _in(-40), _in(-1)),
        ("ongoing, ended last month", "ongoing", _in(-40), _in(-30)),
    ):
        services.save(
            store,
            "activity",
            b.activity(title=title, status=status, start_on=start, end_on=end),
        )
    found = dashboard.activities_needing_update(store, TODAY)
    # The most recent first: the one just past is the one to record now.
    assert [a.title for a in found] == [
        "confirmed, ended yesterday",
        "proposed, started two days ago",
        "ongoing, ended last month",
    ]


def test_the_dashboard_reads_the_first_rows_and_counts_them_all(store, clock):
    clock.move_to(TODAY)
    services.save_many(
        store,
        [
            ("activity", b.activity(title=f"workshop {n:02}", start_on=_in(-n), end_on=None))
            for n in range(1, 21)
        ],
    )
    reading = read_dashboard_now(store)
    assert reading.needing_update_counted.total == 20
    assert [a.title for a in reading.needing_update] == [f"workshop {n:02}" for n in range(1, 16)]


def read_dashboard_now(store):
    with store.reading() as session:
        return read_dashboard(session, TODAY, 90)


# -- activities per area and year -------------------------------------------------------------------
def test_an_activity_under_two_sub_areas_counts_once_for_their_top_level_area(store):
    bm, cbm, sop, cb = (_area(store, c) for c in ("BM", "BM.CBM", "BM.SOP", "CB"))
    services.save(
        store,
        "activity",
        b.activity(start_on="2025-06-02", end_on="2025-06-03", thematic_area_ids=[cbm, sop]),
    )
    services.save(
        store,
        "activity",
        b.activity(start_on="2025-09-01", end_on="2025-09-01", thematic_area_ids=[bm, cb]),
    )
    services.save(
        store,
        "activity",
        b.activity(start_on="2026-01-12", end_on="2026-01-12", thematic_area_ids=[sop]),
    )
    services.save(
        store,
        "activity",
        b.activity(
            status="cancelled", start_on="2025-03-03", end_on="2025-03-03", thematic_area_ids=[bm]
        ),
    )
    gone = services.save(
        store,
        "activity",
        b.activity(start_on="2025-04-01", end_on="2025-04-01", thematic_area_ids=[bm]),
    )
    services.archive(store, "activity", gone)
    table = dashboard.activity_counts_by_area_and_year(store)
    assert table.years == (2025, 2026)
    assert table.count(bm, 2025) == 2
    assert table.count(bm, 2026) == 1
    assert table.count(cb, 2025) == 1
    assert table.count(cb, 2026) == 0
    assert table.counts == {(bm, 2025): 2, (bm, 2026): 1, (cb, 2025): 1}
    assert [a.code for a in table.areas][:2] == ["AWR", "BM"]
    assert cbm not in {a.area_id for a in table.areas}


def test_archived_top_level_areas_are_not_rows_of_the_table(store):
    ch = _area(store, "CH")
    services.save(store, "activity", b.activity(thematic_area_ids=[ch]))
    assert dashboard.activity_counts_by_area_and_year(store).count(ch, 2026) == 1
    services.archive(store, "thematic_area", ch)
    table = dashboard.activity_counts_by_area_and_year(store)
    assert ch not in {a.area_id for a in table.areas}
    assert table.years == ()


def test_deeper_sub_areas_count_for_their_top_level_ancestor(store):
    cbm = _area(store, "BM.CBM")
    deeper = services.save(
        store, "thematic_area", {"code": "BM.CBM.X", "name": "Deeper", "parent_id": cbm}
    )
    services.save(
        store,
        "activity",
        b.activity(start_on="2024-05-05", end_on="2024-05-05", thematic_area_ids=[deeper]),
    )
    table = dashboard.activity_counts_by_area_and_year(store)
    assert table.counts == {(_area(store, "BM"), 2024): 1}


@pytest.mark.parametrize(
    "query", ["agreement_deadlines", "upcoming_consultations", "upcoming_activities"]
)
def test_queries_accept_an_open_session(store, query):
    load_sample(store, today=TODAY)
    with store.reading() as session:
        assert getattr(dashboard, query)(session, TODAY, 400)
