"""Export and import of the whole store in the exchange format, in records per second, against
plain ``json`` and ``sqlite3`` doing the same work without PartnerDesk: reading every table and
writing the JSON (export); reading the JSON and inserting the same rows — records, parts,
links — with ``executemany`` in one transaction on a store with the same schema and pragmas
(import). The floor writes no change history and no search index: those are ours to pay for.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from bench.figures import Figure
from db.exchange import document
from db.records.services import open_store
from db.schema.kinds import KINDS
from db.store.engine import Store, apply_pragmas


def _count(doc: dict[str, Any]) -> int:
    return sum(len(doc.get(kind.key, [])) for kind in KINDS)


def export_ours(store: Store, target: Path) -> int:
    doc = document.export_document(store, exported_at="2026-11-23T09:00:00Z")
    document.write_file(doc, target)
    return _count(doc)


def export_floor(path: Path, target: Path) -> int:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    doc: dict[str, Any] = {"format": "partnerdesk", "version": 1}
    count = 0
    try:
        for kind in KINDS:
            tables = [kind.table.__tablename__] + [t.__tablename__ for t in kind.parts.values()]
            tables += [link.table.__tablename__ for link in kind.links.values()]
            for table in tables:
                rows = [dict(row) for row in conn.execute(f"SELECT * FROM {table}")]
                doc[table] = rows
                if table == kind.table.__tablename__:
                    count += len(rows)
    finally:
        conn.close()
    target.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return count


def import_ours(empty: Path, source: Path) -> int:
    with open_store(empty) as store:
        summary = document.import_file(store, source)
    return sum(
        sum(counter.values()) for counter in (summary.created, summary.updated, summary.unchanged)
    )


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value)
    return value


def import_floor(empty: Path, source: Path) -> int:
    """The same records into the same schema, as rows, with nothing checked or derived."""
    doc = json.loads(source.read_text(encoding="utf-8"))
    conn = sqlite3.connect(empty, isolation_level=None)
    count = 0
    try:
        apply_pragmas(conn)
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
        for kind in KINDS:
            items = doc.get(kind.key, [])
            count += len(items)
            columns = [s.name for s in kind.stored_in_columns]
            names = ["id", *columns, "created_at", "updated_at", "archived_at"]
            conn.executemany(
                # The default thematic tree is in every store already (ours leaves it unchanged).
                f"INSERT OR IGNORE INTO {kind.table.__tablename__} ({', '.join(names)}) "
                f"VALUES ({', '.join('?' for _ in names)})",
                [
                    (r["id"], *(_cell(r.get(c)) for c in columns), r["created_at"],
                     r["updated_at"], r["updated_at"] if r.get("archived") else None)
                    for r in items
                ],
            )  # fmt: skip
            for name, part_table in kind.parts.items():
                fields = [f.name for f in kind.field(name).fields]
                cols = [kind.owner_column, "position", *fields]
                conn.executemany(
                    f"INSERT INTO {part_table.__tablename__} ({', '.join(cols)}) "
                    f"VALUES ({', '.join('?' for _ in cols)})",
                    [
                        (r["id"], i, *(part.get(f) for f in fields))
                        for r in items
                        for i, part in enumerate(r.get(name) or [])
                    ],
                )
            for name, link in kind.links.items():
                conn.executemany(
                    f"INSERT INTO {link.table.__tablename__} ({kind.owner_column}, {link.column}) "
                    "VALUES (?, ?)",
                    [(r["id"], target) for r in items for target in r.get(name) or []],
                )
        conn.execute("COMMIT")
    finally:
        conn.close()
    return count


def measure_exchange(store: Store, folder: Path, empty_store: Path) -> list[Figure]:
    """One run each (a whole store takes long enough to need no repeats)."""
    ours_file, floor_file = folder / "export-ours.json", folder / "export-floor.json"
    start = time.perf_counter()
    exported = export_ours(store, ours_file)
    export_s = time.perf_counter() - start
    start = time.perf_counter()
    export_floor(store.path, floor_file)
    export_floor_s = time.perf_counter() - start
    floor_file.unlink()

    targets = []
    for name in ("import-ours.sqlite", "import-floor.sqlite"):
        shutil.copyfile(empty_store, folder / name)
        targets.append(folder / name)
    start = time.perf_counter()
    imported = import_ours(targets[0], ours_file)
    import_s = time.perf_counter() - start
    start = time.perf_counter()
    import_floor(targets[1], ours_file)
    import_floor_s = time.perf_counter() - start
    for target in targets:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    ours_file.unlink()

    def rate(count: int, seconds: float) -> float:
        return count / seconds if seconds else 0.0

    export_rate, export_floor_rate = rate(exported, export_s), rate(exported, export_floor_s)
    import_rate, import_floor_rate = rate(imported, import_s), rate(imported, import_floor_s)
    import_ratio = import_floor_rate / import_rate if import_rate else None
    return [
        Figure(
            "export of the whole store",
            round(export_rate),
            "records/s",
            round(export_floor_rate),
            round(export_floor_rate / export_rate, 2) if export_rate else None,
            "— (measured)",
            None,
            f"{exported:,} records in {export_s:.1f} s",
        ),
        Figure(
            "import of the whole store",
            round(import_rate),
            "records/s",
            round(import_floor_rate),
            round(import_ratio, 2) if import_ratio else None,
            "≥ 20,000 records/s and ≤ 5× floor",
            import_rate >= 20_000 and import_ratio is not None and import_ratio <= 5,
            f"{imported:,} records in {import_s:.1f} s, into an empty store",
        ),
    ]
