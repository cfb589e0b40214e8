"""A store made by the first schema version opens in this version with every record intact."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from db.exchange.document import export_document
from db.records import services
from db.records.maintenance import check_store
from db.records.services import open_store
from db.store import migrations
from db.store.backups import list_backups

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_first_versions_store_opens_with_every_record_intact(tmp_path):
    path = tmp_path / "partnerdesk.sqlite"
    shutil.copyfile(FIXTURES / "store-0001.sqlite", path)
    with open_store(path) as store:
        assert store.schema_revision() == migrations.head_revision()
        assert check_store(store).ok, check_store(store).problems
        now = export_document(store, exported_at="2026-11-23T00:00:00Z")
        [iom] = [o for o in now["organizations"] if o.get("acronym") == "IOM"]
        [attachment] = services.attachments_of(store, "organization", iom["id"])
        content = services.attachment_bytes(store, attachment.id)
    then = json.loads((FIXTURES / "store-0001.json").read_text(encoding="utf-8"))
    for kind in then:
        assert now[kind] == then[kind], kind
    assert "谅解备忘录" in content.decode("utf-8") and "مذكرة تفاهم" in content.decode("utf-8")
    if migrations.head_revision() != "0001":  # a migration ran: the old file was kept first
        assert [b.reason for b in list_backups(path)] == ["migration"]
