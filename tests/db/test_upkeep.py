"""A store made by an earlier version gets, once, what this version adds to its records: the
default thematic areas' French names, consultations found by their participants' names, joint
activities by their partners' names and acronyms, their kind and country in English and French."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import text

from db.records import search, services, shape, thematic, upkeep
from db.records.services import open_store
from db.records.settings import put_setting
from db.schema.kinds import CONSULTATION
from tests.desktop.unoct import enter_unoct_and_the_visit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _area_by_code(store, code: str) -> dict:
    from db.queries import listing

    with store.reading() as session:
        [node] = [n for n in listing.area_tree(session) if n.code == code]
    return services.get_exchange(store, "thematic_area", node.id)


def _as_an_earlier_version_left_it(path: Path) -> None:
    """No French names, consultations indexed without their contacts' names, no step done."""
    with open_store(path) as store, store.unit_of_work() as session:
        session.execute(text("UPDATE thematic_area SET name_fr = NULL"))
        put_setting(session, upkeep.DONE_KEY, None)
        for values in shape.read_many(session, CONSULTATION):
            rowid = session.execute(
                text("SELECT rowid FROM search_entry WHERE record_id = :id"),
                {"id": values["id"]},
            ).scalar()
            session.execute(
                text("UPDATE search_index SET body = :body WHERE rowid = :rowid"),
                {"body": search.searchable_text(CONSULTATION, values), "rowid": rowid},
            )


def test_an_earlier_store_gets_french_area_names_and_participants_once(store_path):
    with open_store(store_path) as store:
        entered = enter_unoct_and_the_visit(store)
    _as_an_earlier_version_left_it(store_path)
    with open_store(store_path, read_only=True) as store:  # read-only: left as it is
        assert _area_by_code(store, "CT")["name_fr"] is None
    with open_store(store_path) as store:
        assert _area_by_code(store, "CT")["name_fr"] == "Contre-terrorisme et données des passagers"
        assert any(h.record_id == entered.visit for h in services.find(store, "Voronkov"))
        history = services.change_history(store, "thematic_area", _area_by_code(store, "CT")["id"])
        assert (history[0].changed_by, history[0].field) == ("PartnerDesk", "name_fr")
    with open_store(store_path) as store:  # once: an officer's later choice is kept
        area = _area_by_code(store, "CT")
        services.save(store, "thematic_area", {**area, "name_fr": None})
    with open_store(store_path) as store:
        assert _area_by_code(store, "CT")["name_fr"] is None
        assert upkeep.run_data_steps(store, thematic.default_tree) == []


def test_an_area_the_officer_renamed_keeps_having_no_french_name(store_path):
    with open_store(store_path) as store:
        area = _area_by_code(store, "CT")
        services.save(store, "thematic_area", {**area, "name": "Security", "name_fr": None})
    with open_store(store_path) as store, store.unit_of_work() as session:
        put_setting(session, upkeep.DONE_KEY, None)
    with open_store(store_path) as store:
        renamed = _area_by_code(store, "CT")
        assert (renamed["name"], renamed["name_fr"]) == ("Security", None)
        assert _area_by_code(store, "CT.API")["name_fr"].startswith("Renseignements préalables")


def test_the_first_versions_store_gets_the_steps_on_its_migration(tmp_path):
    path = tmp_path / "partnerdesk.sqlite"
    shutil.copyfile(FIXTURES / "store-0001.sqlite", path)
    with open_store(path) as store:
        with store.reading() as session:
            done = session.execute(
                text("SELECT value FROM setting WHERE key = :k"), {"k": upkeep.DONE_KEY}
            ).scalar()
        assert sorted(json.loads(done)) == [
            "activities_searchable",
            "participants_searchable",
            "thematic_areas_in_french",
        ]
        assert _area_by_code(store, "TS.SOM")["name_fr"] == "Trafic illicite de migrants"


def test_the_previous_versions_store_finds_every_activity_of_a_partner_by_its_acronym(tmp_path):
    """store-0005 was indexed by the version before: "IOM" found 1 of IOM's 8 activities (where
    their text says it). Opened, it is indexed again, once."""
    path = tmp_path / "partnerdesk.sqlite"
    shutil.copyfile(FIXTURES / "store-0005.sqlite", path)
    with open_store(path) as store:
        with store.reading() as session:
            iom = session.execute(
                text("SELECT id FROM organization WHERE acronym = 'IOM'")
            ).scalar_one()
            theirs = set(
                session.execute(
                    text(
                        "SELECT id FROM activity WHERE lead_organization_id = :iom "
                        "UNION SELECT activity_id FROM activity_partner WHERE organization_id = :iom"
                    ),
                    {"iom": iom},
                ).scalars()
            )
        assert len(theirs) == 8
        found = {h.record_id for h in services.find(store, "IOM", kinds=["activity"])}
        assert found == theirs
        assert {h.record_id for h in services.find(store, "atelier", kinds=["activity"])}
        assert upkeep.run_data_steps(store, thematic.default_tree) == []
