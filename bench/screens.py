"""A record's view and the dashboard as the window shows them: the record view reads a record,
the names of what it refers to, its related records, files and history off the GUI thread and
renders them; the dashboard reads its sections off the GUI thread and fills its tables. Each is
timed until it is on screen, against the same SQL statements run by plain sqlite3, and watched
for holds of the GUI thread."""

from __future__ import annotations

import sqlite3

from sqlalchemy import select

from bench.capture import capture, replay
from bench.figures import Figure, latency
from bench.lists import wait_for
from bench.stalls import StallWatch, stall_figure, timed
from db.schema.models import Agreement, Consultation, FollowUp, JointActivity, Organization
from desktop.desk import Desk
from desktop.settings import Options
from desktop.views.dashboard import DashboardPage
from desktop.views.record_detail import RecordDetail


def _samples(desk: Desk, heavy_id: str) -> list[tuple[str, str]]:
    """Records whose view reads much: the heavy partner, and the first few of each kind (a
    follow-up of an activity names that activity among every activity of the store)."""

    def first(table, *where, count: int = 3) -> list[str]:
        query = select(table.id).where(table.archived_at.is_(None), *where).limit(count)
        return desk.read(lambda s: list(s.execute(query).scalars()))

    return (
        [("organization", heavy_id)]
        + [("agreement", i) for i in first(Agreement)]
        + [("consultation", i) for i in first(Consultation)]
        + [("activity", i) for i in first(JointActivity)]
        + [("follow_up", i) for i in first(FollowUp, FollowUp.source_kind == "activity")]
        + [("organization", i) for i in first(Organization, Organization.id != heavy_id)]
    )


def measure_record_view(
    desk: Desk, raw: sqlite3.Connection, heavy_id: str, repeats: int
) -> list[Figure]:
    view = RecordDetail(desk)
    view.resize(600, 800)
    watch = StallWatch()

    def show(kind: str, record_id: str) -> None:
        view.show_record(kind, record_id)
        while view.shown != (kind, record_id):
            wait_for(view.browser.textChanged, 60_000)

    ours: list[float] = []
    floor: list[float] = []
    samples = _samples(desk, heavy_id)
    for kind, record_id in samples:
        statements = capture(lambda k=kind, r=record_id: show(k, r))
        for _ in range(repeats):
            view.clear()
            ours.append(timed(watch, lambda k=kind, r=record_id: show(k, r)))
            floor.append(_replay_ms(raw, statements))
    view.deleteLater()
    note = f"{len(samples)} records × {repeats}, the heavy partner among them"
    return [
        latency("a record's view, on screen (p95)", ours, floor, note=note, targeted=False),
        stall_figure("a record's view", watch, note),
    ]


def measure_dashboard(desk: Desk, raw: sqlite3.Connection, repeats: int) -> list[Figure]:
    page = DashboardPage(desk, Options())
    page.resize(1280, 800)
    watch = StallWatch()

    def refresh() -> None:
        page.refresh()
        wait_for(page.refreshed, 120_000)

    statements = capture(refresh)
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(repeats):
        ours.append(timed(watch, refresh))
        floor.append(_replay_ms(raw, statements))
    page.deleteLater()
    return [
        latency("dashboard, every section on screen (p95)", ours, floor, targeted=False),
        stall_figure("dashboard", watch),
    ]


def _replay_ms(raw: sqlite3.Connection, statements) -> float:
    import time

    start = time.perf_counter()
    replay(raw, statements)
    return (time.perf_counter() - start) * 1000
