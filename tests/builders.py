"""Valid records in exchange shape, to be varied by each test."""

from __future__ import annotations

import uuid
from typing import Any

from db.records import services
from db.store.engine import Store


def new_id() -> str:
    return str(uuid.uuid4())


def organization(**fields: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "name": "World Customs Organization",
        "acronym": "WCO",
        "kind": "intergovernmental_organization",
        **fields,
    }


def agreement(party_ids: list[str], **fields: Any) -> dict[str, Any]:
    parties = [
        {
            "organization_id": pid,
            "signatory_name": f"Signatory {i}",
            "signed_on": "2018-05-0" + str(7 + i),
            "signed_at": "Geneva",
        }
        for i, pid in enumerate(party_ids)
    ]
    return {
        "id": new_id(),
        "title": "Memorandum of Understanding",
        "kind": "memorandum_of_understanding",
        "status": "in_force",
        "parties": parties,
        "entry_into_force": "2018-05-08",
        "notice_months": 6,
        **fields,
    }


def consultation(**fields: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "title": "Annual consultation",
        "kind": "bilateral_consultation",
        "starts_at": "2026-12-10T09:00",
        **fields,
    }


def activity(**fields: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "title": "Joint workshop",
        "kind": "workshop",
        "start_on": "2026-03-02",
        "end_on": "2026-03-04",
        **fields,
    }


def follow_up(**fields: Any) -> dict[str, Any]:
    return {"id": new_id(), "text": "Send the draft curriculum", "due_on": "2026-12-01", **fields}


def two_parties(store: Store) -> list[str]:
    return [
        services.save(
            store,
            "organization",
            organization(name="International Organization for Migration", acronym="IOM"),
        ),
        services.save(store, "organization", organization()),
    ]


# The two offices' offline edits of one agreement that every sync test tells (issue 16): HQ
# changes the title and the status; the mission changes the status and the next review, and
# adds a party (an organization it creates). Same field, different values: one conflict.
OFFLINE_EDITS = {
    ("title", "MoU on border management"),
    ("status", "terminated"),
    ("status", "superseded"),
    ("review_on", "2027-05-08"),
}


def edit_offline(hq: Store, mission: Store, agreement_id: str) -> str:
    """The edits above, each on its own store; returns the id of the mission's new party."""
    at_hq = services.get_exchange(hq, "agreement", agreement_id)
    services.save(
        hq, "agreement", {**at_hq, "title": "MoU on border management", "status": "terminated"}
    )
    third = services.save(mission, "organization", organization(name="UNODC"))
    on_mission = services.get_exchange(mission, "agreement", agreement_id)
    services.save(
        mission,
        "agreement",
        {
            **on_mission,
            "status": "superseded",
            "review_on": "2027-05-08",
            "parties": [*on_mission["parties"], {"organization_id": third}],
        },
    )
    return third
