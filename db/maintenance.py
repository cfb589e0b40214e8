"""Keeping a store healthy: verified backups and the integrity check."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from db.engine import Store
from db.errors import StorageError


def backup(store: Store, target: str | os.PathLike[str]) -> Path:
    """A complete copy taken with SQLite's backup API (consistent while the store is in use),
    written to a temporary file, integrity-checked, flushed to disk and only then renamed into
    place: the target is either the previous file or a good backup, never a half-written one."""
    target = Path(target).expanduser().resolve()
    if target == store.path:
        raise StorageError("A backup cannot replace the store itself; choose another file name.")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = target.with_name(f".{target.name}.partial")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        os.close(fd)
        source = store.raw_connection()
        copy = sqlite3.connect(tmp, isolation_level=None)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
            source.close()
        if verdict != "ok":
            raise StorageError(
                f"The backup could not be verified ({verdict}); the store was not changed."
            )
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync(target.parent)
    except OSError as exc:
        raise StorageError(f"Cannot write the backup {target}: {exc.strerror}.") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # some systems cannot open a folder; the file itself was flushed
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(store: Store) -> CheckReport:
    """SQLite's integrity check, the foreign keys, the search index and the schema version."""
    from db import migrations
    from db.kinds import KINDS

    report = CheckReport()
    conn = store.raw_connection()
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            report.problems += [f"integrity: {r}" for r in rows[:20]]
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            report.problems.append(
                f"foreign key: row {rowid} of {table} points at a missing {parent}"
            )
        try:
            conn.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            report.problems.append(f"search index: {exc}")
        for kind in KINDS:
            table = kind.table.__tablename__
            report.counts[kind.key] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            unindexed = conn.execute(
                f"SELECT count(*) FROM {table} t LEFT JOIN search_entry e ON e.record_id = t.id WHERE e.rowid IS NULL"
            ).fetchone()[0]
            if unindexed:
                report.problems.append(f"search index: {unindexed} {kind.key} are missing from it")
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"the store could not be read: {exc}")
    finally:
        conn.close()
    if store.schema_revision() != migrations.head_revision():
        report.problems.append(
            f"schema: at {store.schema_revision()}, expected {migrations.head_revision()}"
        )
    return report
