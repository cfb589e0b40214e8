"""Running work off the GUI thread: the window never freezes on a slow disk or a large store.

``run_in_background`` hands a function to Qt's thread pool and calls back on the GUI thread.
Callers that may start a newer request before an older one returns (search as you type, list
filters) pass a ``Latest`` token, so that only the newest answer is delivered.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the GUI thread, which decides how to show it
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class Latest:
    """Hands out request numbers; only answers to the newest request are delivered."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)
        self.current = 0

    def next(self) -> int:
        self.current = next(self._counter)
        return self.current


_alive: set[_Task] = set()  # keep tasks and their signal objects alive until they report


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    latest: Latest | None = None,
    pool: QThreadPool | None = None,
) -> None:
    """``pool``: another pool than Qt's global one, for long work the window must not wait
    behind (the global pool is what tests and quitting wait for)."""
    ticket = latest.next() if latest else 0
    task = _Task(fn)
    task.setAutoDelete(False)

    def deliver(result: Any) -> None:
        _alive.discard(task)
        if (latest is None or ticket == latest.current) and _receiver_alive(on_done):
            on_done(result)

    def fail(exc: BaseException, trace: str) -> None:
        _alive.discard(task)
        if latest is not None and ticket != latest.current:
            return
        if on_error is not None:
            on_error(exc)
        else:
            from desktop.errors import report_unexpected

            report_unexpected(exc, trace)

    task.signals.done.connect(deliver)
    task.signals.failed.connect(fail)
    _alive.add(task)
    (pool or QThreadPool.globalInstance()).start(task)


def _receiver_alive(callback: Callable[..., Any]) -> bool:
    """A page closed while its answer was on the way must not be handed the answer."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


_writer: QThreadPool | None = None


def writer_pool() -> QThreadPool:
    """The one thread that writes to the store: operations run there one after the other, in
    the order they were started, so that writes never wait on each other's locks."""
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        _writer.setMaxThreadCount(1)
        _writer.setExpiryTimeout(-1)  # kept for the life of the window
    return _writer


def wait_for_background_work(msecs: int = 30_000) -> bool:
    """For tests and for quitting: let running tasks, writes included, finish."""
    writes_done = _writer is None or _writer.waitForDone(msecs)
    return QThreadPool.globalInstance().waitForDone(msecs) and writes_done
