"""Fields of the editors on a laptop's screen: the thematic tree shows enough of itself to tick
areas without scrolling row by row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.drafts import Drafts
from desktop.main_window import MainWindow
from desktop.settings import Options
from desktop.views.list_page import RecordListPage


def rows_in_view(view) -> int:
    """The rows of a tree wholly inside its viewport."""
    shown, index = 0, view.indexAt(view.viewport().rect().topLeft())
    area = view.viewport().rect()
    while index.isValid():
        if area.contains(view.visualRect(index)):
            shown += 1
        index = view.indexBelow(index)
    return shown


def activities_at_1280_by_800(qtbot, desk, points: int | None = None) -> RecordListPage:
    """The joint activities in the window on a laptop's screen; ``points``: a larger font, as
    an officer who reads better so sets it."""
    window = MainWindow(desk, Options(), Drafts(desk.store.path))
    qtbot.addWidget(window)
    if points:
        font = QFont(window.font())
        font.setPointSize(points)
        window.setFont(font)
    window.resize(1280, 800)
    window.show()
    page = window.list_pages["activity"]
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        window.show_page("activity")
    return page


@pytest.mark.parametrize("points", [None, 14], ids=["system font", "14 points"])
def test_the_thematic_tree_shows_eight_rows_at_1280_by_800(qtbot, sample_desk, points):
    page = activities_at_1280_by_800(qtbot, sample_desk, points)
    page.table.selectRow(0)
    page.edit_current()
    areas = page.editor.inputs["thematic_area_ids"]
    page.editor.scroll.ensureWidgetVisible(areas.widget)  # scrolled down to it
    qtbot.waitUntil(lambda: areas.view.visibleRegion().boundingRect().height() > 0)
    assert areas.view.indexAt(areas.view.viewport().rect().topLeft()) != QModelIndex()
    assert rows_in_view(areas.view) >= 8
    # and the whole tree, not a part of it cut by the editor's edge
    visible = areas.view.visibleRegion().boundingRect()
    assert visible.height() == areas.view.height()


def test_a_tables_headings_are_read_whole(qtbot, sample_desk):
    page = activities_at_1280_by_800(qtbot, sample_desk)
    page.new_record()
    header = page.editor.inputs["participants"].view.horizontalHeader()
    headings = [
        header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())
    ]
    assert "Organization (not a partner)" in headings
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width()
