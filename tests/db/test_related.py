"""What a detail view shows beside a record: its partners, instruments, meetings, activities,
follow-ups, contacts and areas — never the archived ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from db.exchange.sample import load_sample
from db.queries.related import SECTIONS, SHOWN, RelatedItem, related
from db.records import services
from db.schema.models import ThematicArea
from tests import builders as b

TODAY = date(2026, 11, 23)


def _area(store, code: str) -> str:
    with store.reading() as session:
        return session.execute(
            select(ThematicArea.id).where(ThematicArea.code == code)
        ).scalar_one()


def _titles(items: list[RelatedItem]) -> list[str]:
    return [i.title for i in items]


@dataclass
class World:
    iom: str
    wco: str
    office: str  # a sub-organization of IOM
    okafor: str  # a contact at IOM
    mou: str
    project: str  # a project agreement under the MoU
    meeting: str
    old_meeting: str
    workshop: str
    late: str  # follow-up of the meeting, late
    done: str  # follow-up of the MoU, done
    survey: str  # follow-up of the workshop, open


@pytest.fixture
def world(store) -> World:
    iom, wco = b.two_parties(store)
    save = services.save
    office = save(
        store,
        "organization",
        b.organization(name="IOM Regional Office for West Africa", acronym="", parent_id=iom),
    )
    okafor = save(
        store, "contact", {"name": "Daniel Okafor", "organization_id": iom, "role": "focal_point"}
    )
    gone = save(store, "contact", {"name": "Former Officer", "organization_id": iom})
    services.archive(store, "contact", gone)
    cbm, sop = _area(store, "BM.CBM"), _area(store, "BM.SOP")
    mou = save(
        store,
        "agreement",
        b.agreement([iom, wco], reference="WCO/IOM/MOU/2018", thematic_area_ids=[cbm]),
    )
    project = save(
        store,
        "agreement",
        b.agreement(
            [wco, iom],
            reference="WCO/IOM/PA/2024",
            title="Project agreement",
            parent_id=mou,
            entry_into_force="2024-03-19",
            parties=[
                {"organization_id": wco, "signatory_name": "Claire", "signed_on": "2024-03-12"},
                {"organization_id": iom, "signatory_name": "Rafael", "signed_on": "2024-03-19"},
            ],
        ),
    )
    put_away = save(store, "agreement", b.agreement([iom, wco], reference="OLD", parent_id=mou))
    services.archive(store, "agreement", put_away)
    meeting = save(
        store,
        "consultation",
        b.consultation(
            title="Annual consultation 2026",
            starts_at="2026-10-15T10:00",
            organization_ids=[wco, iom],
            agreement_ids=[mou, project],
            thematic_area_ids=[sop],
            participants=[
                {"contact_id": okafor, "name": "Daniel Okafor", "organization_id": iom},
                {"name": "Jean-Baptiste Kaboré", "organization_id": iom},
                {"contact_id": gone, "name": "Former Officer"},
            ],
        ),
    )
    old_meeting = save(
        store,
        "consultation",
        b.consultation(
            title="Annual consultation 2024",
            starts_at="2024-10-15T10:00",
            organization_ids=[iom, wco],
            agreement_ids=[mou],
            participants=[{"contact_id": okafor}],
        ),
    )
    workshop = save(
        store,
        "activity",
        b.activity(
            title="Workshop on SOPs",
            lead_organization_id=wco,
            partners=[{"organization_id": iom, "contribution": "Experts"}],
            agreement_id=project,
            thematic_area_ids=[cbm, sop],
        ),
    )
    led = save(
        store,
        "activity",
        b.activity(
            title="IOM assessment",
            start_on="2022-03-07",
            end_on="2022-03-08",
            lead_organization_id=iom,
        ),
    )
    services.archive(
        store,
        "activity",
        save(store, "activity", b.activity(title="Archived", lead_organization_id=iom)),
    )
    late = save(
        store,
        "follow_up",
        b.follow_up(
            text="Send the minutes",
            due_on="2026-11-01",
            source_kind="consultation",
            source_id=meeting,
        ),
    )
    done = save(
        store,
        "follow_up",
        b.follow_up(
            text="Sign the annex",
            status="done",
            due_on="2025-01-10",
            source_kind="agreement",
            source_id=mou,
        ),
    )
    survey = save(
        store,
        "follow_up",
        b.follow_up(
            text="Run the survey", due_on="2027-01-15", source_kind="activity", source_id=workshop
        ),
    )
    save(
        store,
        "follow_up",
        b.follow_up(
            text="Of an assessment", due_on="2027-02-01", source_kind="activity", source_id=led
        ),
    )
    return World(
        iom, wco, office, okafor, mou, project, meeting, old_meeting, workshop, late, done, survey
    )


def test_a_partner_shows_its_instruments_meetings_activities_and_open_follow_ups(store, world):
    view = related(store, "organization", world.iom, TODAY)
    assert list(view) == list(SECTIONS["organization"])
    assert _titles(view["agreements"]) == [
        "WCO/IOM/PA/2024 — Project agreement",
        "WCO/IOM/MOU/2018 — Memorandum of Understanding",
    ]
    assert view["agreements"][0].note == "in_force"
    assert view["agreements"][0].date == date(2024, 3, 19)
    assert _titles(view["consultations"]) == [
        "Annual consultation 2026",
        "Annual consultation 2024",
    ]
    assert [(i.title, i.note) for i in view["activities"]] == [
        ("Workshop on SOPs", "partner"),
        ("IOM assessment", "lead"),
    ]
    # The done follow-up of the MoU is not shown; the late one says so.
    assert [(i.title, i.note) for i in view["follow_ups"]] == [
        ("Send the minutes", "late"),
        ("Run the survey", "open"),
        ("Of an assessment", "open"),
    ]
    assert [(i.kind, i.title, i.note) for i in view["contacts"]] == [
        ("contact", "Daniel Okafor", "focal_point")
    ]
    assert [(i.id, i.title) for i in view["sub_organizations"]] == [
        (world.office, "IOM Regional Office for West Africa")
    ]


def test_an_agreement_shows_its_parties_in_order_and_what_falls_under_it(store, world):
    view = related(store, "agreement", world.project, TODAY)
    assert [(i.title, i.date, i.note) for i in view["parties"]] == [
        ("World Customs Organization (WCO)", date(2024, 3, 12), "Claire"),
        ("International Organization for Migration (IOM)", date(2024, 3, 19), "Rafael"),
    ]
    assert _titles(view["consultations"]) == ["Annual consultation 2026"]
    assert [(i.kind, i.id) for i in view["activities"]] == [("activity", world.workshop)]
    mou = related(store, "agreement", world.mou, TODAY)
    assert [i.id for i in mou["sub_agreements"]] == [world.project]  # not the archived one
    assert _titles(mou["consultations"]) == ["Annual consultation 2026", "Annual consultation 2024"]
    assert [(i.id, i.note) for i in mou["follow_ups"]] == [(world.done, "done")]
    assert _titles(mou["thematic_areas"]) == ["BM.CBM Coordinated and integrated border management"]


def test_a_consultation_shows_participants_contacts_and_typed_names(store, world):
    view = related(store, "consultation", world.meeting, TODAY)
    assert _titles(view["organizations"]) == [
        "International Organization for Migration (IOM)",
        "World Customs Organization (WCO)",
    ]
    assert [i.id for i in view["agreements"]] == [world.project, world.mou]
    assert [(i.kind, i.id, i.title, i.note) for i in view["participants"]] == [
        ("contact", world.okafor, "Daniel Okafor", "IOM"),
        (None, None, "Jean-Baptiste Kaboré", "IOM"),
        # An archived contact still attended: shown by name, without a link to open.
        (None, None, "Former Officer", "IOM"),
    ]
    assert [i.id for i in view["follow_ups"]] == [world.late]
    assert _titles(view["thematic_areas"]) == ["BM.SOP Standard operating procedures"]


def test_an_activity_shows_its_agreement_lead_first_and_its_areas(store, world):
    view = related(store, "activity", world.workshop, TODAY)
    assert [i.id for i in view["agreement"]] == [world.project]
    assert [(i.id, i.note) for i in view["organizations"]] == [
        (world.wco, "lead"),
        (world.iom, "partner"),
    ]
    assert [i.id for i in view["follow_ups"]] == [world.survey]
    assert _titles(view["thematic_areas"]) == [
        "BM.CBM Coordinated and integrated border management",
        "BM.SOP Standard operating procedures",
    ]


def test_a_contact_and_a_follow_up(store, world):
    contact = related(store, "contact", world.okafor, TODAY)
    assert [i.id for i in contact["organization"]] == [world.iom]
    assert [(i.title, i.date) for i in contact["consultations"]] == [
        ("Annual consultation 2026", date(2026, 10, 15)),
        ("Annual consultation 2024", date(2024, 10, 15)),
    ]
    source = related(store, "follow_up", world.survey, TODAY)["source"]
    assert [(i.kind, i.id, i.title) for i in source] == [
        ("activity", world.workshop, "Workshop on SOPs")
    ]


def test_an_area_shows_what_is_filed_under_it_or_its_sub_areas(store, world):
    view = related(store, "thematic_area", _area(store, "BM"), TODAY)
    assert "BM.SOP Standard operating procedures" in _titles(view["sub_areas"])
    assert [i.id for i in view["agreements"]] == [world.mou]  # through BM.CBM
    assert [i.id for i in view["consultations"]] == [world.meeting]  # through BM.SOP
    assert [i.id for i in view["activities"]] == [world.workshop]  # once, through both
    sop = related(store, "thematic_area", _area(store, "BM.SOP"), TODAY)
    assert sop["sub_areas"] == [] and sop["agreements"] == []


def test_archived_records_leave_the_view(store, world):
    services.archive(store, "consultation", world.meeting)
    services.archive(store, "organization", world.office)
    view = related(store, "organization", world.iom, TODAY)
    assert _titles(view["consultations"]) == ["Annual consultation 2024"]
    assert view["sub_organizations"] == []
    # The follow-up of the archived meeting goes with it.
    assert world.late not in [i.id for i in view["follow_ups"]]


def test_an_expired_agreement_is_marked_expired(store):
    parties = b.two_parties(store)
    services.save(store, "agreement", b.agreement(parties, expires_on="2026-01-31"))
    [item] = related(store, "organization", parties[0], TODAY)["agreements"]
    assert item.note == "expired"


def test_every_section_is_there_even_when_empty(store):
    for kind, sections in SECTIONS.items():
        assert related(store, kind, b.new_id(), TODAY) == {key: [] for key in sections}
    with pytest.raises(ValueError):
        related(store, "attachment", b.new_id(), TODAY)


def test_the_sample_partner_view(store):
    load_sample(store, today=TODAY)
    iom = "e5c2be1f-907f-5306-a49e-63de8fdedb39"
    with store.reading() as session:
        view = related(session, "organization", iom, TODAY)
    assert len(view["agreements"]) == 2
    assert len(view["consultations"]) == 5
    assert len(view["activities"]) == 7
    assert [i.note for i in view["follow_ups"]][:2] == ["late", "late"]


def test_a_partner_with_many_records_lists_the_newest_and_counts_them_all(store):
    """A heavy partner (a tenth of a large portfolio) has thousands of activities: the view
    lists the newest SHOWN of them and says how many there are, and reads no more."""
    iom, _wco = b.two_parties(store)
    count = SHOWN + 12
    days = [date(2025, 1, 1) + timedelta(days=3 * n) for n in range(count)]
    services.save_many(
        store,
        [
            ("activity", b.activity(title=f"Workshop {n:03}", start_on=day.isoformat(),
                                    end_on=None, lead_organization_id=iom))
            for n, day in enumerate(days)
        ],
    )  # fmt: skip
    view = related(store, "organization", iom, TODAY)
    activities = view["activities"]
    assert (len(activities), activities.total) == (SHOWN, count)
    assert [item.date for item in activities] == sorted(days, reverse=True)[:SHOWN]
    assert (len(view["contacts"]), view["contacts"].total) == (0, 0)
