"""Building the synthetic store through the real services, a batch at a time.

Each batch is one ``db.records.services.save_many`` call — parsed, checked against the store, written
with its change history and search entries, committed — of at most ``bench.data.BATCH`` records
of one kind, so that no record refers to another of its own batch (save_many checks references
against the store as it is before the batch).
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.data import BATCH, HEAVY_NAME, Size, records
from db.records import services
from db.records.services import open_store
from db.schema.kinds import BY_NAME


@dataclass
class Built:
    path: Path
    size: Size
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)  # kind -> records in the store
    heavy_id: str = ""
    heavy_share: dict[str, float] = field(default_factory=dict)  # kind -> share involving it
    file_mb: float = 0.0

    @property
    def rate(self) -> float:
        return self.size.total / self.seconds


def build_store(path: Path, size: Size, *, progress=None) -> Built:
    """A new store at ``path`` with every record of ``size`` saved through the services."""
    start = time.perf_counter()
    with open_store(path) as store:
        done = 0
        for _kind, group in itertools.groupby(records(size), key=lambda item: item[0]):
            for batch in _batches(group, BATCH):
                services.save_many(store, batch)
                done += len(batch)
                if progress:
                    progress(done, size.total, time.perf_counter() - start)
    seconds = time.perf_counter() - start
    built = Built(path=path, size=size, seconds=seconds)
    _describe(built)
    return built


def _batches(items, size: int):
    items = iter(items)
    while batch := list(itertools.islice(items, size)):
        yield batch


def _describe(built: Built) -> None:
    """Count what the store holds, with plain SQL: the benchmark builds what it claims."""
    conn = sqlite3.connect(built.path)
    try:
        for kind in built.size.counts():
            table = BY_NAME[kind].table.__tablename__
            built.counts[kind] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        built.heavy_id = conn.execute(
            "SELECT id FROM organization WHERE name = ?", (HEAVY_NAME,)
        ).fetchone()[0]
        heavy = (built.heavy_id,)
        involving = {
            "contact": "SELECT count(*) FROM contact WHERE organization_id = ?",
            "agreement": "SELECT count(DISTINCT agreement_id) FROM agreement_party "
            "WHERE organization_id = ?",
            "consultation": "SELECT count(*) FROM consultation_organization "
            "WHERE organization_id = ?",
            "activity": "SELECT count(*) FROM activity WHERE lead_organization_id = ?",
        }
        for kind, sql in involving.items():
            total = built.counts[kind] or 1
            built.heavy_share[kind] = conn.execute(sql, heavy).fetchone()[0] / total
    finally:
        conn.close()
    built.file_mb = built.path.stat().st_size / 2**20
