"""Verified backups beside the store, taken automatically and thinned like Anki's.

Backups of the store in PartnerDesk's data folder live in ``backups/`` next to it; a store kept
elsewhere (``--db ~/trial.sqlite``) keeps them in a folder named after it (``trial.backups/``),
so that nothing loose appears among the officer's own files. One self-contained SQLite file each,
named ``partnerdesk-20261123T154512Z-opening.sqlite`` (UTC time, then why it was taken).
Attachments are kept inside the store, so every backup holds them too.

A backup is taken with SQLite's backup API (consistent while the store is in use) into a
temporary file, integrity-checked, flushed to disk and only then renamed into place: a backup
file is complete and sound, or absent. This module needs no open Store: it works on paths, so
that the store can be backed up before it is migrated and restored when it cannot be opened.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from db import clock
from db.errors import StorageError, damaged
from db.i18n import translate
from db.store import connections, schema_check
from db.store.files import flush_file, flush_folder
from db.store.migrations import known_revisions
from db.store.places import backup_folder, backup_folders

BUSY_TIMEOUT_S = 10
REASONS = ("opening", "closing", "migration", "manual")
REVISION_KEY = "store_revision"  # in the setting table: bumped by every commit that changed data


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # UTC
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


# -- taking a backup ---------------------------------------------------------------------------------
def verified_copy(source: Path, target: Path, *, read_only: bool = False) -> Path:
    """Copy the SQLite database at ``source`` to ``target``: temporary file, backup API,
    integrity check, fsync, atomic rename. ``target`` is the previous file or a good copy.
    ``read_only`` reads ``source`` through a read-only connection, which never checkpoints it nor
    deletes its journal (a store another process has open)."""
    target = Path(target).expanduser().resolve()
    if target == Path(source).resolve():
        raise StorageError(
            translate(
                "storage", "A backup cannot replace the store itself; choose another file name."
            )
        )
    tmp = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        os.close(fd)
        origin = connections.connect(source, read_only=read_only, timeout=BUSY_TIMEOUT_S)
        copy = sqlite3.connect(tmp, isolation_level=None)
        connections.distrust(copy)
        try:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
            origin.close()
        if verdict != "ok":
            raise StorageError(
                translate(
                    "storage", "The copy could not be verified ({problem}); nothing was replaced."
                ).format(problem=verdict)
            )
        flush_file(tmp)
        os.replace(tmp, target)
        flush_folder(target.parent)
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            translate("storage", "Cannot copy {path}: {reason}.").format(path=source, reason=exc)
        ) from exc
    except OSError as exc:
        raise StorageError(
            translate("storage", "Cannot write {path}: {reason}.").format(
                path=target, reason=exc.strerror
            )
        ) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def take_backup(store_path: Path, reason: str, *, now: datetime | None = None) -> BackupFile:
    """A verified backup of the store into its backups folder."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    taken_at = (now or clock.now()).astimezone(UTC).replace(microsecond=0)
    folder = backup_folder(store_path)
    stem = Path(store_path).stem
    name = f"{stem}-{taken_at:%Y%m%dT%H%M%SZ}-{reason}"
    target, n = folder / f"{name}.sqlite", 1
    while target.exists():  # two backups in one second: keep both
        n += 1
        target = folder / f"{name}-{n}.sqlite"
    verified_copy(Path(store_path), target)
    return BackupFile(target, taken_at, reason)


def backup_if_changed(
    store_path: Path, reason: str, *, now: datetime | None = None
) -> BackupFile | None:
    """A backup unless the newest one already holds every change the store has."""
    current = store_revision(Path(store_path))
    newest = next(iter(list_backups(store_path)), None)
    if newest is not None and current is not None and store_revision(newest.path) == current:
        return None
    return take_backup(store_path, reason, now=now)


def store_revision(path: Path) -> int | None:
    """How many committed changes the store (or a backup) has seen; None when unknown."""
    try:
        conn = _read_only(path)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (REVISION_KEY,)).fetchone()
        return int(row[0]) if row else 0
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()


def _read_only(path: Path) -> sqlite3.Connection:
    return connections.connect(path, read_only=True, timeout=BUSY_TIMEOUT_S)


# -- finding backups -------------------------------------------------------------------------------
_NAME = re.compile(r"-(\d{8}T\d{6}Z)-([a-z]+)(?:-\d+)?\.sqlite$")
_OLD_MANUAL = re.compile(r"-(\d{8})-(\d{6})\.sqlite$")  # manual backups of the first version


