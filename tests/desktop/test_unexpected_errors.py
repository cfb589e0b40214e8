"""A bug never costs the officer their typing: the global handler writes the traceback to a log
in the data folder (owner-only), keeps what is typed in open editors as drafts, and shows a
plain message while the window stays up."""

from __future__ import annotations

import logging
import stat
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from desktop import errors
from desktop.drafts import Drafts
from tests.desktop.test_record_pages import open_page, type_into


def test_a_bug_is_logged_the_typing_kept_and_a_plain_message_shown(
    qtbot, desk, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    log_file = errors.start_logging()
    errors.install_exception_hook()
    try:
        page = open_page(qtbot, desk, "organization")
        page.new_record()
        type_into(qtbot, page, "name", "Agence nationale de la sécurité aux frontières")

        def slot_with_a_bug() -> None:
            raise ZeroDivisionError("a bug in a slot")

        QTimer.singleShot(0, slot_with_a_bug)
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        for handler in list(errors.log.handlers):
            if isinstance(handler, logging.FileHandler):
                errors.log.removeHandler(handler)
                handler.close()

    assert log_file == tmp_path / "data" / "PartnerDesk" / "logs" / "partnerdesk.log"
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    logged = log_file.read_text(encoding="utf-8")
    assert "ZeroDivisionError: a bug in a slot" in logged and "slot_with_a_bug" in logged
    assert "What you saved is safe" in shown[0] and str(log_file) in shown[0]
    [draft] = Drafts(desk.store.path).pending()
    assert draft.raw["name"] == "Agence nationale de la sécurité aux frontières"
    assert page.isVisible()
