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
