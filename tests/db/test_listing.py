"""The lists of the window (db.listing): which records each filter keeps, how every column sorts
both ways with empty cells last, and what a row shows — over small stores built with the services,
and once over 100,000 activities written by tests/bulk.py."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from db.queries import listing
from db.queries.listing import ListFilter
from db.records import services
from db.records.services import open_store
from db.schema.models import ThematicArea
from db.schema.naming import sort_key
from db.store.engine import Store
from tests import builders as b
from tests.bulk import BulkSummary, fill_bulk

TODAY = date(2026, 11, 23)

# The column that names a row, per kind: the tests compare lists by what an officer reads.
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NAME = {
    "organization": "name",
    "contact": "name",
    "agreement": "title",
    "consultation": "title",
    "activity": "title",
    "follow_up": "text",
}


def ids(store: Store, kind: str, /, **filters: Any) -> list[str]:
    with store.reading() as session:
        return listing.matching_ids(session, kind, ListFilter(**filters), TODAY)


def count(store: Store, kind: str, /, **filters: Any) -> int:
    with store.reading() as session:
        return listing.count(session, kind, ListFilter(**filters), TODAY)


def shown(store: Store, kind: str, record_ids: list[str]) -> dict[str, dict[str, Any]]:
    with store.reading() as session:
        return listing.column_values(session, kind, record_ids, TODAY)


def names(store: Store, kind: str, /, **filters: Any) -> list[str]:
    """The names of the listed rows, in list order; the count agrees with the list."""
    found = ids(store, kind, **filters)
    assert count(store, kind, **filters) == len(found)
    rows = shown(store, kind, found)
    return [rows[record_id][NAME[kind]] for record_id in found]


def area(store: Store, code: str) -> str:
    with store.reading() as session:
        return session.execute(
            select(ThematicArea.id).where(ThematicArea.code == code)
        ).scalar_one()


def save(store: Store, kind: str, raw: dict[str, Any]) -> str:
    return services.save(store, kind, raw)


@pytest.fixture
def orgs(store) -> SimpleNamespace:
    def org(name: str, acronym: str | None, **fields: Any) -> str:
        return save(store, "organization", b.organization(name=name, acronym=acronym, **fields))

    return SimpleNamespace(
        iom=org("International Organization for Migration", "IOM", country="CH"),
        wco=org("World Customs Organization", "WCO", country="BE"),
        ucad=org(
            "Université Cheikh Anta Diop",
            None,
            kind="academia",
            country="SN",
            status="prospective",
        ),
        red_cross=org("Croix-Rouge burkinabè", None, kind="ngo", status="dormant"),
    )


# -- status ---------------------------------------------------------------------------------------
def test_an_agreement_in_force_whose_expiry_has_passed_is_listed_and_shown_as_expired(store, orgs):
    parties = [orgs.iom, orgs.wco]

    def agreement(title: str, status: str, expires: str | None = None) -> str:
        raw = b.agreement(parties, title=title, status=status, expires_on=expires)
        if status == "draft":
            raw["entry_into_force"] = None
        return save(store, "agreement", raw)

    agreement("Open-ended MoU", "in_force")
    lapsed = agreement("MoU that lapsed yesterday", "in_force", "2026-11-22")
    agreement("MoU expiring today", "in_force", "2026-11-23")
    agreement("MoU recorded as expired", "expired", "2020-01-01")
    agreement("Draft arrangement", "draft")

    assert sorted(names(store, "agreement", status="in_force")) == [
        "MoU expiring today",
        "Open-ended MoU",
    ]
    assert sorted(names(store, "agreement", status="expired")) == [
        "MoU recorded as expired",
        "MoU that lapsed yesterday",
    ]
    assert names(store, "agreement", status="draft") == ["Draft arrangement"]
    assert shown(store, "agreement", [lapsed])[lapsed]["status"] == "expired"


@pytest.mark.parametrize(
    ("kind", "make", "field", "wanted", "other"),
    [
        ("activity", b.activity, "status", "completed", "planned"),
        ("follow_up", b.follow_up, "status", "in_progress", "done"),
        ("organization", b.organization, "status", "dormant", "active"),
        ("activity", b.activity, "kind", "training", "workshop"),
        ("consultation", b.consultation, "kind", "steering_committee", "call"),
        ("organization", b.organization, "kind", "un_entity", "academia"),
    ],
)
def test_a_status_or_kind_filter_keeps_only_that_value(
    store, clock, kind, make, field, wanted, other
):
    clock.move_to(TODAY)  # the completed activity is in the past
    label = NAME[kind]
    save(store, kind, make(**{field: wanted, label: f"The {wanted} one"}))
    save(store, kind, make(**{field: other, label: f"The {other} one"}))
    assert names(store, kind, **{field: wanted}) == [f"The {wanted} one"]
    assert names(store, kind, **{field: other}) == [f"The {other} one"]


def test_agreements_are_filtered_by_kind(store, orgs):
    parties = [orgs.iom, orgs.wco]
    save(store, "agreement", b.agreement(parties, title="The MoU"))
    save(store, "agreement", b.agreement(parties, title="The project", kind="project_agreement"))
    assert names(store, "agreement", kind="project_agreement") == ["The project"]


# -- thematic area ---------------------------------------------------------------------------------
def _tagged(store: Store, kind: str, title: str, area_ids: list[str]) -> str:
    if kind == "agreement":
        parties = b.two_parties(store)
        return save(
            store, "agreement", b.agreement(parties, title=title, thematic_area_ids=area_ids)
        )
    make = b.consultation if kind == "consultation" else b.activity
    return save(store, kind, make(title=title, thematic_area_ids=area_ids))


@pytest.mark.parametrize("kind", ["agreement", "consultation", "activity"])
def test_a_thematic_area_filter_takes_in_all_its_sub_areas(store, kind):
    border = area(store, "BM")  # Border management
    posts = area(store, "BM.OSBP")  # One Stop Border Posts, under it
    pilot = save(
        store,
        "thematic_area",
        {"code": "BM.OSBP.PILOT", "name": "Pilot border posts", "parent_id": posts},
    )
    _tagged(store, kind, "On border management", [border])
    _tagged(store, kind, "On one stop border posts", [posts])
    _tagged(store, kind, "On pilot posts", [pilot])
    _tagged(store, kind, "On training", [area(store, "CB")])
    _tagged(store, kind, "On nothing", [])

    assert sorted(names(store, kind, thematic_area_id=border)) == [
        "On border management",
        "On one stop border posts",
        "On pilot posts",
    ]
    assert sorted(names(store, kind, thematic_area_id=posts)) == [
        "On one stop border posts",
        "On pilot posts",
    ]
    assert names(store, kind, thematic_area_id=pilot) == ["On pilot posts"]


def test_a_record_in_two_sub_areas_of_the_filter_is_listed_once(store):
    _tagged(store, "activity", "Twice tagged", [area(store, "BM.OSBP"), area(store, "BM.SOP")])
    assert names(store, "activity", thematic_area_id=area(store, "BM")) == ["Twice tagged"]


# -- partner --------------------------------------------------------------------------------------
def test_agreements_of_a_partner_are_those_it_is_a_party_to(store, orgs):
    save(store, "agreement", b.agreement([orgs.iom, orgs.wco], title="IOM–WCO MoU"))
    save(store, "agreement", b.agreement([orgs.ucad, orgs.iom], title="UCAD–IOM MoU"))
    save(store, "agreement", b.agreement([orgs.wco, orgs.ucad], title="WCO–UCAD MoU"))
    assert sorted(names(store, "agreement", partner_id=orgs.iom)) == [
        "IOM–WCO MoU",
        "UCAD–IOM MoU",
    ]
    assert names(store, "agreement", partner_id=orgs.red_cross) == []


def test_consultations_of_a_partner_are_those_it_attended(store, orgs):
    save(store, "consultation", b.consultation(title="With IOM", organization_ids=[orgs.iom]))
    save(
        store,
        "consultation",
        b.consultation(title="With both", organization_ids=[orgs.wco, orgs.iom]),
    )
    save(store, "consultation", b.consultation(title="With WCO", organization_ids=[orgs.wco]))
    assert sorted(names(store, "consultation", partner_id=orgs.iom)) == ["With IOM", "With both"]


def test_activities_of_a_partner_are_those_it_led_or_took_part_in(store, orgs):
    save(store, "activity", b.activity(title="Led by IOM", lead_organization_id=orgs.iom))
    save(
        store,
        "activity",
        b.activity(
            title="IOM contributed",
            lead_organization_id=orgs.wco,
            partners=[{"organization_id": orgs.iom, "contribution": "Two experts"}],
        ),
    )
    save(store, "activity", b.activity(title="Without IOM", lead_organization_id=orgs.wco))
    assert sorted(names(store, "activity", partner_id=orgs.iom)) == [
        "IOM contributed",
        "Led by IOM",
    ]


def test_follow_ups_of_a_partner_are_those_coming_from_its_records(store, orgs):
    agreement = save(store, "agreement", b.agreement([orgs.iom, orgs.wco]))
    meeting = save(store, "consultation", b.consultation(organization_ids=[orgs.iom]))
    led = save(store, "activity", b.activity(lead_organization_id=orgs.iom))
    joined = save(store, "activity", b.activity(partners=[{"organization_id": orgs.iom}]))
    other = save(store, "activity", b.activity(lead_organization_id=orgs.ucad))

    def follow_up(text: str, source_kind: str | None, source_id: str | None) -> None:
        save(
            store, "follow_up", b.follow_up(text=text, source_kind=source_kind, source_id=source_id)
        )

    follow_up("From the MoU", "agreement", agreement)
    follow_up("From the meeting", "consultation", meeting)
    follow_up("From the workshop it led", "activity", led)
    follow_up("From the workshop it joined", "activity", joined)
    follow_up("From UCAD's workshop", "activity", other)
    follow_up("From nowhere", None, None)

    assert sorted(names(store, "follow_up", partner_id=orgs.iom)) == [
        "From the MoU",
        "From the meeting",
        "From the workshop it joined",
        "From the workshop it led",
    ]
    assert names(store, "follow_up", partner_id=orgs.ucad) == ["From UCAD's workshop"]


def test_contacts_of_a_partner_are_its_people(store, orgs):
    save(store, "contact", {"name": "Amina Diallo", "organization_id": orgs.iom})
    save(store, "contact", {"name": "Jean Kaboré", "organization_id": orgs.wco})
    save(store, "contact", {"name": "Free agent"})
    assert names(store, "contact", partner_id=orgs.iom) == ["Amina Diallo"]


# -- dates ----------------------------------------------------------------------------------------
def test_an_activity_date_range_includes_both_ends(store):
    for day in ("2026-02-28", "2026-03-01", "2026-03-15", "2026-03-31", "2026-04-01"):
        save(store, "activity", b.activity(title=f"Starts {day}", start_on=day, end_on=day))
    save(store, "activity", b.activity(title="Not dated", start_on=None, end_on=None))
    found = names(store, "activity", date_from=date(2026, 3, 1), date_to=date(2026, 3, 31))
    assert sorted(found) == ["Starts 2026-03-01", "Starts 2026-03-15", "Starts 2026-03-31"]
    assert sorted(names(store, "activity", date_from=date(2026, 3, 31))) == [
        "Starts 2026-03-31",
        "Starts 2026-04-01",
    ]
    assert names(store, "activity", date_to=date(2026, 2, 28)) == ["Starts 2026-02-28"]


def test_the_year_filter_keeps_activities_starting_that_year_and_offers_the_years_listed(store):
    for day in ("2024-12-31", "2025-01-01", "2025-06-15", "2025-12-31", "2027-01-01"):
        save(store, "activity", b.activity(title=f"Starts {day}", start_on=day, end_on=day))
    save(store, "activity", b.activity(title="Not dated", start_on=None, end_on=None))
    archived = save(store, "activity", b.activity(title="Archived", start_on="2019-05-05"))
    services.archive(store, "activity", archived)
    assert sorted(names(store, "activity", year=2025)) == [
        "Starts 2025-01-01",
        "Starts 2025-06-15",
        "Starts 2025-12-31",
    ]
    assert names(store, "activity", year=2026) == []
    assert len(names(store, "activity")) == 6  # no year: every current activity
    with store.reading() as session:
        # newest first, the years between included; an archived activity's year is not offered
        assert listing.years(session, "activity") == [2027, 2026, 2025, 2024]


def test_a_consultation_date_range_takes_the_whole_last_day(store):
    for starts_at in (
        "2026-12-09T23:30",
        "2026-12-10T09:00",
        "2026-12-10T23:59",
        "2026-12-11T00:00",
    ):
        save(store, "consultation", b.consultation(title=starts_at, starts_at=starts_at))
    found = names(store, "consultation", date_from=date(2026, 12, 10), date_to=date(2026, 12, 10))
    assert sorted(found) == ["2026-12-10T09:00", "2026-12-10T23:59"]


def test_agreements_are_dated_by_entry_into_force_and_follow_ups_by_due_date(store, orgs):
    parties = [orgs.iom, orgs.wco]
    save(store, "agreement", b.agreement(parties, title="Of 2018"))
    save(
        store,
        "agreement",
        b.agreement(parties, title="Of 2021", entry_into_force="2021-06-01"),
    )
    assert names(store, "agreement", date_from=date(2020, 1, 1)) == ["Of 2021"]
    save(store, "follow_up", b.follow_up(text="Due in December", due_on="2026-12-01"))
    save(store, "follow_up", b.follow_up(text="Due in January", due_on="2027-01-15"))
    assert names(store, "follow_up", date_to=date(2026, 12, 31)) == ["Due in December"]


def test_late_follow_ups_are_the_open_ones_past_their_due_date(store):
    for text, status, due in [
        ("Open, due yesterday", "open", "2026-11-22"),
        ("In progress, due last month", "in_progress", "2026-10-15"),
        ("Done, due yesterday", "done", "2026-11-22"),
        ("Dropped, due last year", "dropped", "2025-11-22"),
        ("Open, due today", "open", "2026-11-23"),
        ("Open, due next week", "open", "2026-11-30"),
    ]:
        save(store, "follow_up", b.follow_up(text=text, status=status, due_on=due))
    late = ["In progress, due last month", "Open, due yesterday"]
    assert sorted(names(store, "follow_up", late_only=True)) == late
    every = ids(store, "follow_up")
    rows = shown(store, "follow_up", every)
    assert sorted(row["text"] for row in rows.values() if row["late"]) == late
    assert sum(1 for row in rows.values() if row["late"] is False) == 4


def test_upcoming_keeps_what_starts_from_today(store):
    for title, starts_at in [
        ("Yesterday's call", "2026-11-22T15:00"),
        ("This morning's meeting", "2026-11-23T09:00"),
        ("Next month's consultation", "2026-12-10T09:00"),
    ]:
        save(store, "consultation", b.consultation(title=title, starts_at=starts_at))
    assert sorted(names(store, "consultation", upcoming_only=True)) == [
        "Next month's consultation",
        "This morning's meeting",
    ]
    for title, day in [("Past workshop", "2026-11-20"), ("Today's workshop", "2026-11-23")]:
        save(store, "activity", b.activity(title=title, start_on=day, end_on="2026-11-25"))
    save(store, "activity", b.activity(title="Undated workshop", start_on=None, end_on=None))
    assert names(store, "activity", upcoming_only=True) == ["Today's workshop"]


def test_upcoming_follow_ups_are_the_open_ones_still_ahead(store):
    for text, status, due in [
        ("Open, due next week", "open", "2026-11-30"),
        ("In progress, due today", "in_progress", "2026-11-23"),
        ("Done early, due next week", "done", "2026-11-30"),
        ("Open, late", "open", "2026-11-01"),
    ]:
        save(store, "follow_up", b.follow_up(text=text, status=status, due_on=due))
    assert names(store, "follow_up", upcoming_only=True) == [
        "In progress, due today",
        "Open, due next week",
    ]


# -- archived --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "kind", ["organization", "contact", "agreement", "consultation", "activity", "follow_up"]
)
def test_archived_records_are_listed_only_when_asked_and_come_back_when_restored(store, kind):
    def record(label: str) -> str:
        if kind == "agreement":
            return save(store, kind, b.agreement(b.two_parties(store), title=label))
        if kind == "contact":
            return save(store, kind, {"name": label})
        make = {
            "organization": b.organization,
            "consultation": b.consultation,
            "activity": b.activity,
            "follow_up": b.follow_up,
        }[kind]
        return save(store, kind, make(**{NAME[kind]: label}))

    record("Kept")
    put_away = record("Put away")
    services.archive(store, kind, put_away)
    current = names(store, kind)
    assert "Kept" in current and "Put away" not in current
    assert names(store, kind, archived=True) == ["Put away"]
    assert names(store, kind, archived=True, text="put away") == ["Put away"]
    services.restore(store, kind, put_away)
    assert "Put away" in names(store, kind)
    assert names(store, kind, archived=True) == []


# -- text ------------------------------------------------------------------------------------------
def test_the_text_filter_finds_words_anywhere_in_the_record_ignoring_accents_and_case(store):
    save(
        store,
        "activity",
        b.activity(title="Atelier sur la gestion des frontières", city="Ouagadougou"),
    )
    save(
        store,
        "activity",
        b.activity(title="Workshop on risk", objectives="Train FRONTIERE officers of Dakar"),
    )
    save(store, "activity", b.activity(title="Seminar on trade"))
    assert sorted(names(store, "activity", text="frontiere")) == [
        "Atelier sur la gestion des frontières",
        "Workshop on risk",
    ]
    assert names(store, "activity", text="ouaga") == ["Atelier sur la gestion des frontières"]
    assert names(store, "activity", text="Frontière DAKAR") == ["Workshop on risk"]
    assert names(store, "activity", text="frontieres") == ["Atelier sur la gestion des frontières"]
    assert names(store, "activity", text="frontières lusaka") == []


def test_the_text_filter_lists_only_records_of_the_listed_kind(store, orgs):
    save(store, "organization", b.organization(name="Zanzibar Port Authority", acronym="ZPA"))
    save(store, "activity", b.activity(title="Zanzibar port visit"))
    save(store, "consultation", b.consultation(title="Call with Zanzibar"))
    assert names(store, "activity", text="zanzibar") == ["Zanzibar port visit"]
    assert names(store, "organization", text="zanzibar") == ["Zanzibar Port Authority"]


def test_the_text_filter_reads_arabic_and_chinese(store):
    save(store, "activity", b.activity(title="ورشة عمل حول إدارة الحدود"))
    save(store, "activity", b.activity(title="边境管理联合培训"))
    save(store, "activity", b.activity(title="Joint training"))
    assert names(store, "activity", text="الحدود") == ["ورشة عمل حول إدارة الحدود"]
    assert names(store, "activity", text="边境管理") == ["边境管理联合培训"]


def test_filters_combine(store, orgs, clock):
    clock.move_to(TODAY)  # its completed activities are in the past
    posts = area(store, "BM.OSBP")

    def activity(title: str, **fields: Any) -> None:
        base = {
            "status": "completed",
            "lead_organization_id": orgs.iom,
            "thematic_area_ids": [posts],
        }
        save(store, "activity", b.activity(title=title, **(base | fields)))

    activity("Border post workshop in Chirundu")
    activity("Border post workshop, planned", status="planned")
    activity("Border post workshop led by WCO", lead_organization_id=orgs.wco)
    activity("Border post workshop on trade", thematic_area_ids=[area(store, "TF")])
    activity("Border post workshop of 2025", start_on="2025-01-10", end_on="2025-01-11")
    activity("Border post seminar in Chirundu", kind="seminar")  # found by its kind's words
    flt = {
        "status": "completed",
        "partner_id": orgs.iom,
        "thematic_area_id": area(store, "BM"),
        "date_from": date(2026, 1, 1),
        "text": "workshop",
    }
    assert names(store, "activity", **flt) == ["Border post workshop in Chirundu"]


def test_a_list_of_given_records_keeps_exactly_those_and_the_other_filters_still_apply(store):
    made = {
        title: save(store, "activity", b.activity(title=title, kind=kind))
        for title, kind in [
            ("Workshop in Lusaka", "workshop"),
            ("Seminar in Lomé", "seminar"),
            ("Workshop in Dakar", "workshop"),
        ]
    }
    chosen = (made["Workshop in Lusaka"], made["Seminar in Lomé"])
    assert sorted(names(store, "activity", ids=chosen)) == ["Seminar in Lomé", "Workshop in Lusaka"]
    assert names(store, "activity", ids=chosen, kind="workshop") == ["Workshop in Lusaka"]
    assert names(store, "activity", ids=()) == []
    assert len(names(store, "activity")) == 3  # None: no narrowing
    # More ids than one IN list holds (db.store.sql.CHUNK): every slice is asked.
    many = tuple(b.new_id() for _ in range(1200)) + (made["Workshop in Dakar"],)
    assert names(store, "activity", ids=many) == ["Workshop in Dakar"]


# -- sorting ---------------------------------------------------------------------------------------
@pytest.fixture
def varied(store, orgs, clock) -> SimpleNamespace:
    """A few records of every kind, each column holding different values and some empty ones."""
    clock.move_to(TODAY)  # its completed activities are in the past
    o = orgs
    agreements = SimpleNamespace(
        mou=save(
            store,
            "agreement",
            b.agreement(
                [o.iom, o.wco],
                reference="IOM/WCO/2018",
                title="MoU on border management",
                expires_on="2028-05-08",
                review_on="2027-01-01",
            ),
        ),
        project=save(
            store,
            "agreement",
            b.agreement(
                [o.ucad, o.iom],
                title="Project agreement on training",
                kind="project_agreement",
                status="draft",
                entry_into_force=None,
            ),
        ),
        data=save(
            store,
            "agreement",
            b.agreement(
                [o.wco, o.iom],
                reference="AOC/2020/7",
                title="Arrangement on data",
                kind="arrangement_on_cooperation",
                entry_into_force="2020-01-10",
                expires_on="2025-12-31",
                review_on="2024-06-01",
            ),
        ),
    )
    consultations = SimpleNamespace(
        annual=save(
            store,
            "consultation",
            b.consultation(organization_ids=[o.wco, o.iom], location="Geneva"),
        ),
        technical=save(
            store,
            "consultation",
            b.consultation(
                title="Technical meeting on API",
                kind="technical_meeting",
                starts_at="2025-02-03T14:30",
                organization_ids=[o.wco],
            ),
        ),
        call=save(
            store,
            "consultation",
            b.consultation(
                title="Call on the curriculum", kind="call", starts_at=None, location="Dakar"
            ),
        ),
    )
    activities = SimpleNamespace(
        lusaka=save(
            store,
            "activity",
            b.activity(
                title="Atelier régional sur la gestion coordonnée des frontières",
                status="completed",
                start_on="2025-03-02",
                end_on="2025-03-04",
                city="Lusaka",
                country="ZM",
                participants_total=30,
                participants_women=10,
                participants_men=20,
                lead_organization_id=o.iom,
                partners=[{"organization_id": o.wco}, {"organization_id": o.ucad}],
            ),
        ),
        nairobi=save(
            store,
            "activity",
            b.activity(
                title="Training of trainers",
                kind="training",
                start_on="2026-12-01",
                end_on="2026-12-05",
                country="KE",
                lead_organization_id=o.wco,
                partners=[{"organization_id": o.iom}],
            ),
        ),
        geneva=save(
            store,
            "activity",
            b.activity(
                title="Seminar on risk analysis",
                kind="seminar",
                status="ongoing",
                start_on="2026-11-20",
                end_on=None,
                city="Genève",
                participants_total=12,
            ),
        ),
        unplaced=save(
            store,
            "activity",
            b.activity(
                title="Zanzibar conference",
                kind="conference",
                status="proposed",
                start_on=None,
                end_on=None,
                lead_organization_id=o.ucad,
            ),
        ),
    )
    save(
        store,
        "follow_up",
        b.follow_up(
            text="Send the curriculum",
            owner="Amina",
            due_on="2026-11-01",
            source_kind="activity",
            source_id=activities.lusaka,
        ),
    )
    save(
        store,
        "follow_up",
        b.follow_up(text="Book the venue", due_on="2026-12-15", status="in_progress"),
    )
    save(
        store,
        "follow_up",
        b.follow_up(
            text="Share the report",
            owner="Jean",
            due_on=None,
            status="done",
            completed_on="2026-10-01",
            source_kind="consultation",
            source_id=consultations.annual,
        ),
    )
    save(
        store,
        "contact",
        {
            "name": "Amina Diallo",
            "title": "Head of External Relations",
            "organization_id": o.iom,
            "role": "focal_point",
            "email": "amina@iom.example",
        },
    )
    save(store, "contact", {"name": "Jean Kaboré", "organization_id": o.wco})
    save(
        store,
        "contact",
        {"name": "Zhang Wei", "title": "Director", "role": "head", "email": "zw@example.org"},
    )
    return SimpleNamespace(
        orgs=o, agreements=agreements, consultations=consultations, activities=activities
    )


def _empty(value: Any) -> bool:
    return value is None or value == ""


def _expected_order(rows: dict[str, dict[str, Any]], key: str, descending: bool) -> list[str]:
    """Filled cells by value (equal ones by id), then the empty cells by id; the ids the same
    way round as the values."""
    filled = sorted((i for i in rows if not _empty(rows[i][key])), reverse=descending)
    filled.sort(key=lambda i: rows[i][key], reverse=descending)  # stable: ties stay by id
    return filled + sorted((i for i in rows if _empty(rows[i][key])), reverse=descending)


SORTS = [
    pytest.param(
        kind,
        column.key,
        descending,
        id=f"{kind}.{column.key}.{'desc' if descending else 'asc'}",
    )
    for kind, spec in listing.SPECS.items()
    for column in spec.columns
    for descending in (False, True)
]


@pytest.mark.parametrize(("kind", "key", "descending"), SORTS)
def test_every_column_sorts_both_ways_with_empty_cells_last(store, varied, kind, key, descending):
    found = ids(store, kind, sort_key=key, descending=descending)
    rows = shown(store, kind, found)
    assert len(found) >= 3
    filled = {rows[i][key] for i in found if not _empty(rows[i][key])}
    assert len(filled) >= 2, "the data must give this column different values"
    assert found == _expected_order(rows, key, descending), [rows[i][key] for i in found]


def test_activities_sorted_by_start_date_both_ways_keep_undated_ones_last(store, varied):
    a = varied.activities
    assert ids(store, "activity", sort_key="start_on") == [
        a.lusaka,
        a.geneva,
        a.nairobi,
        a.unplaced,
    ]
    assert ids(store, "activity", sort_key="start_on", descending=True) == [
        a.nairobi,
        a.geneva,
        a.lusaka,
        a.unplaced,
    ]


def test_lists_open_newest_first_where_dates_lead(store, varied):
    a = varied.activities
    assert ids(store, "activity") == [a.nairobi, a.geneva, a.lusaka, a.unplaced]
    c = varied.consultations
    assert ids(store, "consultation") == [c.annual, c.technical, c.call]
    g = varied.agreements
    assert ids(store, "agreement") == [g.data, g.mou, g.project]


def test_organizations_sorted_by_number_of_agreements(store, varied):
    o = varied.orgs
    by_count = [o.iom, o.wco, o.ucad, o.red_cross]  # 3, 2, 1 and no agreements
    assert ids(store, "organization", sort_key="agreements", descending=True) == by_count
    assert ids(store, "organization", sort_key="agreements") == by_count[::-1]


def test_an_unknown_sort_key_falls_back_to_the_default_order(store, varied):
    assert ids(store, "activity", sort_key="no_such_column", descending=True) == ids(
        store, "activity", sort_key="start_on", descending=True
    )


# -- what a row shows ------------------------------------------------------------------------------
def test_an_agreement_row_shows_its_parties_in_party_order(store, varied):
    g = varied.agreements
    rows = shown(store, "agreement", [g.mou, g.project, g.data])
    assert rows[g.mou]["parties"] == "IOM, WCO"
    assert rows[g.data]["parties"] == "WCO, IOM"
    assert rows[g.project]["parties"] == "Université Cheikh Anta Diop, IOM"
    assert rows[g.mou] == {
        "reference": "IOM/WCO/2018",
        "title": "MoU on border management",
        "kind": "memorandum_of_understanding",
        "status": "in_force",
        "parties": "IOM, WCO",
        "entry_into_force": date(2018, 5, 8),
        "expires_on": date(2028, 5, 8),
        "review_on": date(2027, 1, 1),
    }
    assert rows[g.data]["status"] == "expired"


def test_an_activity_row_shows_its_place_and_lead(store, varied):
    a = varied.activities
    rows = shown(store, "activity", [a.lusaka, a.nairobi, a.geneva, a.unplaced])
    assert rows[a.lusaka] == {
        "start_on": date(2025, 3, 2),
        "end_on": date(2025, 3, 4),
        "title": "Atelier régional sur la gestion coordonnée des frontières",
        "kind": "workshop",
        "status": "completed",
        "place": "Lusaka, ZM",
        "participants_total": 30,
        "partners": "WCO, Université Cheikh Anta Diop",  # in the activity's order
        "lead": "IOM",
    }
    assert rows[a.nairobi]["partners"] == "IOM"
    assert rows[a.geneva]["partners"] is None
    assert rows[a.nairobi]["place"] == "KE"
    assert rows[a.geneva]["place"] == "Genève"
    assert rows[a.unplaced]["lead"] == "Université Cheikh Anta Diop"
    assert rows[a.geneva]["lead"] is None


def test_consultation_organization_and_contact_rows(store, varied):
    c = varied.consultations
    rows = shown(store, "consultation", [c.annual, c.technical, c.call])
    assert rows[c.annual]["organizations"] == "IOM, WCO"  # by name, whatever the entry order
    assert rows[c.annual]["starts_at"] == "2026-12-10T09:00"
    assert rows[c.technical]["organizations"] == "WCO"
    assert rows[c.call]["organizations"] is None
    o = varied.orgs
    organizations = shown(store, "organization", [o.iom, o.red_cross])
    assert organizations[o.iom] == {
        "name": "International Organization for Migration",
        "acronym": "IOM",
        "kind": "intergovernmental_organization",
        "country": "CH",
        "status": "active",
        "agreements": 3,
    }
    assert organizations[o.red_cross]["agreements"] == 0
    people = {row["name"]: row for row in shown(store, "contact", ids(store, "contact")).values()}
    assert people["Amina Diallo"]["organization"] == "IOM"
    assert people["Zhang Wei"]["organization"] is None


def test_column_values_gives_only_the_rows_asked_for(store, varied):
    a = varied.activities
    assert set(shown(store, "activity", [a.lusaka, a.geneva])) == {a.lusaka, a.geneva}
    assert shown(store, "activity", []) == {}
    assert shown(store, "activity", [b.new_id()]) == {}


def test_an_organizations_agreement_count_leaves_archived_agreements_out(store, orgs):
    save(store, "agreement", b.agreement([orgs.iom, orgs.wco], title="Current MoU"))
    duplicate = save(store, "agreement", b.agreement([orgs.ucad, orgs.wco], title="Duplicate"))
    services.archive(store, "agreement", duplicate)
    assert names(store, "agreement", partner_id=orgs.ucad) == []
    assert shown(store, "organization", [orgs.ucad])[orgs.ucad]["agreements"] == 0


# -- a large store ---------------------------------------------------------------------------------
BIG = 100_000


@pytest.fixture(scope="module")
def big_store(empty_store_file, tmp_path_factory) -> BulkSummary:
    """100,000 activities (and their partners, agreements, follow-ups), built once: read only."""
    path = tmp_path_factory.mktemp("big") / "store.sqlite"
    shutil.copyfile(empty_store_file, path)
    return fill_bulk(path, activities=BIG, seed=3, today=TODAY)


def _sql(path: Path, query: str, params: tuple = ()) -> Any:
    """The first value of a plain sqlite3 query: the count the lists are checked against."""
    raw = sqlite3.connect(path)
    try:
        return raw.execute(query, params).fetchone()[0]
    finally:
        raw.close()


def test_a_store_of_100000_activities_filters_to_the_count_sqlite_gives(big_store):
    path = big_store.path
    assert _sql(path, "SELECT count(*) FROM activity") == BIG
    assert _sql(path, "SELECT count(*) FROM pragma_foreign_key_check") == 0
    border = _sql(path, "SELECT id FROM thematic_area WHERE code = 'BM'")
    completed_in_border_management = _sql(
        path,
        "SELECT count(*) FROM activity a WHERE a.archived_at IS NULL AND a.status = 'completed' "
        "AND EXISTS (SELECT 1 FROM activity_thematic_area t JOIN thematic_area ta "
        "ON ta.id = t.thematic_area_id "
        "WHERE t.activity_id = a.id AND (ta.id = ? OR ta.parent_id = ?))",
        (border, border),
    )
    in_lusaka = _sql(
        path, "SELECT count(*) FROM activity WHERE archived_at IS NULL AND city = 'Lusaka'"
    )
    archived = _sql(path, "SELECT count(*) FROM activity WHERE archived_at IS NOT NULL")
    assert 0 < completed_in_border_management < BIG and 0 < in_lusaka < BIG
    assert archived == big_store.archived["activity"] > 0

    with open_store(path) as store, store.reading() as session:
        flt = ListFilter(thematic_area_id=border, status="completed", sort_key="title")
        found = listing.matching_ids(session, "activity", flt, TODAY)
        assert len(found) == len(set(found)) == completed_in_border_management
        assert listing.count(session, "activity", flt, TODAY) == completed_in_border_management
        # Lusaka appears in the activities' index text only as their city.
        lusaka = listing.matching_ids(session, "activity", ListFilter(text="lusaka"), TODAY)
        assert len(lusaka) == in_lusaka
        assert listing.count(session, "activity", ListFilter(archived=True), TODAY) == archived

        page = found[1000:1050]
        rows = listing.column_values(session, "activity", page, TODAY)
        assert len(rows) == 50 and set(rows) == set(page)
        assert all(row["status"] == "completed" for row in rows.values())
        titles = [rows[i]["title"] for i in page]
        assert titles == sorted(titles)


# SQLite virtual-machine steps that a list query may take on this store before it is stopped. The
# unfiltered list sorted by any column takes under 5 million, a thematic-area filter under 10
# million: 50 million leaves a wide margin, and stops a query that would freeze the window for
# minutes. A count of work, not a timing: the same on every machine.
STEP_BUDGET = 50_000_000


def test_a_store_of_100000_activities_lists_a_main_partners_records(big_store):
    path = big_store.path
    partner = big_store.organization_ids[1]
    with_partner = _sql(
        path,
        "SELECT count(*) FROM activity WHERE archived_at IS NULL AND (lead_organization_id = ? "
        "OR id IN (SELECT activity_id FROM activity_partner WHERE organization_id = ?))",
        (partner, partner),
    )
    assert 0 < with_partner < BIG
    with open_store(path) as store, store.reading() as session:
        steps = 0

        def tick() -> int:
            nonlocal steps
            steps += 1000
            return steps > STEP_BUDGET  # non-zero stops the query

        session.connection().connection.driver_connection.set_progress_handler(tick, 1000)
        try:
            by_partner = listing.matching_ids(
                session, "activity", ListFilter(partner_id=partner), TODAY
            )
            follow_ups = listing.count(session, "follow_up", ListFilter(partner_id=partner), TODAY)
        except OperationalError:
            pytest.fail(f"the partner filter took over {STEP_BUDGET:,} SQLite steps")
    assert len(by_partner) == with_partner
    assert follow_ups > 0


@pytest.mark.parametrize(("kind", "key", "descending"), SORTS)
def test_a_list_read_a_page_at_a_time_is_the_whole_list(store, varied, kind, key, descending):
    flt = ListFilter(sort_key=key, descending=descending)
    whole = ids(store, kind, sort_key=key, descending=descending)
    with store.reading() as session:
        listed = listing.ordered(session, kind, flt, TODAY)
        assert listed.total == len(whole)
        pages = [listing.ids_between(session, listed, start, start + 2) for start in (0, 2, 4, 6)]
        assert [i for page in pages for i in page] == whole[:8]
        assert listing.ids_between(session, listed, 1, len(whole) + 5) == whole[1:]
        assert [listing.position_of(session, listed, i) for i in whole] == list(range(len(whole)))
        assert listing.position_of(session, listed, "no-such-record") == -1


def test_lists_sorted_by_a_column_of_the_record_are_read_by_pages(store, varied):
    with store.reading() as session:
        by_date = listing.ordered(session, "activity", ListFilter(), TODAY)
        by_lead = listing.ordered(session, "activity", ListFilter(sort_key="lead"), TODAY)
    assert by_date.paged and 0 < by_date.valued < by_date.total  # an undated one comes last
    assert not by_lead.paged and len(by_lead.ids) == by_lead.total


def test_a_filtered_page_and_a_record_outside_the_filter(store, varied):
    flt = ListFilter(text="workshop", sort_key="title")
    whole = ids(store, "activity", text="workshop", sort_key="title")
    everything = ids(store, "activity")
    with store.reading() as session:
        listed = listing.ordered(session, "activity", flt, TODAY)
        assert listing.ids_between(session, listed, 0, listed.total) == whole
        outside = next(i for i in everything if i not in whole)
        assert listing.position_of(session, listed, outside) == -1


# -- folded order (issue 15) -----------------------------------------------------------------------
FOLDED_TITLES = ["agence des frontières: atelier", "Ärzte ohne Grenzen mission", "Bureau visit",
                 "École nationale des douanes: formation", "Zambia workshop"]  # fmt: skip


def test_titles_and_names_sort_with_case_and_accents_folded(store):
    """Read a page at a time in the key's index order, as long lists are: "agence…" and "Ärzte…"
    among the A, "École…" among the E, not after Z; either way round; rows found where shown."""
    for title in reversed(FOLDED_TITLES):
        save(store, "activity", b.activity(title=title))
        save(store, "contact", {"name": title})
    for kind in ("activity", "contact"):
        key = NAME[kind]
        assert names(store, kind, sort_key=key) == FOLDED_TITLES
        assert names(store, kind, sort_key=key, descending=True) == FOLDED_TITLES[::-1]
        with store.reading() as session:
            flt = ListFilter(sort_key=key)
            listed = listing.ordered(session, kind, flt, TODAY)
            assert listed.paged
            whole = listing.ids_between(session, listed, 0, listed.total)
            assert [listing.position_of(session, listed, i) for i in whole] == list(range(5))
            plan = session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + str(listed.order.halves[0].compile(
                    compile_kwargs={"literal_binds": True}))
            ).all()  # fmt: skip
            assert any(f"ix_list_{listing.spec(kind).table.__tablename__}_" in str(r) for r in plan)


def test_a_renamed_record_moves_to_its_folded_place(store):
    first = save(store, "organization", b.organization(name="Zeta agency", acronym=None))
    save(store, "organization", b.organization(name="Bureau des douanes", acronym=None))
    assert names(store, "organization") == ["Bureau des douanes", "Zeta agency"]
    raw = services.get_exchange(store, "organization", first)
    save(store, "organization", {**raw, "name": "Àgence Zeta"})
    assert names(store, "organization") == ["Àgence Zeta", "Bureau des douanes"]


def test_an_earlier_store_gets_its_sort_keys_on_migration(tmp_path):
    path = tmp_path / "partnerdesk.sqlite"
    shutil.copyfile(FIXTURES / "store-0005.sqlite", path)
    with open_store(path) as store:
        with store.reading() as session:
            for table, column in (("organization", "name"), ("activity", "title"),
                                  ("follow_up", "owner")):  # fmt: skip
                rows = (
                    session.connection()
                    .exec_driver_sql(f"SELECT {column}, {column}_key FROM {table}")
                    .all()
                )
                assert rows and all(key == sort_key(value) for value, key in rows), table
        titles = names(store, "activity", sort_key="title")
    assert titles == sorted(titles, key=sort_key)
