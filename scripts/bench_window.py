"""How fast the window feels on a large store, against the floor of a bare PySide6 window and
of plain SQLite, in the same run.

Builds a store of 100,000 joint activities (tests/bulk.py), then times, with the offscreen
platform (or a display if one is set): a bare QMainWindow shown and painted (the floor); the
PartnerDesk main window opened with its dashboard filled; the activities page listing 100,000
records; an area filter; a partner filter; the global search. Each list line is compared with the
plain sqlite3 query that gives the same ids. Prints a table; asserts nothing.

    .venv/bin/python scripts/bench_window.py [--activities 100000] [--runs 3]
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
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import __version__ as pyside_version  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402

from db import listing  # noqa: E402
from db.engine import Store  # noqa: E402
from desktop.app import make_application  # noqa: E402
from desktop.desk import Desk  # noqa: E402
from desktop.drafts import Drafts  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.settings import Options  # noqa: E402
from desktop.worker import wait_for_background_work  # noqa: E402
from tests.bulk import fill_bulk  # noqa: E402

TODAY = date.today()


def wait_for(signal, timeout_ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def settle(app: QApplication) -> None:
    wait_for_background_work()
    app.processEvents()


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def raw_ms(path: Path, sql: str, params: tuple = (), runs: int = 3) -> tuple[float, int]:
    conn = sqlite3.connect(path)
    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        rows = len(conn.execute(sql, params).fetchall())
        times.append(time.perf_counter() - start)
    conn.close()
    return median_ms(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    app = make_application()
    folder = Path(tempfile.mkdtemp(prefix="pd-bench-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    path = folder / "large.sqlite"
    start = time.perf_counter()
    summary = fill_bulk(path, activities=args.activities, today=TODAY)
    built = time.perf_counter() - start

    lines: list[tuple[str, float, float | None, str]] = []

    # The floor: a bare window with one label, shown and painted.
    samples = []
    for _ in range(args.runs):
        start = time.perf_counter()
        bare = QMainWindow()
        bare.setCentralWidget(QLabel("PartnerDesk"))
        bare.resize(1280, 800)
        bare.show()
        bare.grab()
        samples.append(time.perf_counter() - start)
        bare.close()
    floor_window = median_ms(samples)
    lines.append(("bare PySide6 window, shown and painted", floor_window, None, "the floor"))

    samples = []
    window = None
    for _ in range(args.runs):
        if window is not None:
            window.close()
            window.desk.store.close()
        start = time.perf_counter()
        store = Store.open(path)
        window = MainWindow(Desk(store), Options(), Drafts(path))
        window.resize(1280, 800)
        window.show()
        settle(app)
        window.grab()
        samples.append(time.perf_counter() - start)
    lines.append(
        ("PartnerDesk opened, dashboard filled", median_ms(samples), floor_window, "vs bare window")
    )

    page = window.list_pages["activity"]
    samples = []
    for _ in range(args.runs):
        window.show_page("dashboard")
        start = time.perf_counter()
        window.show_page("activity")
        wait_for(page.model.refreshed)
        page.table.grab()
        samples.append(time.perf_counter() - start)
    raw, rows = raw_ms(
        path,
        "SELECT id FROM activity WHERE archived_at IS NULL ORDER BY start_on IS NULL, start_on DESC, id",
    )
    lines.append(
        (
            f"activities page, {page.model.rowCount():,} rows listed and painted",
            median_ms(samples),
            raw,
            f"vs raw ids query ({rows:,})",
        )
    )
    lines.append(
        (f"  rows whose columns were read to paint it: {page.model.rows_fetched}", 0.0, None, "")
    )

    areas = window.desk.read(listing.area_tree)
    border = next(a for a in areas if a.code == "BM")
    sub_ids = [a.id for a in areas if a.id == border.id or a.parent_id == border.id]
    samples = []
    for _ in range(args.runs):
        page.filters.area.setCurrentIndex(0)
        wait_for(page.model.refreshed)
        start = time.perf_counter()
        page.filters.area.setCurrentIndex(page.filters.area.findData(border.id))
        wait_for(page.model.refreshed)
        page.table.grab()
        samples.append(time.perf_counter() - start)
    marks = ",".join("?" for _ in sub_ids)
    raw, rows = raw_ms(
        path,
        "SELECT a.id FROM activity a WHERE a.archived_at IS NULL AND a.id IN (SELECT activity_id FROM "
        f"activity_thematic_area WHERE thematic_area_id IN ({marks})) ORDER BY a.start_on IS NULL, a.start_on DESC, a.id",
        tuple(sub_ids),
    )
    lines.append(
        (
            f"area filter (BM and sub-areas), {page.model.rowCount():,} rows",
            median_ms(samples),
            raw,
            "vs raw query",
        )
    )
    page.filters.area.setCurrentIndex(0)
    wait_for(page.model.refreshed)

    partner = summary.organization_ids[1]
    samples = []
    for _ in range(args.runs):
        page.filters.partner.set_value(None)
        start = time.perf_counter()
        page.filters.partner.setCurrentIndex(page.filters.partner.findData(partner))
        wait_for(page.model.refreshed)
        page.table.grab()
        samples.append(time.perf_counter() - start)
        page.filters.partner.setCurrentIndex(0)
        wait_for(page.model.refreshed)
    raw, rows = raw_ms(
        path,
        "SELECT a.id FROM activity a WHERE a.archived_at IS NULL AND (a.lead_organization_id = ? OR a.id IN "
        "(SELECT activity_id FROM activity_partner WHERE organization_id = ?)) ORDER BY a.start_on IS NULL, a.start_on DESC, a.id",
        (partner, partner),
    )
    lines.append((f"partner filter, {rows:,} rows", median_ms(samples), raw, "vs raw query"))

    samples = []
    for _ in range(args.runs):
        start = time.perf_counter()
        window.search_box.setText("lusaka")
        window._search_now()
        wait_for(window.search_page.finished)
        samples.append(time.perf_counter() - start)
    raw, rows = raw_ms(
        path,
        "SELECT e.record_kind, e.record_id FROM search_index JOIN search_entry e ON e.rowid = search_index.rowid "
        "WHERE search_index MATCH ? AND e.archived = 0 ORDER BY bm25(search_index, 5.0, 1.0) LIMIT 500",
        ('"lusaka"*',),
    )
    lines.append(
        (
            "global search 'lusaka', results grouped and shown",
            median_ms(samples),
            raw,
            f"vs raw FTS5 query ({rows} hits)",
        )
    )
    window.close()
    window.desk.store.close()

    print(
        f"Python {platform.python_version()}, PySide6 {pyside_version}, SQLite {sqlite3.sqlite_version}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s), platform {app.platformName()}"
    )
    print(
        f"Store: {args.activities:,} activities (+ agreements, follow-ups, consultations), built in {built:.1f} s; median of {args.runs} runs\n"
    )
    print(f"{'':58} {'ours ms':>9} {'floor ms':>9} {'ratio':>7}")
    for label, ours, floor, note in lines:
        if not ours and floor is None:
            print(label)
            continue
        ratio = f"{ours / floor:.1f}x" if floor else ""
        floor_text = f"{floor:9.1f}" if floor is not None else f"{'':9}"
        print(f"{label:58} {ours:9.1f} {floor_text} {ratio:>7}  {note}")


if __name__ == "__main__":
    main()
