"""What the new officer of the issue entered: the UNOCT–WCO Arrangement (2022) and the WCO visit
to United Nations Headquarters (2019), seen from the WCO. Names of organizations and officials
are public; dates, articles and texts are made up for the tests."""

from __future__ import annotations

from dataclasses import dataclass

from db.queries import listing
from db.records import services
from db.store.engine import Store


@dataclass(frozen=True)
class Entered:
    wco: str
    unoct: str
    united_nations: str
    arrangement: str
    visit: str
    voronkov: str


ARRANGEMENT_SUMMARY = (
    "Framework for cooperation between UNOCT and the WCO to help Member States detect and "
    "disrupt the movement of terrorists and their goods across borders."
)
PROVISIONS = [
    {
        "article": "2",
        "heading": "Areas of cooperation",
        "summary": "Advance passenger information and passenger name records for customs.",
    },
    {
        "article": "7",
        "heading": "Termination",
        "summary": "Either Party may terminate the Arrangement with three months' written notice.",
    },
]


def enter_unoct_and_the_visit(store: Store) -> Entered:
    def save(kind: str, raw: dict) -> str:
        return services.save(store, kind, raw)

    wco = save(
        "organization",
        {
            "name": "World Customs Organization",
            "acronym": "WCO",
            "kind": "intergovernmental_organization",
            "city": "Brussels",
            "country": "BE",
            "is_ours": True,
        },
    )
    unoct = save(
        "organization",
        {
            "name": "United Nations Office of Counter-Terrorism",
            "acronym": "UNOCT",
            "kind": "un_entity",
            "city": "New York",
            "country": "US",
        },
    )
    united_nations = save(
        "organization",
        {"name": "United Nations", "kind": "un_entity", "city": "New York", "country": "US"},
    )
    voronkov = save(
        "contact",
        {
            "organization_id": unoct,
            "name": "Vladimir Voronkov",
            "title": "Under-Secretary-General for Counter-Terrorism",
            "role": "head",
        },
    )
    mikuriya = save(
        "contact",
        {"organization_id": wco, "name": "Kunio Mikuriya", "title": "Secretary General"},
    )
    areas = {n.code: n.id for n in store_areas(store)}
    arrangement = save(
        "agreement",
        {
            "reference": "UNOCT/WCO/2022",
            "title": "Arrangement on Cooperation between the United Nations Office of "
            "Counter-Terrorism and the World Customs Organization",
            "kind": "arrangement_on_cooperation",
            "status": "in_force",
            "parties": [
                {
                    "organization_id": unoct,
                    "signatory_name": "Vladimir Voronkov",
                    "signed_on": "2022-06-21",
                    "signed_at": "New York",
                },
                {
                    "organization_id": wco,
                    "signatory_name": "Kunio Mikuriya",
                    "signed_on": "2022-06-23",
                    "signed_at": "Brussels",
                },
            ],
            "entry_into_force": "2022-06-23",
            "notice_months": 3,
            "summary": ARRANGEMENT_SUMMARY,
            "provisions": PROVISIONS,
            "thematic_area_ids": [areas["CT"], areas["CT.API"]],
        },
    )
    visit = save(
        "consultation",
        {
            "title": "WCO visit to United Nations Headquarters",
            "kind": "high_level_visit",
            "starts_at": "2019-06-27T09:00",
            "duration_minutes": 2 * 24 * 60,
            "location": "United Nations Headquarters, New York",
            "organization_ids": [wco, united_nations, unoct],
            "thematic_area_ids": [areas["CT"]],
            "participants": [
                {"contact_id": mikuriya},
                {"contact_id": voronkov},
                {"name": "Amina J. Mohammed", "organization_id": united_nations},
            ],
            "agenda": "Cooperation against terrorist travel and the financing of terrorism.",
            "decisions": "Explore an arrangement on cooperation between UNOCT and the WCO.",
        },
    )
    return Entered(wco, unoct, united_nations, arrangement, visit, voronkov)


def store_areas(store: Store) -> list[listing.AreaNode]:
    with store.reading() as session:
        return listing.area_tree(session)
