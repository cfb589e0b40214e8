"""Opening a store: the pragmas every connection has, owner-only files, damaged files refused."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from db.errors import DamagedStoreError, StorageError
from db.records.services import open_store
from db.store.engine import Store


def test_every_connection_has_the_safe_pragmas(store):
    assert store.pragmas() == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "synchronous": 2,
        "busy_timeout": 10_000,
    }
    with store.reading() as session:
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_connection_where_sqlite_refuses_a_pragma_is_not_used():
    import sqlite3

    from db.store.engine import apply_pragmas

    conn = sqlite3.connect(":memory:")  # an in-memory database cannot use WAL
    with pytest.raises(StorageError, match="SQLite refused journal_mode = wal"):
        apply_pragmas(conn)
    conn.close()


def test_writes_start_immediately_so_two_writers_queue_instead_of_failing(store_path):
    import threading

    from db.records import services

    stores = [Store.open(store_path), Store.open(store_path)]
    failures: list[BaseException] = []

    def write(store: Store, who: str) -> None:
        try:
            for n in range(40):
                services.save(store, "organization", {"name": f"{who} {n}", "kind": "other"})
        except BaseException as exc:  # "database is locked" would land here
            failures.append(exc)

    threads = [
        threading.Thread(target=write, args=(s, w)) for s, w in zip(stores, "AB", strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with stores[0].reading() as session:
        count = session.connection().exec_driver_sql("SELECT count(*) FROM organization").scalar()
    assert count == 80
    for store in stores:
        store.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_new_store_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "folder" / "store.sqlite"
    Store.open(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


@pytest.mark.parametrize("content", [b"not a database at all" * 100, os.urandom(8192)])
def test_a_file_that_is_not_a_store_is_refused_and_left_alone(tmp_path, content):
    path = tmp_path / "noise.sqlite"
    path.write_bytes(content)
    with pytest.raises(DamagedStoreError, match="it is not an SQLite database"):
        Store.open(path)
    assert path.read_bytes() == content


def test_a_truncated_store_is_refused(store_path):
    data = store_path.read_bytes()
    store_path.write_bytes(data[: len(data) // 3])
    with pytest.raises(StorageError, match="damaged"):
        Store.open(store_path)


def test_opening_with_create_false_does_not_make_a_file(tmp_path):
    with pytest.raises(StorageError, match="no PartnerDesk store"):
        Store.open(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


def test_importing_the_core_creates_no_file(tmp_path):
    code = "import db.store.engine, db.records.services, db.exchange.document, db.exchange.sample, db.records.maintenance"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True)
    assert list(tmp_path.iterdir()) == []


def test_a_store_killed_before_its_default_tree_was_written_gets_it_on_next_open(tmp_path):
    path = tmp_path / "store.sqlite"
    code = (
        "import os; import db.records.thematic; "
        "db.records.thematic.load_default_tree = lambda store: os._exit(9); "  # killed right there
        f"from db.records.services import open_store; open_store({str(path)!r})"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 9
    with open_store(path) as store, store.reading() as session:
        count = session.connection().exec_driver_sql("SELECT count(*) FROM thematic_area")
        assert count.scalar() == 32
