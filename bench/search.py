"""The global search as the window runs it (the search page: services.find off the GUI thread,
results grouped by kind into the page's model), over a set of queries, against the same FTS5
statement run by plain sqlite3."""

from __future__ import annotations

import sqlite3
import time

from bench.capture import capture, replay
from bench.figures import Figure, latency
from bench.lists import wait_for
from bench.stalls import StallWatch, stall_figure, timed
from desktop.desk import Desk
from desktop.views.search_page import SearchPage

QUERIES = (
    "border",  # a common word: thousands of matches, ranked
    "formation conjointe",
    "ibanez",  # without its accents
    "lusaka workshop",
    "One Stop Border Posts",
    "doc",  # a prefix
    "مكافحة تهريب",
    "边境管理",
    "steering committee joint project",
    "kabore",
    "WBO/MEM",
    "study visit",
)


def measure_search(desk: Desk, raw: sqlite3.Connection, repeats: int) -> list[Figure]:
    page = SearchPage(desk)
    watch = StallWatch()

    def run(query: str) -> None:
        page.search(query)
        wait_for(page.finished)

    ours: list[float] = []
    floor: list[float] = []
    for query in QUERIES:
        statements = capture(lambda q=query: run(q))
        for _ in range(repeats):
            ours.append(timed(watch, lambda q=query: run(q)))
            start = time.perf_counter()
            replay(raw, statements)
            floor.append((time.perf_counter() - start) * 1000)
    page.deleteLater()
    note = f"{len(QUERIES)} queries × {repeats}"
    return [
        latency("global search (p50)", ours, floor, share=0.5, note=note),
        latency("global search (p95)", ours, floor, note=note),
        stall_figure("global search, results grouped into the page", watch, note),
    ]
