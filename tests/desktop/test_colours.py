"""A dark system theme stays readable: every colour the window chooses itself — late and wrong
in red, secondary text, shaded cells, a problem's background, the record pane's HTML — is taken
from the palette, and keeps text at WCAG's 4.5:1 contrast on a light and on a dark palette."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from desktop import colours
from desktop.colours import contrast, dark_palette, follow_the_system_scheme, over
from desktop.worker import wait_for_background_work
from tests.desktop.test_main_window import open_window

READABLE = 4.5
Role = QPalette.ColorRole


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    before = qapp.palette()
    qapp.setPalette(dark_palette() if request.param == "dark" else qapp.style().standardPalette())
    assert colours.is_dark() == (request.param == "dark")
    yield request.param
    qapp.setPalette(before)


def _label_colours(root) -> list[tuple[str, QColor]]:
    found = []
    for label in root.findChildren(QLabel):
        match = re.search(r"color:\s*(#[0-9a-fA-F]{6})", label.styleSheet())
        if match and label.isVisible():
            found.append((label.objectName() or label.text()[:30], QColor(match.group(1))))
    return found


def test_late_archived_and_wrong_text_is_readable(qtbot, sample_desk, theme):
    palette = QApplication.palette()
    base, window_colour = palette.color(Role.Base), palette.color(Role.Window)
    window = open_window(qtbot, sample_desk)
    window.show_page("follow_up")
    page = window.list_pages["follow_up"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.filters.late.setChecked(True)
    late = [
        page.model.index(r, 0).data(Qt.ItemDataRole.ForegroundRole).color()
        for r in range(page.model.rowCount())
    ]
    assert late and all(contrast(c, base) >= READABLE for c in late), late

    sample_desk.archive("follow_up", page.model.id_at(0))
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.filters.late.setChecked(False)
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.filters.archived.setChecked(True)
    archived = page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color()
    assert contrast(archived, base) >= READABLE

    window.show_page("organization")
    partners = window.list_pages["organization"]
    partners.new_record()
    partners.save_current()  # refused: the name is missing, said in red beside it
    shown = _label_colours(partners)
    assert any(name.startswith("problem_") for name, _c in shown), shown
    assert all(contrast(c, window_colour) >= READABLE for _name, c in shown), shown


def test_the_record_pane_is_readable(qtbot, sample_desk, theme):
    palette = QApplication.palette()
    window = open_window(qtbot, sample_desk)
    window.show_page("agreement")
    page = window.list_pages["agreement"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    hint = page.detail.browser.toHtml()
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.record_id is not None, timeout=10_000)
    wait_for_background_work()
    html = hint + page.detail.browser.toHtml()
    texts = [QColor(c) for c in set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", html))]
    assert texts, "the pane shows secondary text"
    assert all(contrast(c, palette.color(Role.Base)) >= READABLE for c in texts), texts
    for background in re.findall(r"background-color:\s*(#[0-9a-fA-F]{6})", html):
        assert contrast(palette.color(Role.Text), QColor(background)) >= READABLE


def test_shaded_cells_keep_their_text_readable(qtbot, sample_desk, theme):
    palette = QApplication.palette()
    text, base = palette.color(Role.Text), palette.color(Role.Base)
    window = open_window(qtbot, sample_desk)
    window.show_page("coverage")
    model = window.coverage.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    shades = [
        model.index(r, c).data(Qt.ItemDataRole.BackgroundRole)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    shades = [s.color() if hasattr(s, "color") else s for s in shades if s is not None]
    assert shades
    assert all(contrast(text, over(s, base)) >= READABLE for s in shades)
    problem = colours.problem_background()  # a refused cell of a spreadsheet being imported
    assert contrast(text, problem) >= READABLE


def test_a_linux_desktop_that_says_dark_gets_a_dark_window(qapp, monkeypatch):
    before_style, before_palette = qapp.style().name(), qapp.palette()
    qapp.setPalette(qapp.style().standardPalette())
    try:
        monkeypatch.setattr("sys.platform", "linux")
        assert not follow_the_system_scheme(qapp, Qt.ColorScheme.Light)
        assert not colours.is_dark()
        assert follow_the_system_scheme(qapp, Qt.ColorScheme.Dark)
        assert colours.is_dark() and qapp.style().name() == "fusion"
        assert not follow_the_system_scheme(qapp, Qt.ColorScheme.Dark)  # dark already
        monkeypatch.setattr("sys.platform", "win32")  # Qt follows the system there itself
        qapp.setPalette(qapp.style().standardPalette())
        assert not follow_the_system_scheme(qapp, Qt.ColorScheme.Dark)
    finally:
        qapp.setStyle(before_style)
        qapp.setPalette(before_palette)
