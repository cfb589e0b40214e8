"""A list page as the officer opens it, and its editor opened on a record (F2), for the tests of
several views."""

from __future__ import annotations

from desktop.drafts import Drafts
from desktop.settings import Options
from desktop.views.list_page import RecordListPage


def open_page(qtbot, desk, kind: str, *, active: bool = False) -> RecordListPage:
    """The page on screen, its list read; ``active``: the window with the keyboard's focus (for
    Tab and completion popups)."""
    page = RecordListPage(desk, kind, Drafts(desk.store.path), Options())
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    if active:
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.activate()
    return page


def edit(qtbot, page: RecordListPage, record_id: str) -> None:
    page.table.selectRow(page.model.row_of(record_id))
    page.table.setFocus()
    page.edit_current()  # F2
    assert page.editing()
