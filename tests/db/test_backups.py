"""Verified automatic backups: taken when the store changed, complete with attachments,
owner-only, taken before a migration, and thinned to recent, daily, weekly and monthly copies."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from db.errors import StorageError
from db.records import services
from db.records.services import open_store
from db.store import backups
from db.store.backups import BackupFile, Thinning, backups_to_remove, list_backups, take_backup
from db.store.engine import Store
from tests.db.test_migration_safety import FIXTURES

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def _organization(store: Store, name: str = "International Organization for Migration") -> str:
    return services.save(
        store, "organization", {"name": name, "kind": "intergovernmental_organization"}
    )


def test_every_commit_that_changes_data_counts_and_reads_do_not(store):
    start = backups.store_revision(store.path)
    record_id = _organization(store)
    after_save = backups.store_revision(store.path)
    assert after_save == start + 1
    services.get(store, "organization", record_id)
    services.find(store, "Migration")
    assert backups.store_revision(store.path) == after_save
    services.archive(store, "organization", record_id)
    assert backups.store_revision(store.path) == after_save + 1


def test_a_backup_is_taken_only_when_the_store_changed_since_the_newest(store):
    first = backups.backup_if_changed(store.path, "opening", now=NOW)
    assert first is not None and first.reason == "opening"
    assert backups.backup_if_changed(store.path, "closing", now=NOW + timedelta(hours=1)) is None
    _organization(store)
    second = backups.backup_if_changed(store.path, "closing", now=NOW + timedelta(hours=2))
    assert second is not None
    assert [b.path for b in list_backups(store.path)] == [second.path, first.path]


def test_a_backup_is_complete_sound_and_readable_by_the_owner_only(store, tmp_path):
    record_id = _organization(store)
    scan = tmp_path / "signed MoU.pdf"
    scan.write_bytes(b"%PDF-1.4 signed copy" * 100)
    services.attach_file(store, "organization", record_id, scan)
    made = take_backup(store.path, "manual", now=NOW)
    assert made.path.parent == store.path.parent / "store.backups"  # named after its store
    assert made.path.name == "store-20261123T150000Z-manual.sqlite"
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700
    assert backups.problem_with_backup(made.path) is None
    with open_store(made.path) as copy:
        [attachment] = services.attachments_of(copy, "organization", record_id)
        assert services.attachment_bytes(copy, attachment.id) == scan.read_bytes()
        assert services.get(copy, "organization", record_id)["name"].startswith("International")


def test_two_backups_in_the_same_second_are_both_kept(store):
    one = take_backup(store.path, "manual", now=NOW)
    two = take_backup(store.path, "manual", now=NOW)
    assert one.path != two.path and one.path.exists() and two.path.exists()


def test_a_backup_that_cannot_be_written_leaves_nothing_half_written(store, tmp_path):
    blocker = tmp_path / "store.backups"
    blocker.write_text("a file where the backups folder should be")
    with pytest.raises(StorageError, match="Cannot write"):
        take_backup(store.path, "manual", now=NOW)
    assert blocker.read_text().startswith("a file")


def test_the_store_is_backed_up_before_a_migration_changes_it(tmp_path):
    from db.store import migrations

    store_path = tmp_path / "partnerdesk.sqlite"
    shutil.copyfile(FIXTURES / "store-0001.sqlite", store_path)  # the first schema's store
    with open_store(store_path) as store:
        assert store.schema_revision() == migrations.head_revision() != "0001"
    [made] = list_backups(store_path)
    assert made.reason == "migration"
    conn = sqlite3.connect(made.path)
    # The file as the older version left it.
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    conn.close()


def test_the_newest_sound_backup_skips_damaged_ones(store):
    good = take_backup(store.path, "opening", now=NOW - timedelta(days=1))
    damaged = take_backup(store.path, "closing", now=NOW)
    data = bytearray(damaged.path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)
    damaged.path.write_bytes(bytes(data))
    assert backups.problem_with_backup(damaged.path).startswith("it is damaged")
    assert backups.newest_good_backup(store.path).path == good.path


def test_files_that_are_not_this_stores_backups_are_ignored(store):
    folder = backups.backup_folder(store.path)
    folder.mkdir()
    (folder / "other-20261123T150000Z-opening.sqlite").write_bytes(b"")
    (folder / "store-notes.txt").write_text("mine")
    (folder / "store-20261123T150000Z-opening.sqlite").write_bytes(b"")
    assert [b.reason for b in list_backups(store.path)] == ["opening"]


def test_a_store_outside_the_data_folder_keeps_its_backups_in_a_folder_named_after_it(
    store, tmp_path
):
    # partnerdesk --db /tmp/x.sqlite: no loose backups/ among the officer's files.
    made = take_backup(store.path, "opening", now=NOW)
    assert made.path.parent == tmp_path / "store.backups"
    assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700
    assert not (tmp_path / "backups").exists()
    # Backups an earlier version wrote into backups/ beside the store are still found (the
    # recovery dialog and partnerdesk restore offer them).
    earlier = tmp_path / "backups"
    earlier.mkdir()
    old = earlier / "store-20261120T080000Z-closing.sqlite"
    shutil.copyfile(made.path, old)
    (earlier / "other-20261124T080000Z-closing.sqlite").write_bytes(b"")  # another store's
    assert [b.path for b in list_backups(store.path)] == [made.path, old]
    assert backups.newest_good_backup(store.path).path == made.path


def test_the_store_in_the_data_folder_keeps_its_backups_in_backups(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    data = tmp_path / "data" / "PartnerDesk"
    with open_store(data / "partnerdesk.sqlite") as store:
        made = take_backup(store.path, "opening", now=NOW)
    assert made.path.parent == data / "backups"
    assert [b.path for b in list_backups(data / "partnerdesk.sqlite")] == [made.path]


# -- thinning, with a fake clock -------------------------------------------------------------------
def _history(days: int) -> list[BackupFile]:
    """Two automatic backups a day (opening at 08:00, closing at 18:00) for ``days`` days."""
    made = []
    for back in range(days):
        day = NOW - timedelta(days=back)
        for hour, reason in ((8, "opening"), (18, "closing")):
            moment = day.replace(hour=hour)
            if moment <= NOW:
                made.append(BackupFile(Path(f"/b/{moment:%Y%m%dT%H%M}-{reason}"), moment, reason))
    return made


def test_thinning_keeps_recent_daily_weekly_and_monthly_copies():
    history = _history(800)
    removed = {b.path for b in backups_to_remove(history, NOW)}
    kept = sorted((b for b in history if b.path not in removed), key=lambda b: b.taken_at)
    kept_times = [b.taken_at for b in kept]
    newest_first = sorted(history, key=lambda b: b.taken_at, reverse=True)
    # the ten most recent, whatever their age
    assert all(b.path not in removed for b in newest_first[:10])
    # one for each of the last 7 days
    days = {b.taken_at.date() for b in kept}
    assert all((NOW - timedelta(days=n)).date() in days for n in range(7))
    # one for each of the last 8 weeks, and each of the last 12 months
    assert len({(t.isocalendar()[0], t.isocalendar()[1]) for t in kept_times}) >= 8
    months = {(t.year, t.month) for t in kept_times}
    assert all(
        ((NOW.year * 12 + NOW.month - 1 - n) // 12, (NOW.month - 1 - n) % 12 + 1) in months
        for n in range(12)
    )
    # and nothing older than a year
    assert min(kept_times) > NOW - timedelta(days=366)
    assert len(kept) < 40  # out of 1,600


def test_thinning_never_removes_manual_backups_nor_the_newest_before_a_migration():
    history = _history(400)
    old = NOW - timedelta(days=600)
    manual = BackupFile(Path("/b/manual"), old, "manual")
    migration = BackupFile(Path("/b/migration"), old, "migration")
    removed = {b.path for b in backups_to_remove([*history, manual, migration], NOW)}
    assert manual.path not in removed and migration.path not in removed


def test_thinning_a_folder_removes_only_what_the_policy_drops(store):
    for back in range(30):
        take_backup(store.path, "opening", now=NOW - timedelta(days=back))
    take_backup(store.path, "manual", now=NOW - timedelta(days=400))
    removed = backups.thin_backups(
        store.path, now=NOW, policy=Thinning(recent=3, daily=5, weekly=3, monthly=2)
    )
    left = list_backups(store.path)
    assert len(removed) + len(left) == 31
    assert {b.reason for b in left} == {"opening", "manual"}
    assert all(not path.exists() for path in removed)
    # 23 Nov 2026 is a Monday: the last 5 days (19–23 Nov), the newest of the week of 9–15 Nov
    # (the week of 16–22 Nov already has one), the newest of October (31 Oct).
    days = sorted(b.taken_at.day for b in left if b.reason == "opening")
    assert days == [15, 19, 20, 21, 22, 23, 31]
