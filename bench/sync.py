"""A sync bundle of changed records, written by one store and merged into another (issue 16): the
rate in records per second against the exchange format's import rate and its floor measured in
the same run (bench/exchange.py), which is what the issue asks the merge to keep up with.

Two verified copies of the benchmark's store stand for two laptops that share its past (a copy
takes an id of its own, docs/sync.md); the sender changes the notes of up to 10,000 contacts and
organizations through db.services, as an officer's edits, then writes a bundle for the receiver
(what it lacks: those changes, the records they touch) and the receiver merges it in one unit of
work. Writing the edits is not timed; writing the bundle and merging it are. Three rounds, each
of new edits, and the median round is the figure: one round of a few seconds moves by a third
either way on a busy disk, where the import it is compared with runs for minutes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import NamedTuple

from bench.figures import Figure
from db.exchange import bundles
from db.records import changelog, services, shape
from db.records.maintenance import backup
from db.schema.kinds import BY_NAME
from db.store.engine import Store

CHANGED = 10_000
ROUNDS = 3


class _Round(NamedTuple):
    changed: int  # records edited on the sender
    changes: int  # changes in the bundle
    write_s: float
    merge_s: float
    alone: bool  # every changed record merged by itself, none in conflict

    @property
    def rate(self) -> float:
        seconds = self.write_s + self.merge_s
        return self.changed / seconds if self.alone and seconds else 0.0


def _change_notes(store: Store, most: int, round_: int = 0) -> int:
    """The notes of up to ``most`` contacts, then organizations, changed in batches."""
    items: list[tuple[str, dict]] = []
    with store.reading() as session:
        for kind_name in ("contact", "organization"):
            for values in shape.read_many(session, BY_NAME[kind_name]):
                if len(items) == most:
                    break
                raw = shape.dump(BY_NAME[kind_name], values)
                raw["notes"] = f"Reviewed on mission {round_ + 1} ({len(items)})."
                items.append((kind_name, raw))
    for start in range(0, len(items), 2_000):
        services.save_many(store, items[start : start + 2_000])
    return len(items)


def measure_sync(store: Store, folder: Path, import_figure: Figure) -> Figure:
    sender_path, receiver_path = folder / "sync-sender.sqlite", folder / "sync-receiver.sqlite"
    bundle = folder / "changes.pdsync"
    backup(store, sender_path)
    backup(store, receiver_path)
    rounds: list[_Round] = []
    with services.open_store(sender_path) as sender, services.open_store(receiver_path) as receiver:
        receiver_id = receiver.store_id()
        for round_ in range(ROUNDS):
            with receiver.reading() as session:
                vector = changelog.version_vector(session)
            with sender.unit_of_work() as session:  # as if the receiver's last bundle had come
                bundles.remember(session, receiver_id, vector)
            changed = _change_notes(sender, CHANGED, round_)
            # What was just written (the two copies of the store, the edits) is flushed before
            # the clock starts: the kernel writing it back is the set-up's cost, not the sync's.
            if hasattr(os, "sync"):  # Unix
                os.sync()
            start = time.perf_counter()
            doc, _known = bundles.write_bundle(sender, bundle, for_store=receiver_id)
            write_s = time.perf_counter() - start
            start = time.perf_counter()
            report = bundles.sync_in(receiver, bundle)
            merge_s = time.perf_counter() - start
            alone = len(report.merged) == changed and not report.conflicts
            rounds.append(_Round(changed, len(doc["changes"]), write_s, merge_s, alone))
    size_mb = bundle.stat().st_size / 1024 / 1024
    for path in (sender_path, receiver_path, bundle):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    middle = sorted(rounds, key=lambda r: r.rate)[len(rounds) // 2]
    rate = middle.rate
    all_alone = all(r.alone for r in rounds)
    import_rate, floor = import_figure.value, import_figure.floor
    return Figure(
        f"sync bundle of {middle.changed:,} changed records, written and merged",
        round(rate),
        "records/s",
        floor,
        round(floor / rate, 2) if floor and rate else None,
        f"≥ the exchange import rate ({import_rate:,} records/s)",
        rate >= import_rate and all_alone,
        f"median of {ROUNDS} rounds ({', '.join(f'{r.rate:,.0f}' for r in rounds)} records/s); "
        f"{middle.changes:,} changes, {size_mb:.1f} MB; written in {middle.write_s:.1f} s, "
        f"merged in {middle.merge_s:.1f} s; "
        + ("every record merged by itself" if all_alone else "a record was not merged by itself"),
    )
