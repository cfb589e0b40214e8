"""A store made by an earlier schema version opens in this version with every record intact."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from db.exchange.document import export_document
from db.records import services, thematic
from db.records.maintenance import check_store
from db.records.services import open_store
from db.store import migrations
from db.store.backups import list_backups

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ACTIVITY_FIELDS_OF_0004 = {
    "participants_expected": None,
    "original_start_on": None,
    "original_end_on": None,
    "postponement_reason": None,
    "participants": [],
    "sessions": [],
    "costs": [],
    "evaluation": None,
    "report": None,
}


@pytest.mark.parametrize("revision", ["0001", "0003", "0004", "0005", "0006"])
def test_an_earlier_versions_store_opens_with_every_record_intact(tmp_path, revision):
    path = tmp_path / "partnerdesk.sqlite"
    shutil.copyfile(FIXTURES / f"store-{revision}.sqlite", path)
    with open_store(path) as store:
        assert store.schema_revision() == migrations.head_revision()
        assert check_store(store).ok, check_store(store).problems
        now = export_document(store, exported_at="2026-11-23T00:00:00Z")
        [iom] = [o for o in now["organizations"] if o.get("acronym") == "IOM"]
        [attachment] = services.attachments_of(store, "organization", iom["id"])
        content = services.attachment_bytes(store, attachment.id)
    then = json.loads((FIXTURES / f"store-{revision}.json").read_text(encoding="utf-8"))
    # The default tree's areas got their French names once (db.records.upkeep): that, and when
    # it happened, is all that changed in them.
    french = {a["id"]: a["name_fr"] for a in thematic.default_tree()}
    for area in now["thematic_areas"]:
        assert area.pop("name_fr") == french.get(area["id"])
        area.pop("updated_at")
    for area in then["thematic_areas"]:
        area.pop("updated_at")
        area.pop("name_fr", None)
    # What a joint activity holds since revision 0004 is empty in a store made before it.
    added = ACTIVITY_FIELDS_OF_0004 if revision < "0004" else {}
    for activity in now["activities"]:
        for name, empty in added.items():
            assert activity.pop(name) == empty, name
    # An agreement's dated assessments (revision 0009) are none in a store made before them.
    for agreement in now["agreements"]:
        assert agreement.pop("assessments") == [], agreement["id"]
    for kind in then:
        assert now[kind] == then[kind], kind
    assert "谅解备忘录" in content.decode("utf-8") and "مذكرة تفاهم" in content.decode("utf-8")
    if migrations.head_revision() != revision:  # a migration ran: the old file was kept first
        assert [b.reason for b in list_backups(path)] == ["migration"]
