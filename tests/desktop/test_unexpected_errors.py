"""A bug never costs the officer their typing: the global handler writes the traceback to a log
in the data folder (owner-only), keeps what is typed in open editors as drafts, and shows a
plain message while the window stays up."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

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


def _in_a_process_of_its_own(code: str, data: Path) -> subprocess.CompletedProcess:
    """Logging and faulthandler are the process's own: set up in a child, never in pytest's."""
    env = {**os.environ, "XDG_DATA_HOME": str(data), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_log_rotates_and_every_file_of_it_is_the_owners_only(tmp_path):
    done = _in_a_process_of_its_own(
        """
        from desktop import errors
        errors.LOG_BYTES = 4000
        errors.start_logging()
        for n in range(400):
            errors.log.info("line %03d %s", n, "x" * 80)
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    logs = tmp_path / "PartnerDesk" / "logs"
    kept = sorted(p.name for p in logs.iterdir() if p.name.startswith("partnerdesk.log"))
    assert kept == [f"partnerdesk.log{suffix}" for suffix in ("", ".1", ".2", ".3", ".4")]
    for path in logs.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        assert path.stat().st_size <= 4000 + 200
    assert "line 399" in (logs / "partnerdesk.log").read_text(encoding="utf-8")
    assert "line 000" not in "".join(p.read_text(encoding="utf-8") for p in logs.iterdir())


def test_a_native_crash_leaves_its_traceback_beside_the_log(tmp_path):
    done = _in_a_process_of_its_own(
        """
        import faulthandler
        from desktop import errors
        errors.start_logging()

        def opening_the_store():
            faulthandler._sigsegv()  # what a fault inside Qt or SQLite does

        opening_the_store()
        """,
        tmp_path,
    )
    assert done.returncode != 0
    crash = (tmp_path / "PartnerDesk" / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Segmentation fault" in crash and "opening_the_store" in crash


def test_qt_warnings_reach_the_log(tmp_path):
    done = _in_a_process_of_its_own(
        """
        from PySide6.QtCore import qWarning
        from desktop import errors
        from desktop.app import make_application
        app = make_application()
        errors.start_logging()
        errors.log_qt_messages()
        qWarning("QFont::setPointSizeF: Point size <= 0 (-1), must be greater than 0")
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    logged = (tmp_path / "PartnerDesk" / "logs" / "partnerdesk.log").read_text(encoding="utf-8")
    assert "WARNING partnerdesk: Qt: QFont::setPointSizeF: Point size <= 0" in logged
    assert "Point size <= 0" in done.stderr  # still where it went before
