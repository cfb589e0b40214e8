"""One unit of work per operation: the change history, archiving with a way back, attachments."""

from __future__ import annotations

import getpass

import pytest
from sqlalchemy import text

from db.errors import NotFoundError, StorageError
from db.records import services
from db.records.services import open_store
from tests import builders as b
from tests.postgres import SUPERUSER


@pytest.fixture
def store(store_on_each_back_end):
    """The write path, on a laptop's SQLite store and on a team server's PostgreSQL database."""
    return store_on_each_back_end


def test_every_change_is_recorded_with_who_when_field_old_and_new(store):
    record_id = services.save(store, "organization", b.organization(acronym="OMD"))
    raw = services.get_exchange(store, "organization", record_id)
    raw["acronym"] = "WCO"
    raw["country"] = "BE"
    services.save(store, "organization", raw)
    history = services.change_history(store, "organization", record_id)
    updates = {h.field: h for h in history if h.operation == "update"}
    assert set(updates) == {"acronym", "country"}
    assert (updates["acronym"].old_value, updates["acronym"].new_value) == ("OMD", "WCO")
    assert (updates["country"].old_value, updates["country"].new_value) == (None, "BE")
    [created] = [h for h in history if h.operation == "create"]  # one row for the whole record
    assert (created.field, created.old_value, created.new_value) == ("", None, None)
    assert history[-1] is created  # the oldest entry
    # Who: the officer's name on a laptop (else the system's user), the database role on a server.
    assert all(h.changed_by == store.officer and h.changed_at for h in history)
    assert store.officer in (getpass.getuser(), SUPERUSER)


def test_the_configured_officer_name_is_used_in_the_history(store_path):
    # A laptop's officer names themself; on a server the name is the database role.
    with open_store(store_path) as store:
        _officer_named_in_history(store)


def _officer_named_in_history(store) -> None:
    services.set_officer_name(store, "Élodie Marchand")
    record_id = services.save(store, "follow_up", b.follow_up())
    assert {h.changed_by for h in services.change_history(store, "follow_up", record_id)} == {
        "Élodie Marchand"
    }


def test_saving_unchanged_data_records_nothing(store):
    record_id = services.save(store, "organization", b.organization())
    before = services.change_history(store, "organization", record_id)
    stamp = services.get(store, "organization", record_id)["updated_at"]
    services.save(store, "organization", services.get_exchange(store, "organization", record_id))
    assert services.change_history(store, "organization", record_id) == before
    assert services.get(store, "organization", record_id)["updated_at"] == stamp


def test_a_change_to_the_parties_is_recorded(store):
    parties = b.two_parties(store)
    record_id = services.save(store, "agreement", b.agreement(parties))
    raw = services.get_exchange(store, "agreement", record_id)
    raw["parties"][1]["signed_at"] = "Brussels"
    services.save(store, "agreement", raw)
    change = [
        h for h in services.change_history(store, "agreement", record_id) if h.operation == "update"
    ]
    assert [c.field for c in change] == ["parties"]
    assert "Brussels" in change[0].new_value and "Brussels" not in change[0].old_value
    assert services.get(store, "agreement", record_id)["parties"][1]["signed_at"] == "Brussels"


def test_archive_and_restore(store):
    record_id = services.save(store, "organization", b.organization())
    services.archive(store, "organization", record_id)
    assert services.get(store, "organization", record_id)["archived"] is True
    services.restore(store, "organization", record_id)
    assert services.get(store, "organization", record_id)["archived"] is False
    ops = [h.operation for h in services.change_history(store, "organization", record_id)]
    assert ops[:2] == ["restore", "archive"]


def test_saving_an_archived_record_keeps_it_archived(store):
    record_id = services.save(store, "organization", b.organization())
    services.archive(store, "organization", record_id)
    raw = services.get_exchange(store, "organization", record_id)
    del raw["archived"]
    raw["notes"] = "edited while archived"
    services.save(store, "organization", raw)
    assert services.get(store, "organization", record_id)["archived"] is True


def test_unknown_records_are_reported_plainly(store):
    with pytest.raises(NotFoundError, match="No agreement has the id"):
        services.archive(store, "agreement", b.new_id())


def test_an_attached_file_is_copied_into_the_store_and_verified(store, tmp_path):
    record_id = services.save(store, "organization", b.organization())
    scan = tmp_path / "signed MoU.pdf"
    scan.write_bytes(b"%PDF-1.4 signed copy")
    attachment_id = services.attach_file(store, "organization", record_id, scan)
    scan.unlink()  # the store keeps its own copy
    [attachment] = services.attachments_of(store, "organization", record_id)
    assert (attachment.name, attachment.media_type, attachment.size) == (
        "signed MoU.pdf",
        "application/pdf",
        20,
    )
    assert services.attachment_bytes(store, attachment_id) == b"%PDF-1.4 signed copy"
    with store.unit_of_work() as session:
        session.execute(text("UPDATE attachment_content SET data = :damaged"), {"damaged": b"\0"})
    with pytest.raises(StorageError, match="damaged"):
        services.attachment_bytes(store, attachment_id)
