"""The next edition of a joint activity: what the last one was carries over, what happened there
does not, and nothing is in the store until the new one is saved."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from db.records import services
from db.records.editions import next_edition
from db.schema.models import JointActivity, ThematicArea
from tests import builders as b

TODAY = date(2026, 11, 23)  # the workshop of May 2025 is past, whatever day the suite runs


def held_workshop(store, clock) -> str:
    """The Nairobi workshop as its organizer recorded it once held, postponed on the way."""
    clock.move_to(TODAY)
    iom, wco = b.two_parties(store)
    agreement = services.save(store, "agreement", b.agreement([iom, wco], reference="MOU/2018"))
    with store.reading() as session:
        areas = list(session.scalars(select(ThematicArea.id).order_by(ThematicArea.code).limit(2)))
    return services.save(
        store,
        "activity",
        b.activity(
            title="WCO–IOM regional workshop on coordinated border management, Nairobi",
            status="completed",
            start_on="2025-05-12",
            end_on="2025-05-14",
            original_start_on="2025-04-07",
            original_end_on="2025-04-09",
            postponement_reason="The venue was not available.",
            city="Nairobi",
            country="KE",
            mode="hybrid",
            lead_organization_id=wco,
            partners=[{"organization_id": iom, "contribution": "Travel of participants"}],
            agreement_id=agreement,
            thematic_area_ids=areas,
            beneficiary_countries=["KE", "UG", "TZ"],
            participants_expected=24,
            participants=[
                {"name": "Amina Otieno", "country": "KE", "sex": "woman", "attended": True},
                {"name": "John Mwangi", "country": "KE", "sex": "man", "attended": True},
            ],
            sessions=[{"start_on": "2025-05-12"}, {"start_on": "2025-05-13"}],
            costs=[
                {"organization_id": iom, "kind": "travel", "amount": 18450, "currency": "USD"},
                {"organization_id": wco, "kind": "experts", "description": "Two experts"},
            ],
            evaluation={
                "forms_returned": 2,
                "satisfaction_average": 4.5,
                "satisfaction_scale_max": 5,
            },
            objectives="Train border officials in coordinated border management.",
            results="A regional action plan.",
            lessons="Invite the ports authority.",
            report="The workshop was held in Nairobi…",
        ),
    )


def test_the_next_edition_keeps_what_the_activity_is_and_leaves_what_happened(store, clock):
    workshop = services.get_exchange(store, "activity", held_workshop(store, clock))
    edition = next_edition(workshop)

    for same in (
        "title",
        "kind",
        "city",
        "country",
        "mode",
        "lead_organization_id",
        "partners",
        "agreement_id",
        "thematic_area_ids",
        "beneficiary_countries",
        "participants_expected",
        "objectives",
    ):
        assert edition[same] == workshop[same], same
    assert edition["status"] == "planned"
    assert "id" not in edition
    for left_out in (
        "start_on",
        "end_on",
        "original_start_on",
        "original_end_on",
        "postponement_reason",
        "participants_total",
        "participants_women",
        "participants_men",
        "participants",
        "sessions",
        "evaluation",
        "results",
        "lessons",
        "report",
    ):
        assert not edition.get(left_out), left_out
    # Who pays what carries over; last time's amounts do not.
    assert [(c["kind"], c["currency"], c.get("amount")) for c in edition["costs"]] == [
        ("travel", "USD", None),
        ("experts", None, None),
    ]
    assert edition["costs"][1]["description"] == "Two experts"
    assert all("id" not in cost for cost in edition["costs"])


def test_the_next_edition_is_a_record_of_its_own_once_saved(store, clock):
    first = held_workshop(store, clock)
    workshop = services.get_exchange(store, "activity", first)
    edition = next_edition(workshop)
    edition["partners"][0]["contribution"] = "Travel and venue"  # not the first one's list
    with store.reading() as session:
        before = session.scalar(select(func.count()).select_from(JointActivity))

    saved = services.save(
        store, "activity", {**edition, "start_on": "2026-05-11", "end_on": "2026-05-13"}
    )

    assert saved != first
    again = services.get_exchange(store, "activity", saved)
    assert (again["status"], again["start_on"], again["participants"]) == (
        "planned",
        "2026-05-11",
        [],
    )
    assert again["agreement_id"] == workshop["agreement_id"]
    assert again["thematic_area_ids"] == workshop["thematic_area_ids"]
    assert {c["id"] for c in again["costs"]}.isdisjoint({c["id"] for c in workshop["costs"]})
    # The first edition is as it was.
    assert services.get_exchange(store, "activity", first) == workshop
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(JointActivity)) == before + 1


def test_an_activity_without_costs_or_partners_makes_an_edition_too(store):
    bare = services.get_exchange(
        store, "activity", services.save(store, "activity", b.activity(status="cancelled"))
    )
    edition = next_edition(bare)
    assert (edition["status"], edition["costs"], edition["partners"]) == ("planned", [], [])
    assert services.save(store, "activity", edition)
