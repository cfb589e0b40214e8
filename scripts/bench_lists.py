"""How fast the window's lists are on a large store, against the floor of plain SQLite.

Builds a store of 100,000 joint activities in a temporary folder with tests/bulk.py, then times
db.listing (opening the store; matching_ids unfiltered under three sorts and under four filters;
column_values for a page of 100 rows; count) and, on the same file, the equivalent hand-written
sqlite3 query for each line. Prints the median of the runs, the ratio ours/raw, and whether both
gave the same result. Not a test: nothing is asserted.

    .venv/bin/python scripts/bench_lists.py [--activities 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy  # noqa: E402
from sqlalchemy.exc import OperationalError  # noqa: E402

from db import listing  # noqa: E402
from db.engine import Store  # noqa: E402
from db.listing import ListFilter  # noqa: E402
from tests.bulk import fill_bulk  # noqa: E402

TODAY = date.today()
LINE_BUDGET_S = 4.0  # stop repeating a line once its runs have taken this long
SLOW_CAP_S = 5.0  # stop a single query that runs longer than this (reported as "> cap")

LIVE = "archived_at IS NULL"
NEWEST_FIRST = "ORDER BY start_on IS NULL, start_on DESC, id"  # the list's default order
LEAD = (
    "(SELECT coalesce(nullif(o.acronym, ''), o.name) FROM organization o "
    "WHERE o.id = a.lead_organization_id)"
)
FTS = (
    "SELECT e.record_id FROM search_index JOIN search_entry e ON e.rowid = search_index.rowid "
    "WHERE search_index MATCH ? AND e.record_kind = 'activity'"
)
PAGE_COLUMNS = (
    "SELECT a.id, a.start_on, a.end_on, a.title, a.kind, a.status, "
    "CASE WHEN coalesce(a.city, '') != '' AND coalesce(a.country, '') != '' "
    "THEN a.city || ', ' || a.country ELSE coalesce(a.city, '') || coalesce(a.country, '') END, "
    f"a.participants_total, {LEAD} FROM activity a WHERE a.id IN "
)


class Stopped(Exception):
    pass


def timed(action: Callable[[], Any], runs: int) -> tuple[float | None, int, Any]:
    """Median seconds over up to ``runs`` runs (fewer when slow), the runs made, the last result."""
    times: list[float] = []
    result: Any = None
    while len(times) < runs:
        start = time.perf_counter()
        try:
            result = action()
        except Stopped:
            return None, len(times) + 1, None
        times.append(time.perf_counter() - start)
        if sum(times) > LINE_BUDGET_S:
            break
    return statistics.median(times), len(times), result


def capped(connection: sqlite3.Connection) -> Callable[[], None]:
    """Stop whatever this connection runs after SLOW_CAP_S seconds; returns the undo."""
    deadline = time.perf_counter() + SLOW_CAP_S
    connection.set_progress_handler(lambda: time.perf_counter() > deadline, 10_000)
    return lambda: connection.set_progress_handler(None, 0)


class Bench:
    def __init__(self, path: Path, runs: int):
        self.path = path
        self.runs = runs
        self.store = Store.open(path)
        self.raw = sqlite3.connect(path)
        self.rows: list[tuple[str, ...]] = []

    def ours(self, kind: str, flt: ListFilter, what: str = "ids") -> Callable[[], Any]:
        def run() -> Any:
            with self.store.reading() as session:
                dbapi = session.connection().connection.driver_connection
                undo = capped(dbapi)
                try:
                    if what == "count":
                        return listing.count(session, kind, flt, TODAY)
                    return listing.matching_ids(session, kind, flt, TODAY)
                except OperationalError as exc:
                    raise Stopped from exc
                finally:
                    undo()

        return run

    def sql(self, query: str, params: tuple = (), *, scalar: bool = False) -> Callable[[], Any]:
        def run() -> Any:
            undo = capped(self.raw)
            try:
                rows = self.raw.execute(query, params).fetchall()
            except sqlite3.OperationalError as exc:
                raise Stopped from exc
            finally:
                undo()
            return rows[0][0] if scalar else [row[0] for row in rows]

        return run

    def line(self, label: str, ours: Callable[[], Any], raw: Callable[[], Any], same=None) -> None:
        ours_s, ours_runs, ours_result = timed(ours, self.runs)
        raw_s, _raw_runs, raw_result = timed(raw, self.runs)
        if ours_result is None or raw_result is None:
            agree = "?"
        else:
            agree = "yes" if (same or (lambda a, b: a == b))(ours_result, raw_result) else "NO"
        if isinstance(raw_result, list):
            size = f"{len(raw_result):,}"
        else:
            size = f"{raw_result:,}" if isinstance(raw_result, int) else "-"
        ratio = f"{ours_s / raw_s:7.1f}x" if ours_s and raw_s else "      -"
        self.rows.append(
            (
                label,
                _ms(ours_s),
                _ms(raw_s),
                ratio,
                size,
                agree,
                "" if ours_runs == self.runs else f"{ours_runs} run(s)",
            )
        )

    def print_table(self) -> None:
        heads = ("", "ours ms", "raw ms", "ours/raw", "rows", "same", "note")
        widths = [max(len(str(r[i])) for r in [heads, *self.rows]) for i in range(len(heads))]
        left = (0, len(heads) - 1)  # the label and the note; figures are right-aligned

        def cells(row: tuple) -> str:
            return "  ".join(
                str(value).ljust(width) if i in left else str(value).rjust(width)
                for i, (value, width) in enumerate(zip(row, widths, strict=True))
            ).rstrip()

        print(cells(heads))
        print("  ".join("-" * width for width in widths))
        for row in self.rows:
            print(cells(row))

    def close(self) -> None:
        self.raw.close()
        self.store.close()


def _ms(seconds: float | None) -> str:
    return f"> {SLOW_CAP_S * 1000:,.0f}" if seconds is None else f"{seconds * 1000:,.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="runs per line (median)")
    args = parser.parse_args()

    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s)"
    )
    with tempfile.TemporaryDirectory(prefix="partnerdesk-bench-") as folder:
        path = Path(folder) / "store.sqlite"
        Store.open(path).close()
        start = time.perf_counter()
        bulk = fill_bulk(path, activities=args.activities, today=TODAY)
        built = time.perf_counter() - start
        size = path.stat().st_size / 2**20
        print(
            f"Store: {args.activities:,} activities, {bulk.counts['organization']} organizations, "
            f"{bulk.counts['agreement']:,} agreements, {bulk.counts['follow_up']:,} follow-ups, "
            f"{size:.0f} MiB, built in {built:.1f} s by tests/bulk.py"
        )
        print(
            f"Median of up to {args.runs} runs (fewer once a line has taken "
            f"{LINE_BUDGET_S:.0f} s); a query still running after {SLOW_CAP_S:.0f} s is stopped.\n"
        )
        bench = Bench(path, args.runs)
        try:
            run_lines(bench, bulk)
        finally:
            bench.close()
    bench.print_table()


def run_lines(bench: Bench, bulk) -> None:
    raw = bench.raw

    def open_store() -> str | None:
        with Store.open(bench.path) as store:
            return store.schema_revision()

    def open_raw() -> str:
        conn = sqlite3.connect(bench.path)
        try:
            return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            conn.close()

    bench.line("(a) open the store", open_store, open_raw)

    ours, sql = bench.ours, bench.sql
    bench.line(
        "(b) no filter, by start (newest first)",
        ours("activity", ListFilter()),
        sql(f"SELECT id FROM activity WHERE {LIVE} {NEWEST_FIRST}"),
    )
    bench.line(
        "(b) no filter, by title",
        ours("activity", ListFilter(sort_key="title")),
        sql(f"SELECT id FROM activity WHERE {LIVE} ORDER BY title, id"),
    )
    bench.line(
        "(b) no filter, by lead organization",
        ours("activity", ListFilter(sort_key="lead")),
        sql(f"SELECT a.id FROM activity a WHERE a.{LIVE} ORDER BY {LEAD} IS NULL, {LEAD}, a.id"),
    )

    border = raw.execute("SELECT id FROM thematic_area WHERE code = 'BM'").fetchone()[0]
    areas = [border] + [
        r[0] for r in raw.execute("SELECT id FROM thematic_area WHERE parent_id = ?", (border,))
    ]
    marks = ", ".join("?" for _ in areas)
    bench.line(
        "(c) thematic area (BM and sub-areas)",
        ours("activity", ListFilter(thematic_area_id=border)),
        sql(
            f"SELECT id FROM activity WHERE {LIVE} AND id IN (SELECT activity_id FROM "
            f"activity_thematic_area WHERE thematic_area_id IN ({marks})) {NEWEST_FIRST}",
            tuple(areas),
        ),
    )
    for label, partner in (
        ("(c) partner: a main one", bulk.organization_ids[1]),
        ("(c) partner: a minor one", bulk.organization_ids[-1]),
    ):
        bench.line(
            label,
            ours("activity", ListFilter(partner_id=partner)),
            sql(
                f"SELECT id FROM activity WHERE {LIVE} AND (lead_organization_id = ? OR id IN "
                f"(SELECT activity_id FROM activity_partner WHERE organization_id = ?)) "
                f"{NEWEST_FIRST}",
                (partner, partner),
            ),
        )
    bench.line(
        "(c) text 'lusaka'",
        ours("activity", ListFilter(text="lusaka")),
        sql(
            f"SELECT id FROM activity WHERE {LIVE} AND id IN ({FTS}) {NEWEST_FIRST}", ('"lusaka"*',)
        ),
    )
    bench.line(
        "(c) status completed",
        ours("activity", ListFilter(status="completed")),
        sql(f"SELECT id FROM activity WHERE {LIVE} AND status = 'completed' {NEWEST_FIRST}"),
    )

    everything = raw.execute(f"SELECT id FROM activity WHERE {LIVE} {NEWEST_FIRST}").fetchall()
    page = [row[0] for row in everything[len(everything) // 2 :][:100]]

    def page_ours() -> list:
        with bench.store.reading() as session:
            shown = listing.column_values(session, "activity", page, TODAY)
        return sorted((i, *row.values()) for i, row in shown.items())

    def page_raw() -> list:
        query = PAGE_COLUMNS + "(" + ", ".join("?" for _ in page) + ")"
        return sorted(raw.execute(query, page).fetchall())

    def same_page(ours_rows: list, raw_rows: list) -> bool:
        as_text = [tuple(v.isoformat() if isinstance(v, date) else v for v in r) for r in ours_rows]
        return as_text == raw_rows

    bench.line("(d) column_values, page of 100", page_ours, page_raw, same_page)
    bench.line(
        "(e) count, no filter",
        ours("activity", ListFilter(), "count"),
        sql(f"SELECT count(*) FROM activity WHERE {LIVE}", scalar=True),
    )
    bench.line(
        "(e) count, status completed",
        ours("activity", ListFilter(status="completed"), "count"),
        sql(f"SELECT count(*) FROM activity WHERE {LIVE} AND status = 'completed'", scalar=True),
    )


if __name__ == "__main__":
    main()
