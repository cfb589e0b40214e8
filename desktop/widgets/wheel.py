"""A wheel turned over a form scrolls the form. A drop-down or a number box that happens to be
under the mouse while the officer scrolls must not change its value (a partner's status from
Active to Dormant, a follow-up's from Open to In progress): it takes the wheel only once the
officer has clicked or tabbed into it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)


class _WheelForTheForm(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.Wheel
            or not isinstance(watched, QWidget)
            or watched.hasFocus()
        ):
            return False
        area = _scroll_area_around(watched)
        if area is None:
            event.ignore()  # Qt hands an ignored wheel to the parents
            return True
        viewport = area.viewport()
        wheel: QWheelEvent = event  # type: ignore[assignment]
        QApplication.sendEvent(
            viewport,
            QWheelEvent(
                viewport.mapFromGlobal(wheel.globalPosition()),
                wheel.globalPosition(),
                wheel.pixelDelta(),
                wheel.angleDelta(),
                wheel.buttons(),
                wheel.modifiers(),
                wheel.phase(),
                wheel.inverted(),
                wheel.source(),
            ),
        )
        return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def wheel_scrolls_past_fields(form: QWidget) -> None:
    """Every drop-down and number box inside ``form`` (now) lets the wheel scroll the form
    unless it has the focus; none takes the focus from the wheel either."""
    guard = form.findChild(_WheelForTheForm) or _WheelForTheForm(form)
    for field in [*form.findChildren(QComboBox), *form.findChildren(QAbstractSpinBox)]:
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        field.installEventFilter(guard)
