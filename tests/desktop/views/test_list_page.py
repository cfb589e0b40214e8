"""The lists on a laptop's screen (1280×800, 1366×768, the commonest): each shows its main columns
beside the record's details without scrolling sideways; the others come back from the header's
menu; the joint activities show their partners and are narrowed to a year."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from desktop.drafts import Drafts
from desktop.main_window import MainWindow
from desktop.settings import Options
from desktop.views.list_page import RecordListPage

# What an officer needs to read in each list without scrolling (its columns' keys).
MAIN_COLUMNS = {
    "organization": ["name", "acronym", "country", "status"],
    "contact": ["name", "organization", "email"],
    "agreement": ["reference", "title", "status", "parties", "expires_on"],
    "consultation": ["starts_at", "title", "kind", "organizations"],
    "activity": ["start_on", "title", "status", "participants_total", "partners"],
    "follow_up": ["due_on", "text", "owner", "status"],
}


def open_window(qtbot, desk, width: int, height: int) -> MainWindow:
    window = MainWindow(desk, Options(), Drafts(desk.store.path))
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    return window


def open_list(qtbot, window: MainWindow, kind: str) -> RecordListPage:
    page = window.list_pages[kind]
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        window.show_page(kind)
    return page


def shown_columns(page: RecordListPage) -> dict[str, int]:
    """Header text -> width of each column shown."""
    header = page.table.horizontalHeader()
    return {
        page.model.headerData(c, Qt.Orientation.Horizontal): header.sectionSize(c)
        for c in range(header.count())
        if not header.isSectionHidden(c)
    }


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)], ids=["1280x800", "1366x768"])
def test_every_list_shows_its_main_columns_without_scrolling_sideways(
    qtbot, sample_desk, size, language, request
):
    if language == "fr":  # longer words, and a wider list of pages beside
        request.getfixturevalue("french")
    window = open_window(qtbot, sample_desk, *size)
    for kind, main in MAIN_COLUMNS.items():
        page = open_list(qtbot, window, kind)
        page.table.selectRow(0)  # the record's details beside the list, as an officer works
        columns = shown_columns(page)
        header = page.table.horizontalHeader()
        keys = [c.key for c in page.model.spec.columns]
        shown_keys = [k for c, k in enumerate(keys) if not header.isSectionHidden(c)]
        assert set(main) <= set(shown_keys), kind
        assert page.table.viewport().width() >= sum(columns.values()), (kind, columns)
        assert page.table.horizontalScrollBar().maximum() == 0, kind
        for key in main:  # no main column squeezed below its header's text
            column = keys.index(key)
            assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width()


def test_a_hidden_column_is_shown_again_from_the_headers_menu(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk, 1280, 800)
    page = open_list(qtbot, window, "activity")
    assert "Lead" not in shown_columns(page)
    header = page.table.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(10, 5))  # a right-click on the header
    [menu] = [m for m in page.findChildren(QMenu) if m.isVisible()]
    by_text = {a.text(): a for a in menu.actions()}
    assert not by_text["Title"].isEnabled()  # the title always stays
    assert by_text["Partners"].isChecked() and not by_text["Lead"].isChecked()
    by_text["Lead"].trigger()
    assert "Lead" in shown_columns(page)
    page.save_state()  # as the window does when it closes: the next window shows it too
    again = open_window(qtbot, sample_desk, 1280, 800)
    assert "Lead" in shown_columns(open_list(qtbot, again, "activity"))


def rows(page: RecordListPage, *headers: str) -> list[tuple[str, ...]]:
    model = page.model
    columns = [
        next(
            c
            for c in range(model.columnCount())
            if model.headerData(c, Qt.Orientation.Horizontal) == h
        )
        for h in headers
    ]
    return [tuple(model.index(r, c).data() for c in columns) for r in range(model.rowCount())]


def test_the_activity_list_shows_the_partners_and_narrows_to_a_year(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk, 1280, 800)
    page = open_list(qtbot, window, "activity")
    listed = rows(page, "Title", "Partners")
    trainings = [partners for title, partners in listed if title.startswith("Training of trainers")]
    assert trainings == ["IOM, DNCF", "IOM, ZCBAF", "IOM, DNCF"]  # 2027, 2025, 2024
    assert all(partners for _title, partners in listed)  # every sample activity has some
    year = page.filters.year
    assert year.currentText() == "All years"
    offered = [year.itemText(i) for i in range(year.count())]
    assert offered == ["All years", "2027", "2026", "2025", "2024", "2023", "2022", "2021",
                       "2020", "2019"]  # fmt: skip
    year.setFocus()
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        qtbot.keyClicks(year, "2025")  # typed on the closed box, as on a keyboard
    assert year.currentText() == "2025"
    [(title, partners)] = rows(page, "Title", "Partners")
    assert title.startswith("Training of trainers") and partners == "IOM, ZCBAF"
    assert page.count_label.text() == "1 joint activity"
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        year.setCurrentIndex(0)
    assert page.model.rowCount() == len(listed)


def test_countries_in_the_lists_are_named_in_the_windows_language(qtbot, sample_desk, request):
    window = open_window(qtbot, sample_desk, 1280, 800)
    places = rows(open_list(qtbot, window, "activity"), "Title", "Place")
    assert any(place == "Vienna, Austria" for _title, place in places)
    partners = rows(open_list(qtbot, window, "organization"), "Acronym", "Country")
    assert ("IOM", "Switzerland") in partners
    request.getfixturevalue("french")
    window = open_window(qtbot, sample_desk, 1280, 800)
    places = rows(open_list(qtbot, window, "activity"), "Titre", "Lieu")
    assert any(place == "Vienna, Autriche" for _title, place in places)
    assert ("IOM", "Suisse") in rows(open_list(qtbot, window, "organization"), "Sigle", "Pays")
