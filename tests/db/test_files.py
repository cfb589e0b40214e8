"""Atomic writes and flushes by each system's rules: Windows flushes only files opened for
writing and has no folder flush; macOS asks the disk itself (F_FULLFSYNC)."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import UTC, datetime

import pytest

from db.exchange.spreadsheets.exporting import all_ids, write_xlsx
from db.records import services
from db.records.services import open_store
from db.store import files
from db.store.backups import list_backups, take_backup
from db.store.recovery import restore_backup, set_aside
from tests.db.test_migration_safety import FIXTURES
from tests.platforms import linux_only, path_of

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def test_an_atomic_write_flushes_the_file_then_its_folder(tmp_path, flushes):
    target = tmp_path / "partners.json"
    files.write_text_atomically(target, "{}")
    assert target.read_text() == "{}"
    assert len(flushes.paths) == 2
    assert flushes.paths[1] == tmp_path  # the rename is on the disk too
    assert [p.name for p in tmp_path.iterdir()] == ["partners.json"]


def test_a_spreadsheet_export_flushes_its_folder(store, tmp_path, flushes):
    services.save(store, "organization", {"name": "WCO", "kind": "intergovernmental_organization"})
    target = tmp_path / "out" / "organizations.xlsx"
    target.parent.mkdir()
    with store.reading() as session:
        ids = all_ids(session, "organization")
    assert write_xlsx(store, "organization", ids, target) == 1
    assert target.parent in flushes.folders


def test_on_windows_an_atomic_write_flushes_the_file_and_skips_the_folder(
    tmp_path, windows_flushes
):
    target = tmp_path / "partners.json"
    files.write_text_atomically(target, "{}")
    assert target.read_text() == "{}"
    assert windows_flushes.folders == [] and len(windows_flushes.files) == 1


def test_the_windows_imitation_refuses_what_windows_refuses(tmp_path, windows_flushes):
    """The test double fails where Windows fails; without it the tests above prove nothing."""
    path = tmp_path / "x"
    path.write_bytes(b"x")
    fd = os.open(path, os.O_RDONLY)
    try:
        with pytest.raises(OSError) as raised:
            os.fsync(fd)
        assert raised.value.errno == 9  # EBADF
    finally:
        os.close(fd)
    with pytest.raises(PermissionError):
        os.open(tmp_path, os.O_RDONLY)
    assert sys.platform == "win32"


def test_backups_restoring_and_setting_aside_work_by_windows_rules(store_path, windows_flushes):
    with open_store(store_path) as store:
        services.save(
            store, "organization", {"name": "WCO", "kind": "intergovernmental_organization"}
        )
    made = take_backup(store_path, "manual", now=NOW)
    assert f".{made.path.name}.partial" in [p.name for p in windows_flushes.files]
    restored = restore_backup(store_path, made.path, now=NOW)
    assert restored.set_aside is not None and restored.set_aside.exists()
    assert set_aside(store_path, "damaged", now=NOW) is not None
    assert windows_flushes.folders == []


def test_a_store_of_the_first_version_is_migrated_after_a_backup_by_windows_rules(
    tmp_path, windows_flushes
):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "store-0001.sqlite", path)
    os.chmod(path, 0o600)
    with open_store(path):
        pass
    assert [b.reason for b in list_backups(path)] == ["migration"]


def test_on_macos_the_disk_is_asked_to_write_its_cache(tmp_path, monkeypatch):
    linux_only()
    import fcntl

    asked = []
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(fcntl, "F_FULLFSYNC", 51, raising=False)  # its value in macOS's fcntl.h
    monkeypatch.setattr(fcntl, "fcntl", lambda fd, cmd, *a: asked.append((path_of(fd), cmd)))
    monkeypatch.setattr(os, "fsync", lambda fd: pytest.fail("fsync where F_FULLFSYNC works"))
    target = tmp_path / "partners.json"
    files.write_text_atomically(target, "{}")
    assert [cmd for _, cmd in asked] == [51, 51]
    assert asked[1][0] == tmp_path


def test_on_macos_fsync_is_used_where_the_disk_cannot_be_asked(tmp_path, monkeypatch, flushes):
    import fcntl

    def refuse(fd, cmd, *args):
        raise OSError(45, "Operation not supported")  # ENOTSUP on macOS: an SMB share, say

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(fcntl, "F_FULLFSYNC", 51, raising=False)
    monkeypatch.setattr(fcntl, "fcntl", refuse)
    files.write_text_atomically(tmp_path / "partners.json", "{}")
    assert len(flushes.paths) == 2
