"""Scrolling an editor with the mouse wheel, as an officer reads a long form: the drop-downs
passing under the mouse keep their values; the form scrolls."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from db.queries import listing
from desktop.drafts import Drafts
from desktop.settings import Options
from desktop.views.list_page import RecordListPage


def open_editor(qtbot, desk, kind: str, label: str) -> RecordListPage:
    """The kind's page, small as on a laptop beside other windows, the record being edited."""
    page = RecordListPage(desk, kind, Drafts(desk.store.path), Options())
    qtbot.addWidget(page)
    page.resize(1100, 420)
    page.show()
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.activate()
    record_id = next(i for i, text in desk.read(listing.options, kind) if text.startswith(label))
    page.table.selectRow(page.model.row_of(record_id))
    page.edit_current()  # F2
    qtbot.waitUntil(lambda: page.editing(), timeout=2000)
    page.table.setFocus()  # the officer's hand is on the mouse, not in a field
    return page


def turn_wheel_over(widget: QWidget, notches: int = -3) -> None:
    """The wheel turned towards the officer (down the form) with the mouse over ``widget``."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    for _ in range(abs(notches)):
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(centre.toPoint())),
            QPoint(),
            QPoint(0, 120 if notches > 0 else -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_partners_status_scrolls_the_form_and_keeps_active(qtbot, sample_desk):
    page = open_editor(
        qtbot, sample_desk, "organization", "International Organization for Migration"
    )
    status = page.editor.inputs["status"].widget
    assert status.currentData() == "active"
    bar = page.editor.scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the form is longer than the page: it can scroll"
    before = bar.value()
    turn_wheel_over(status)
    assert status.currentData() == "active"
    assert bar.value() > before
    assert not page.editor.is_dirty()


def test_the_wheel_over_a_follow_ups_status_keeps_open_until_the_field_is_clicked(
    qtbot, sample_desk
):
    page = open_editor(qtbot, sample_desk, "follow_up", "Prepare the implementation review")
    status = page.editor.inputs["status"].widget
    assert status.currentData() == "open"
    turn_wheel_over(status)
    assert status.currentData() == "open"
    assert not page.editor.is_dirty()
    # Clicked into, the drop-down is the officer's to turn.
    page.editor.scroll.ensureWidgetVisible(status)
    qtbot.mouseClick(status, Qt.MouseButton.LeftButton)
    if QApplication.activePopupWidget() is not None:
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    status.setFocus(Qt.FocusReason.MouseFocusReason)
    assert status.hasFocus()
    turn_wheel_over(status, notches=-1)
    assert status.currentData() == "in_progress"
