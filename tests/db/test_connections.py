"""The one door to a store's connections: it knows the live store's files, so that nothing in
PartnerDesk's process reads or writes them beside SQLite (docs/reliability.md, "Locks")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from db.errors import StorageError
from db.exchange.document import export_document, import_file, write_file
from db.exchange.spreadsheets.reading import open_table
from db.records import services
from db.store import connections
from db.store.backups import take_backup
from db.store.lock import StoreLock


@pytest.fixture
def partner(store) -> str:
    return services.save(store, "organization", {"name": "UNODC", "kind": "un_entity"})


def test_the_door_counts_the_connections_of_this_process(store):
    opened = connections.open_count(store.path)
    assert opened >= 1  # the store's writer
    extra = store.raw_connection()
    assert connections.open_count(store.path) == opened + 1
    extra.close()
    assert connections.open_count(store.path) == opened
    assert store.path in connections.live_stores()


def test_the_store_its_journal_its_lock_and_its_backups_cannot_be_attached(store, partner):
    lock = StoreLock(store.path)
    lock.acquire()
    try:
        backup = take_backup(store.path, "manual").path
        own = [store.path, store.wal_path, store.path.with_name(store.path.name + "-shm")]
        for path in [*own, lock.path, backup]:
            assert path.exists(), path
            with pytest.raises(StorageError, match="is part of the PartnerDesk store in use"):
                services.attach_file(store, "organization", partner, path)
    finally:
        lock.release()
    assert services.attachments_of(store, "organization", partner) == []


def test_a_hard_link_to_the_store_is_the_store(store, partner, tmp_path):
    link = tmp_path / "elsewhere" / "copy.sqlite"
    link.parent.mkdir()
    link.hardlink_to(store.path)
    with pytest.raises(StorageError, match="copy.sqlite is part of the PartnerDesk store"):
        services.attach_file(store, "organization", partner, link)


def test_the_store_is_neither_imported_nor_written_over(store, tmp_path):
    with pytest.raises(StorageError, match="cannot be attached, imported or written over"):
        import_file(store, store.path)
    with pytest.raises(StorageError, match="cannot be attached, imported or written over"):
        open_table(store.wal_path, kind="organizations")
    size = store.path.stat().st_size
    with pytest.raises(StorageError, match="cannot be attached, imported or written over"):
        write_file(export_document(store), store.path)
    assert store.path.stat().st_size == size


def test_a_closed_store_is_an_ordinary_file(store_path, tmp_path):
    assert connections.live_store_file(store_path) is None
    connections.refuse_live_store_file(store_path)  # nothing open on it in this process


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="only Linux tells a process's locks")
def test_a_stray_open_and_close_of_the_store_releases_sqlites_locks(store):
    """The trap itself, as Linux shows it: why nothing may open the store's files beside SQLite."""
    assert connections.sqlite_locks_held(store.path) is True
    fd = os.open(store.path, os.O_RDONLY)
    os.close(fd)
    assert connections.sqlite_locks_held(store.path) is False
