"""Each list of the window through its real table model: open, scroll to the end, sort by a
column, type a three-word filter. Each step is timed until the model holds the answer and the
rows on screen have their values (what the view paints), against the same SQL statements run
by plain sqlite3 (bench.capture).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, Qt, QTimer

from bench.capture import capture, replay
from bench.figures import Figure, latency
from bench.stalls import StallWatch, stall_figure, timed
from db.queries import listing
from desktop.desk import Desk
from desktop.models.record_table import RecordTableModel

SCREEN_ROWS = 30  # the rows a list shows at once

# kind -> (column sorted by, a three-word filter as an officer would type it)
STEPS = {
    "organization": ("country", "direction générale douanes"),
    "contact": ("organization", "head external relations"),
    "agreement": ("title", "memorandum understanding border"),
    "consultation": ("title", "technical meeting border"),
    "activity": ("title", "regional workshop border"),
    "follow_up": ("owner", "send draft curriculum"),
}
LABELS = {
    "organization": "organizations",
    "contact": "contacts",
    "agreement": "agreements",
    "consultation": "consultations",
    "activity": "activities",
    "follow_up": "follow-ups",
}


def wait_for(signal, timeout_ms: int = 120_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def paint(model: RecordTableModel, first: int) -> None:
    """Ask for what the view paints on a screen of rows starting at ``first``."""
    last = min(model.rowCount(), first + SCREEN_ROWS)
    for row in range(first, last):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            model.data(index, Qt.ItemDataRole.DisplayRole)
            model.data(index, Qt.ItemDataRole.ForegroundRole)


def measure_lists(desk: Desk, raw: sqlite3.Connection, repeats: int) -> tuple[list[Figure], dict]:
    figures: list[Figure] = []
    rows: dict[str, int] = {}
    for kind, (sort_key, words) in STEPS.items():
        model = RecordTableModel(desk, kind)
        watch = StallWatch()
        spec = listing.spec(kind)
        sort_column = next(i for i, c in enumerate(spec.columns) if c.key == sort_key)

        def refresh(flt: listing.ListFilter, model=model) -> None:
            model.refresh(flt)
            wait_for(model.refreshed)
            paint(model, 0)

        def scroll(model=model) -> None:
            paint(model, max(0, model.rowCount() - SCREEN_ROWS))

        def sort(model=model, column=sort_column) -> None:
            model.sort(column, Qt.SortOrder.AscendingOrder)
            wait_for(model.refreshed)
            paint(model, 0)

        steps: list[tuple[str, Callable[[], None], Callable[[], None]]] = [
            ("open", lambda r=refresh: r(listing.ListFilter()), lambda: None),
            # Scrolling reads pages not yet read: start each time from a fresh list.
            ("scroll to end", scroll, lambda r=refresh: r(listing.ListFilter())),
            ("sort by " + sort_key, sort, lambda r=refresh: r(listing.ListFilter())),
            ("filter “" + words + "”", lambda r=refresh, w=words: r(listing.ListFilter(text=w)),
             lambda: None),
        ]  # fmt: skip
        for step, action, before in steps:
            before()
            statements = capture(action)  # also warms the caches, as a second look would
            rows[f"{kind}/{step}"] = model.rowCount()
            ours, floor = [], []
            for _ in range(repeats):
                before()
                ours.append(timed(watch, action))
                start = time.perf_counter()
                replay(raw, statements)
                floor.append((time.perf_counter() - start) * 1000)
            figures.append(
                latency(
                    f"{LABELS[kind]}: {step} (p95)",
                    ours,
                    floor,
                    note="" if step != "open" else f"{model.rowCount():,} rows listed",
                )
            )
        figures.append(stall_figure(f"{LABELS[kind]} list, every step", watch))
        model.deleteLater()
    return figures, rows
