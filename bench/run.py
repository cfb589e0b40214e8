"""``python -m bench``: build the store, measure every figure beside its floor, print, save."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from bench.data import SIZES, TODAY
from bench.figures import Figure, print_table, write_json

REPEATS = {"tiny": 3, "realistic": 10, "stress": 10}


def machine() -> str:
    import PySide6

    return (
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"PySide6 {PySide6.__version__}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPU(s)"
    )


# The groups of figures, in the order they are measured; ``--only`` chooses some of them.
GROUPS = ("window", "check", "lists", "search", "record", "dashboard", "briefing", "exchange",
          "sync", "imports", "participants", "server", "portfolio")  # fmt: skip


def run(size_name: str, folder: Path, *, repeats: int | None = None,
        window: bool = True, quiet: bool = False,
        only: frozenset[str] | None = None) -> tuple[list[Figure], dict]:  # fmt: skip
    """Every figure for a store of this size built in ``folder`` (or those of the groups
    ``only`` names); the figures and facts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from bench.briefing import measure_briefing
    from bench.build import build_store
    from bench.exchange import export_ours, measure_exchange
    from bench.imports import measure_imports
    from bench.lists import measure_lists
    from bench.participants import measure_participants
    from bench.screens import measure_dashboard, measure_record_view
    from bench.search import measure_search
    from bench.sync import measure_sync
    from db import clock
    from db.records.services import open_store
    from desktop.app import make_application, settle_after_start
    from desktop.desk import Desk

    size = SIZES[size_name]
    repeats = repeats or REPEATS[size_name]
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    make_application()
    clock.move_to(TODAY)  # the synthetic portfolio describes TODAY: built and measured as of it

    empty = folder / "empty.sqlite"
    path = folder / f"{size_name}.sqlite"
    saved = folder / f"{size_name}.built.json"
    if path.exists() and saved.exists():  # --keep: measure again the store built before
        say(f"Using the {size_name} store built before in {folder}")
        facts = json.loads(saved.read_text(encoding="utf-8"))
        heavy_id = facts.pop("heavy_id")
    else:
        for stale in (empty, path):
            stale.unlink(missing_ok=True)
        open_store(empty).close()
        shutil.copyfile(empty, path)

        def progress(done: int, total: int, seconds: float) -> None:
            if done % 20_000 < 2_000 or done == total:
                say(f"  built {done:,}/{total:,} records, {done / seconds:,.0f} records/s")

        say(f"Building the {size_name} store ({size.total:,} records) through db.services…")
        built = build_store(path, size, progress=progress)
        heavy_id = built.heavy_id
        facts = {
            "size": size_name,
            "records": built.counts,
            "build_seconds": round(built.seconds, 1),
            "build_rate": round(built.rate),
            "heavy_share": {k: round(v, 3) for k, v in built.heavy_share.items()},
            "file_mb": round(built.file_mb),
        }
        saved.write_text(json.dumps({**facts, "heavy_id": heavy_id}), encoding="utf-8")
    facts["machine"] = machine()
    facts["today"] = TODAY.isoformat()
    figures: list[Figure] = [
        Figure("building the store through db.services.save_many", facts["build_rate"],
               "records/s", None, None, "— (measured)", None,
               f"{size.total:,} records in {facts['build_seconds']:.0f} s, batches of 2,000"),
    ]  # fmt: skip

    def wanted(group: str) -> bool:
        return only is None or group in only

    if window and wanted("window"):
        from bench.window import measure_window

        say("Cold start and memory (subprocesses)…")
        figures += measure_window(path, repeats=min(3, repeats))

    store = open_store(path)
    raw = sqlite3.connect(path)
    settle_after_start()  # as the window does once it is shown
    if wanted("check"):
        figures.append(whole_file_check(store))
    try:
        desk = Desk(store)
        if wanted("lists"):
            say("Lists…")
            list_figures, rows = measure_lists(desk, raw, repeats)
            figures += list_figures
            facts["list_rows"] = rows
        if wanted("search"):
            say("Search…")
            figures += measure_search(desk, raw, repeats)
        if wanted("record"):
            say("A record's view…")
            figures += measure_record_view(desk, raw, heavy_id, max(3, repeats // 3))
        if wanted("dashboard"):
            say("The dashboard…")
            figures += measure_dashboard(desk, raw, max(3, repeats // 3))
        if wanted("briefing"):
            say("Briefing…")
            figures += measure_briefing(store, heavy_id, TODAY, max(3, repeats // 3))
        if wanted("exchange"):
            say("Export and import…")
            exchange = measure_exchange(store, folder, empty)
            figures += exchange
            if wanted("sync"):  # against the exchange import's rate of the same run
                say("A sync bundle of changed records, written and merged…")
                figures.append(measure_sync(store, folder, exchange[1]))
        if wanted("imports"):
            say("Import memory and time against the file's size (a process per import)…")
            exported = folder / "import-memory.json"
            export_ours(store, exported)
            figures += measure_imports(size_name, folder, empty, exported)
            exported.unlink()
        if wanted("participants"):
            say("A participant list of 2,000 in its editor, a registration sheet of 5,000…")
            figures += measure_participants(path, folder, repeats)
        if wanted("portfolio"):
            from bench.portfolio import measure_portfolio

            say("The portfolio review: assessed, its page, its report…")
            figures += measure_portfolio(desk, raw, folder, TODAY, max(3, repeats // 3))
        if wanted("server"):
            from bench.team_server import measure_team_server

            say("The team server: a first sync, an incremental one, twenty laptops at once…")
            figures += measure_team_server(store, folder)
    finally:
        raw.close()
        store.close()
    return figures, facts


def whole_file_check(store) -> Figure:
    """The check of every page the window runs on its own thread once it is open (not part of
    the cold start: the window is in use meanwhile)."""
    import time

    start = time.perf_counter()
    problem = store.check_whole_file()
    seconds = time.perf_counter() - start
    return Figure(
        "whole-file check behind the open window",
        round(seconds * 1000, 1),
        "ms",
        None,
        None,
        "— (measured)",
        None,
        "sound" if problem is None else f"damaged: {problem}",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default="realistic")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--repeats", type=int, help="runs of each list step and search query")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep the store")
    parser.add_argument(
        "--only",
        action="append",
        choices=GROUPS,
        help="measure only this group of figures (may be given several times)",
    )
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="pd-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        only = frozenset(args.only) if args.only else None
        figures, facts = run(args.size, folder, repeats=args.repeats, only=only)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(facts["machine"])
    print(
        f"{args.size} store: {sum(facts['records'].values()):,} records "
        f"({', '.join(f'{n:,} {k}' for k, n in facts['records'].items())}), "
        f"{facts['file_mb']} MB; heavy partner's share: "
        + ", ".join(f"{k} {v:.0%}" for k, v in facts["heavy_share"].items())
    )
    print_table(figures)
    if args.json:
        write_json(figures, args.json)
