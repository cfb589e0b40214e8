"""Each kind of damage is refused with a clear reason and the file left as it is; restoring a
backup sets the refused file aside, byte for byte, and gives back a sound store."""

from __future__ import annotations

import hashlib

import pytest

from db.errors import DamagedStoreError, StorageError, StoreTooNewError
from db.records import services
from db.store.backups import newest_good_backup, take_backup
from db.store.engine import Store
from db.store.recovery import restore_backup, set_aside
from tests.damage import DAMAGE, checkpoint_cut_short

MESSAGES = {
    "truncated": (DamagedStoreError, "it is damaged"),
    "noise": (DamagedStoreError, "it is damaged"),
    "not a database": (DamagedStoreError, "it is not an SQLite database"),
    "newer version": (StoreTooNewError, "newer version of PartnerDesk"),
}


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backed_up(store_path):
    """A store with one partner, backed up, then closed."""
    with Store.open(store_path) as store:
        partner = services.save(
            store,
            "organization",
            {
                "name": "Organisation mondiale des douanes",
                "acronym": "OMD",
                "kind": "intergovernmental_organization",
            },
        )
    take_backup(store_path, "closing")
    return store_path, partner


@pytest.mark.parametrize("whole_file", [True, False], ids=["whole file", "window's quick open"])
@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_store_is_refused_untouched_then_restored(backed_up, damage, whole_file):
    store_path, partner = backed_up
    DAMAGE[damage](store_path)
    digest = _digest(store_path)
    kind, words = MESSAGES[damage]
    with pytest.raises(kind, match=words) as refused:
        Store.open(store_path, whole_file=whole_file)
    assert str(store_path) in str(refused.value) or kind is StoreTooNewError
    assert _digest(store_path) == digest  # refusing does not write

    restored = restore_backup(store_path, newest_good_backup(store_path).path, why="damaged")
    assert restored.set_aside.name.startswith("store.damaged-")
    assert _digest(restored.set_aside) == digest  # the damaged file is kept, byte for byte
    with Store.open(store_path) as store:
        assert services.get(store, "organization", partner)["acronym"] == "OMD"


@pytest.mark.parametrize("whole_file", [True, False])
def test_a_checkpoint_cut_short_by_a_crash_is_not_damage(backed_up, whole_file):
    store_path, partner = backed_up
    checkpoint_cut_short(store_path)
    with Store.open(store_path, whole_file=whole_file) as store:  # SQLite finishes the checkpoint
        assert services.get(store, "organization", partner)["acronym"] == "OMD"
        assert store.check_whole_file() is None


def test_damage_deep_in_a_large_table_is_found_by_the_whole_file_check(store_path):
    with Store.open(store_path) as store:
        services.save_many(
            store,
            [
                ("organization", {"name": f"Partner {n} " + "x" * 300, "kind": "academia"})
                for n in range(300)
            ],
        )
    data = bytearray(store_path.read_bytes())
    data[-4096 * 3 :] = bytes(range(256)) * 48  # the last pages: records saved last
    store_path.write_bytes(bytes(data))
    with Store.open(store_path, whole_file=False) as store:  # header, schema, small tables: sound
        problem = store.check_whole_file()
    # SQLite's own words on one line, e.g. "Page 180: btreeInitPage() returns error code 11",
    # not the "*** in database main ***" heading of its report.
    assert problem and "\n" not in problem and not problem.startswith("***")
    with pytest.raises(DamagedStoreError, match="it is damaged"):
        Store.open(store_path)


def test_restoring_sets_aside_the_store_with_its_journal(backed_up):
    store_path, _ = backed_up
    wal = store_path.with_name(store_path.name + "-wal")
    wal.write_bytes(b"recent commits")
    restored = restore_backup(store_path, newest_good_backup(store_path).path)
    assert restored.set_aside.name.startswith("store.replaced-")
    assert (restored.set_aside.parent / (restored.set_aside.name + "-wal")).read_bytes() == (
        b"recent commits"
    )
    assert not wal.exists()


def test_a_bad_backup_is_refused_and_nothing_changes(backed_up, tmp_path):
    store_path, _ = backed_up
    digest = _digest(store_path)
    not_a_backup = tmp_path / "holiday.sqlite"
    not_a_backup.write_bytes(b"photos" * 1000)
    with pytest.raises(StorageError, match="cannot be restored: it is not an SQLite database"):
        restore_backup(store_path, not_a_backup)
    assert _digest(store_path) == digest
    names = sorted(p.name for p in store_path.parent.iterdir() if p.is_file())
    assert names == ["holiday.sqlite", "store.sqlite"]  # nothing set aside, nothing left behind


def test_setting_aside_never_overwrites_an_earlier_one(backed_up):
    store_path, _ = backed_up
    first = set_aside(store_path, "damaged")
    store_path.write_bytes(first.read_bytes())
    second = set_aside(store_path, "damaged")
    assert first != second and first.exists() and second.exists()


def test_an_sqlite_file_of_another_program_is_refused_as_not_ours(tmp_path):
    import sqlite3

    other = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.commit()
    conn.close()
    digest = _digest(other)
    with pytest.raises(StorageError, match="not a PartnerDesk store"):
        Store.open(other)
    assert _digest(other) == digest
