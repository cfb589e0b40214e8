"""Every store has an id of its own, a copy of a store's file is told apart from its original,
and the change history's rows are named by (store, sequence) so that they never collide between
stores (docs/sync.md, "Identity")."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from db.records import services
from db.records.services import open_store
from db.store import identity
from db.store.backups import take_backup
from db.store.engine import Store
from db.store.recovery import restore_backup
from tests import builders

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _origins(path: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(path) as conn:
        return list(conn.execute("SELECT store_id, seq FROM change ORDER BY id"))


def _setting(path: Path, key: str) -> str | None:
    with sqlite3.connect(path) as conn:
        found = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return found[0] if found else None


def test_a_store_keeps_its_id_and_two_stores_have_different_ids(tmp_path):
    with open_store(tmp_path / "a.sqlite") as a, open_store(tmp_path / "b.sqlite") as b:
        first_a, first_b = a.store_id(), b.store_id()
    assert first_a != first_b
    with open_store(tmp_path / "a.sqlite") as a:
        assert a.store_id() == first_a


def test_history_rows_are_numbered_by_their_store_without_gaps(store):
    before = len(_origins(store.path))
    org = services.save(store, "organization", builders.organization())
    services.save(
        store, "organization", builders.organization(id=org, name="WCO Secretariat", kind="other")
    )
    services.archive(store, "organization", org)
    rows = _origins(store.path)
    # The store's first rows (its thematic tree) were written by the store it was copied from.
    with store.reading() as session:
        template = identity.earlier_ids(session)
    assert {origin for origin, _seq in rows[:before]} == set(template) and len(template) == 1
    # Its own: created, two fields changed, archived — numbered 1 to 4.
    assert rows[before:] == [(store.store_id(), n) for n in (1, 2, 3, 4)]


def test_a_copied_store_takes_an_id_of_its_own_and_both_write_without_collision(tmp_path):
    original = tmp_path / "hq.sqlite"
    with open_store(original) as store:
        hq = store.store_id()
        services.save(store, "organization", builders.organization())
    copy = tmp_path / "laptop.sqlite"
    shutil.copyfile(original, copy)
    common = _origins(original)

    with open_store(copy) as laptop, open_store(original) as store:
        assert store.store_id() == hq
        assert laptop.store_id() != hq
        with laptop.reading() as session:
            assert identity.earlier_ids(session) == [hq]
        services.save(laptop, "organization", builders.organization(name="From the laptop"))
        services.save(store, "organization", builders.organization(name="From HQ"))
        names = set(_origins(copy)) | set(_origins(original))
        copy_rows, original_rows = _origins(copy), _origins(original)
        laptop_id = laptop.store_id()
    # The common past keeps the name it was written under; what each wrote since has its own.
    assert copy_rows[: len(common)] == common == original_rows[: len(common)]
    assert copy_rows[len(common) :] == [(laptop_id, 1)]
    assert original_rows[len(common) :] == [(hq, common[-1][1] + 1)]
    assert len(names) == len(common) + 2


def test_taking_an_id_is_not_a_change_that_calls_for_a_backup(tmp_path):
    original = tmp_path / "hq.sqlite"
    with open_store(original) as store:
        services.save(store, "organization", builders.organization())
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(original, copy)
    with open_store(copy) as store:
        assert store.store_id() != _setting(original, identity.STORE_ID_KEY)
    assert _setting(copy, "store_revision") == _setting(original, "store_revision")
    with open_store(copy) as store:  # and the next write is counted as ever
        services.save(store, "organization", builders.organization(name="Counted"))
    assert int(_setting(copy, "store_revision")) == int(_setting(original, "store_revision")) + 1


def test_a_restored_backup_is_another_store(tmp_path):
    path = tmp_path / "store.sqlite"
    with open_store(path) as store:
        before = store.store_id()
    backup = take_backup(path, "manual")
    restore_backup(path, backup.path)
    with open_store(path) as store:
        assert store.store_id() != before


def test_a_store_moved_on_its_disk_keeps_its_id(tmp_path):
    path = tmp_path / "store.sqlite"
    with open_store(path) as store:
        before = store.store_id()
    moved = tmp_path / "moved.sqlite"
    path.rename(moved)
    with open_store(moved) as store:
        assert store.store_id() == before


def test_a_copy_opened_read_only_is_left_as_it_is(tmp_path):
    original = tmp_path / "hq.sqlite"
    with open_store(original) as store:
        hq = store.store_id()
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(original, copy)
    with Store.open(copy, read_only=True) as store:
        assert store.store_id() == hq
    assert _setting(copy, identity.HOME_KEY) == _setting(original, identity.HOME_KEY)


def test_an_older_store_gets_an_id_and_its_history_is_numbered_in_order(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "store-0004.sqlite", path)
    with sqlite3.connect(path) as conn:
        written = [row[0] for row in conn.execute("SELECT id FROM change ORDER BY id")]
    with open_store(path) as store:
        own = store.store_id()
    rows = _origins(path)
    assert rows[: len(written)] == [(own, n) for n in range(1, len(written) + 1)]
    assert len(written) > 50  # the sample's history: the numbering is not a trivial one
