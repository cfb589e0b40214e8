"""Waiting for what the window does off its thread, as an officer waits for the screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from desktop.views.list_page import RecordListPage


@contextmanager
def list_read_after_write(qtbot, page: RecordListPage, timeout: int = 5000) -> Iterator[None]:
    """Around a write (a save, an archive, an undo): once it is done the list reads itself
    again; this waits for that reading. (A reading started before the write may still arrive
    while the write runs: the next ``refreshed`` signal is not always the one after the write.)"""
    yield
    assert page.model.loading, "the write did not make the list read itself again"
    qtbot.waitUntil(lambda: not page.model.loading, timeout=timeout)
