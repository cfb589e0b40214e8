"""Keeping a store healthy: verified backups and the integrity check."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from db.records.rules import CHAINS
from db.schema.kinds import BY_NAME, KINDS
from db.store import migrations, schema_check
from db.store.backups import verified_copy
from db.store.engine import Store


def backup(store: Store, target: str | os.PathLike[str]) -> Path:
    """A complete, verified copy of the store at ``target`` (see ``db.store.backups.verified_copy``):
    the target is either the previous file or a good backup, never a half-written one."""
    return verified_copy(store.path, Path(target), read_only=store.read_only)


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(store: Store) -> CheckReport:
    """SQLite's integrity check, the foreign keys, the search index, the schema version, the
    schema itself (nothing added by hand), and the chains the rules forbid to close on
    themselves (parents, agreements superseded): a store written by an older version, or
    changed by hand, may hold one.

    A store open read-only (another program has it open) is checked on a verified copy taken
    now through a read-only connection: SQLite checks the search index only through a write."""
    if store.read_only:
        with tempfile.TemporaryDirectory(prefix="partnerdesk-check-") as folder:
            copy = verified_copy(store.path, Path(folder) / store.path.name, read_only=True)
            with Store.open(copy) as checked:
                return check_store(checked)
    report = CheckReport()
    conn = store.raw_connection()
    try:
        # Data, never code: a trigger or view added to an open store is damage too.
        for found in schema_check.foreign_objects(conn, store.schema_revision()):
            report.problems.append(f"schema: {found}")
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
        report.problems += chains_closed(conn)
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"the store could not be read: {exc}")
    finally:
        conn.close()
    if store.schema_revision() != migrations.head_revision():
        report.problems.append(
            f"schema: at {store.schema_revision()}, expected {migrations.head_revision()}"
        )
    return report


_CIRCLES = {
    "parent_id": "{kinds} placed under one another in a circle",
    "supersedes_id": "{kinds} superseding one another in a circle",
}


def chains_closed(conn: sqlite3.Connection) -> list[str]:
    """One line per circle of records linked by a field of CHAINS (A under B under A; A
    supersedes B, which supersedes A), naming them in order."""
    found = []
    for kind_name, fields in CHAINS.items():
        kind = BY_NAME[kind_name]
        table = kind.table.__tablename__
        name = "title" if kind_name == "agreement" else "name"
        names = dict(conn.execute(f"SELECT id, {name} FROM {table}"))
        for link in fields:
            links = dict(conn.execute(f"SELECT id, {link} FROM {table} WHERE {link} IS NOT NULL"))
            for circle in _circles(links):
                shown = " → ".join(f"“{names.get(i) or i}”" for i in [*circle, circle[0]])
                what = _CIRCLES[link].format(kinds=kind.key.replace("_", " "))
                found.append(f"rules: {what}: {shown}")
    return found


def _circles(links: dict[str, str]) -> list[list[str]]:
    """Every circle of a graph where each node links to at most one other, once each."""
    walk_of: dict[str, str] = {}
    circles = []
    for start in links:
        path: list[str] = []
        node = start
        while node in links and node not in walk_of:
            walk_of[node] = start
            path.append(node)
            node = links[node]
        if walk_of.get(node) == start:
            circles.append(path[path.index(node) :])
    return circles
