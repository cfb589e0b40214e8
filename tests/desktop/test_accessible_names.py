"""A screen reader names every filter field, drop-down and list of every page: each has an
accessible name in the window's language (a placeholder is not a name, and goes once typed in)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)

from desktop.editors.record_editor import RecordEditor
from desktop.worker import wait_for_background_work
from tests.desktop.test_main_window import open_window


def _within(widget: QWidget, kinds: tuple[type, ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def _fields_and_lists(root: QWidget) -> list[QWidget]:
    """What an officer types a filter in, chooses in or moves through: line edits, drop-downs and
    item views — not the parts of a drop-down or a date field, not a table's headers, not the
    editor's fields (named after their labels by the editor)."""
    found = []
    for kind in (QLineEdit, QComboBox, QAbstractItemView):
        found += [
            widget
            for widget in root.findChildren(kind)
            if not isinstance(widget, QHeaderView)
            and not _within(widget, (QComboBox, QAbstractSpinBox, RecordEditor))
        ]
    return found


def _unnamed(window) -> list[str]:
    missing = []
    for key in window.page_keys:
        window.show_page(key)
        wait_for_background_work()
        page = window.pages.currentWidget()
        missing += [
            f"{key}: {type(w).__name__} {w.objectName() or '(no object name)'}"
            for w in _fields_and_lists(page)
            if not w.accessibleName().strip()
        ]
    missing += [
        f"window: {type(w).__name__} {w.objectName()}"
        for w in _fields_and_lists(window)
        if not _within(w, (type(window.pages),)) and not w.accessibleName().strip()
    ]
    return missing


def test_every_filter_field_drop_down_and_list_of_every_page_is_named(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk)
    assert {"dashboard", "organization", "agreement", "coverage", "thematic_area"} <= set(
        window.page_keys
    )
    assert _unnamed(window) == []
    assert window.list_pages["agreement"].table.accessibleName() == "Agreements"
    date_from = window.list_pages["agreement"].filters.date_from
    assert date_from.line.accessibleName() == "Dates from"  # the field a reader lands on


def test_the_names_are_in_the_windows_language(qtbot, sample_desk, french):
    window = open_window(qtbot, sample_desk)
    filters = window.list_pages["agreement"].filters
    assert filters.text.accessibleName() == "Filtrer cette liste"
    assert filters.status.accessibleName() == "Filtrer par statut"
