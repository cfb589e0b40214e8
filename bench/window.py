"""Cold start and memory of the window, each in a new process, against a bare PySide6 window.

    python -m bench.window bare
    python -m bench.window ours STORE

The parent starts the process and times it until the line ``READY`` arrives: the interpreter
starting, the imports, the application object, (for ours) the store opened off the GUI thread as
desktop.app does, the main window shown with its dashboard filled — and the event loop idle, no
work left on the thread pool. The child then (for ours) opens the largest list, the joint
activities, and scrolls to its end, and reports its peak resident memory (``RSS`` in MB).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.figures import Figure, median

ROOT = Path(__file__).resolve().parents[1]


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: on Linux it keeps the
    peak of the parent that forked it, through exec (the benchmark's own hundreds of MB)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(mode: str, store_path: str | None) -> None:
    begun = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    def when_idle(ready, then) -> None:
        """Call ``then`` once ``ready()`` holds, nothing runs on the pool and the loop is idle."""

        def poll() -> None:
            if ready() and QThreadPool.globalInstance().activeThreadCount() == 0:
                QTimer.singleShot(0, then)  # after every event already queued
            else:
                QTimer.singleShot(2, poll)

        QTimer.singleShot(0, poll)

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    if mode == "bare":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setCentralWidget(QLabel("PartnerDesk"))
        window.resize(1280, 800)
        window.show()

        def done() -> None:
            say("READY")
            say(f"RSS {_peak_rss_mb():.1f}")
            app.quit()

        when_idle(lambda: True, done)
        app.exec()
        return

    from db.records.services import open_store
    from db.store.engine import Store
    from desktop.app import make_application, settle_after_start, show_main_window
    from desktop.settings import Options
    from desktop.worker import run_in_background

    phases = {"imports": time.perf_counter() - begun}
    settings = tempfile.mkdtemp(prefix="pd-bench-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    app = make_application(sys.argv[:1])
    state: dict = {}

    def opened(store: Store) -> None:
        phases["store opened"] = time.perf_counter() - begun
        window = state["window"] = show_main_window(store, Options())
        settle_after_start()  # as desktop.app.StoreSession does once the window is shown
        phases["window shown"] = time.perf_counter() - begun
        window.resize(1280, 800)
        when_idle(lambda: state.get("dashboard", False) and not window.dashboard.loading, started)
        window.dashboard.refreshed.connect(lambda: state.__setitem__("dashboard", True))

    def started() -> None:
        say("READY")
        phases["dashboard filled, idle"] = time.perf_counter() - begun
        say("PHASES " + ";".join(f"{name}={seconds:.3f}" for name, seconds in phases.items()))
        window = state["window"]
        window.show_page("activity")
        page = window.list_pages["activity"]
        when_idle(lambda: not page.model.loading and page.model.rowCount() > 0, scrolled)

    def scrolled() -> None:
        page = state["window"].list_pages["activity"]
        page.table.scrollToBottom()
        page.table.grab()  # painted: the rows on screen are read
        when_idle(lambda: True, finished)

    def finished() -> None:
        say(f"RSS {_peak_rss_mb():.1f}")
        window = state["window"]
        window.close()
        window.desk.store.close()
        app.quit()

    # As the window opens a store it closed cleanly: every page is read once it is open, on a
    # thread of its own (desktop.app.StoreSession), which this probe does not wait for.
    run_in_background(lambda: open_store(store_path, whole_file=False), opened)
    app.exec()
    import shutil

    shutil.rmtree(settings, ignore_errors=True)


def _run_once(args: list[str]) -> tuple[float, float, str]:
    """Seconds from starting the process to READY, the peak RSS it reports (MB), and when
    (after its first line ran) it was done with each phase of starting."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    # An installed PartnerDesk (pip, or the bundle) starts from compiled bytecode, as PySide6
    # does here: a shell that forbids writing it would have us compile every module each time.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.window", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    ready = None
    rss = 0.0
    phases = ""
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("READY") and ready is None:
            ready = time.perf_counter() - start
        elif line.startswith("RSS"):
            rss = float(line.split()[1])
        elif line.startswith("PHASES"):
            phases = line.split(maxsplit=1)[1].strip()
    if child.wait(timeout=600) != 0 or ready is None:
        raise RuntimeError(f"the window probe {args} failed (exit {child.returncode})")
    return ready, rss, phases


def measure_window(store_path: Path, repeats: int = 3) -> list[Figure]:
    _run_once(["ours", str(store_path)])  # not counted: writes the bytecode, as installing does
    bare = [_run_once(["bare"]) for _ in range(repeats)]
    ours = [_run_once(["ours", str(store_path)]) for _ in range(repeats)]
    start, floor = median([s for s, _r, _p in ours]), median([s for s, _r, _p in bare])
    rss, bare_rss = max(r for _s, r, _p in ours), max(r for _s, r, _p in bare)
    phases = sorted(ours)[len(ours) // 2][2].replace("=", " ").replace(";", " s, ")
    return [
        Figure(
            "cold start to the window shown and idle (median)",
            round(start, 3),
            "s",
            round(floor, 3),
            round(start / floor, 2),
            "≤ 1.5× floor",
            start / floor <= 1.5,
            "process start to dashboard filled and event loop idle; floor: a bare PySide6 "
            f"window. In the process, done with: {phases} s",
        ),
        Figure(
            "peak memory (RSS), store open, largest list scrolled",
            round(rss, 1),
            "MB",
            round(bare_rss, 1),
            round(rss / bare_rss, 2),
            "≤ floor + 150 MB",
            rss <= bare_rss + 150,
            f"{rss - bare_rss:+.0f} MB over the bare window",
        ),
    ]


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