def list_backups(store_path: Path) -> list[BackupFile]:
    """The store's backups, newest first. Files of other stores or of other programs are ignored."""
    stem = Path(store_path).stem
    found = []
    entries = []
    for folder in backup_folders(store_path):
        try:
            entries += list(folder.iterdir())
        except OSError:
            continue
    for path in entries:
        name = path.name
        if not name.startswith(stem + "-") or not path.is_file():
            continue
        rest = name[len(stem) :]
        if match := _NAME.fullmatch(rest):
            taken = datetime.strptime(match[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            found.append(BackupFile(path, taken, match[2]))
        elif match := _OLD_MANUAL.fullmatch(rest):
            taken = datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S").astimezone(UTC)
            found.append(BackupFile(path, taken, "manual"))
    return sorted(found, key=lambda b: (b.taken_at, _mtime(b.path), b.path.name), reverse=True)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns  # orders two backups taken within the same second
    except OSError:
        return 0


def problem_with_backup(path: Path) -> str | None:
    """Why the file cannot be restored (not SQLite, damaged, not a PartnerDesk store, made by a
    newer version), or None when it is a sound PartnerDesk store."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return translate("storage", "it is not a regular file (a folder, a pipe or a device)")
        # Its first bytes are read as a file only when no connection of this process has it
        # open (closing the descriptor would release SQLite's locks on it).
        if connections.open_count(path) == 0:
            with Path(path).open("rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    return translate("storage", "it is not an SQLite database")
        conn = _read_only(path)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                return damaged(verdict)
            try:
                revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.OperationalError:
                return translate("storage", "it is not a PartnerDesk store")
            if revision is None or revision[0] not in known_revisions():
                return translate("storage", "it was written by a newer version of PartnerDesk")
            foreign = schema_check.foreign_objects(conn, revision[0])
            if foreign:
                return schema_check.described(foreign)
        finally:
            conn.close()
    except OSError as exc:
        return translate("storage", "it cannot be read ({reason})").format(reason=exc.strerror)
    except sqlite3.DatabaseError as exc:
        return damaged(exc)
    return None


def newest_good_backup(store_path: Path) -> BackupFile | None:
    for candidate in list_backups(store_path):
        if problem_with_backup(candidate.path) is None:
            return candidate
    return None


# -- thinning --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Thinning:
    """How many automatic backups to keep: the most recent few whatever their age, then the newest
    of each of the last days, weeks and months. Manual backups are never removed, nor the newest
    one taken before a migration."""

    recent: int = 10
    daily: int = 7
    weekly: int = 8
    monthly: int = 12


def backups_to_remove(
    backups: Iterable[BackupFile], now: datetime, policy: Thinning = Thinning()
) -> list[BackupFile]:
    newest_first = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    automatic = [b for b in newest_first if b.reason != "manual"]
    keep: set[Path] = {b.path for b in automatic[: policy.recent]}
    migrations = [b for b in automatic if b.reason == "migration"]
    if migrations:
        keep.add(migrations[0].path)
    today = now.astimezone(UTC).date()

    def keep_newest_per(period, count: int) -> None:
        latest = period(today)
        seen: set = set()
        for b in automatic:
            key = period(b.taken_at.date())
            if key in seen or _periods_between(key, latest) >= count:
                continue
            seen.add(key)
            keep.add(b.path)

    keep_newest_per(lambda d: ("day", d.toordinal()), policy.daily)
    keep_newest_per(lambda d: ("week", d.toordinal() - d.weekday()), policy.weekly)
    keep_newest_per(lambda d: ("month", d.year * 12 + d.month - 1), policy.monthly)
    return [b for b in automatic if b.path not in keep]


def _periods_between(key: tuple[str, int], latest: tuple[str, int]) -> int:
    unit, value = key
    step = 7 if unit == "week" else 1
    return (latest[1] - value) // step


def thin_backups(
    store_path: Path, *, now: datetime | None = None, policy: Thinning = Thinning()
) -> list[Path]:
    """Remove the automatic backups that the policy no longer keeps; returns what was removed."""
    removed = []
    for backup in backups_to_remove(list_backups(store_path), now or clock.now(), policy):
        try:
            backup.path.unlink()
        except OSError:
            continue  # a backup that cannot be removed now is tried again next time
        removed.append(backup.path)
    return removed
