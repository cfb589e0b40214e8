"""Answering a modal dialog as a person does: it opens, the officer types and clicks in it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def answer_dialog(trigger: Callable[[], object], drive: Callable[[QDialog], None]) -> None:
    """Do ``trigger`` (which opens a modal dialog and waits for it) and ``drive`` the dialog
    while it is open; a dialog still open afterwards is cancelled. What ``drive`` asserts is
    raised here, once the dialog is gone."""
    errors: list[BaseException] = []
    tries = [0]

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            tries[0] += 1
            if tries[0] < 250:
                QTimer.singleShot(20, step)
            return
        try:
            drive(dialog)
        except BaseException as exc:  # noqa: BLE001 - raised once the dialog is gone
            errors.append(exc)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, step)
    trigger()
    if errors:
        raise errors[0]
    if tries[0] >= 250:
        raise AssertionError("no dialog opened")


def child(dialog: QWidget, kind: type, name: str):
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found
