"""How long the window's thread could not answer: a timer asks to run every 2 ms; the longest
gap between two of its runs, less the 2 ms, is the longest time the event loop was held (by
our code on the GUI thread, or by a view painting). An officer feels a hold above ~50–100 ms
as a frozen window."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer

from bench.figures import Figure

TICK_MS = 2


class StallWatch:
    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000 - TICK_MS)
        self._last = now

    @contextmanager
    def watching(self) -> Iterator[None]:
        """Around a step: the longest hold inside it joins ``longest_ms``."""
        self._last = time.perf_counter()
        self._timer.start()
        try:
            yield
        finally:
            # One more turn of the loop: a hold at the very end of the step is seen too.
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            self._tick()
            self._timer.stop()


def stall_figure(group: str, watch: StallWatch, note: str = "") -> Figure:
    return Figure(
        f"longest GUI-thread stall: {group}",
        round(max(watch.longest_ms, 0.0), 1),
        "ms",
        None,
        None,
        "— (measured)",
        None,
        note,
    )


def timed(watch: StallWatch, action: Callable[[], None]) -> float:
    """``action`` watched, in milliseconds."""
    with watch.watching():
        start = time.perf_counter()
        action()
        return (time.perf_counter() - start) * 1000
