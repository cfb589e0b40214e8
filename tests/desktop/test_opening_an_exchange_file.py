"""An exchange file opened with PartnerDesk — `partnerdesk FILE` (what a double-click runs), the
Finder's QFileOpenEvent on macOS, or a second start handing the file to the window already open:
the window says what the file holds and what importing it would do, and imports only when the
officer says Import; Cancel imports nothing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from db.exchange.document import export_document, write_file
from db.records.services import open_store
from desktop import app as app_module
from desktop import cli
from desktop.app import StoreSession
from desktop.exchange_file import QUESTION
from desktop.worker import wait_for_background_work
from tests.desktop.test_store_session import _start as start_session

NEW_PARTNER = "Agence de coopération de Lomé"


@pytest.fixture
def exchange_file(sample_path, tmp_path):
    """The sample as a colleague sent it back: one partner renamed, one new."""
    with open_store(sample_path) as store:
        doc = export_document(store, exported_at="2026-11-20T09:30:00Z")
    doc["organizations"][0]["acronym"] = "RENAMED"
    doc["organizations"].append(
        {"id": "7d1c2f0e-5b6a-4e1f-9c3d-2a4b6c8d0e1f", "name": NEW_PARTNER, "kind": "ngo"}
    )
    path = tmp_path / "from a colleague.partnerdesk.json"
    write_file(doc, path)
    return path


def _start(sessions, path, file=None) -> StoreSession:
    """The window started as `partnerdesk --db PATH [FILE]` starts it."""
    return start_session(sessions, path, **({"files": [file]} if file else {}))


def _question(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, QUESTION) is not None, timeout=10_000)
    return window.findChild(QMessageBox, QUESTION)


def _partners(path) -> dict[str, str | None]:
    wait_for_background_work()
    with open_store(path, read_only=True) as store:
        return {o["name"]: o["acronym"] for o in export_document(store)["organizations"]}


def _answer(qtbot, window, button) -> str:
    """What the question said; then the officer clicks ``button``."""
    box = _question(qtbot, window)
    said = box.text()
    box.button(button).click()
    wait_for_background_work()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, QUESTION) is None, timeout=10_000)
    return said


def test_a_file_given_on_the_command_line_is_shown_then_imported_on_yes(
    qtbot, sample_path, exchange_file, monkeypatch
):
    for unrelated in ("start_logging", "install_exception_hook", "install_translators"):
        monkeypatch.setattr(app_module, unrelated, lambda *args: None)
    said = []

    from desktop.main_window import MainWindow

    opened = []
    real_show = MainWindow.show
    monkeypatch.setattr(MainWindow, "show", lambda w: opened.append(w) or real_show(w))

    def officer_at_the_window(self) -> int:  # the window's event loop, as the officer uses it
        qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
        window = opened[0]
        said.append(_answer(qtbot, window, QMessageBox.StandardButton.Yes))
        qtbot.waitUntil(lambda: "Imported" in window.statusBar().currentMessage(), timeout=10_000)
        window.close()
        return 0

    monkeypatch.setattr(app_module.PartnerDeskApplication, "exec", officer_at_the_window)
    assert cli.main(["--db", str(sample_path), str(exchange_file)]) == 0
    assert "from a colleague.partnerdesk.json holds 7 partners" in said[0]
    assert "exported on" in said[0]
    assert "adds 1 record, changes 1 record this store holds" in said[0]
    partners = _partners(sample_path)
    assert partners[NEW_PARTNER] is None and "RENAMED" in partners.values()


def test_cancel_imports_nothing(qtbot, sample_path, exchange_file, sessions):
    before = _partners(sample_path)
    session = _start(sessions, sample_path, exchange_file)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    # Every message the status bar shows: the opening backup's own may follow ours at once.
    shown: list[str] = []
    session.window.statusBar().messageChanged.connect(shown.append)
    said = _answer(qtbot, session.window, QMessageBox.StandardButton.Cancel)
    assert "holds 7 partners" in said
    assert any("was not imported" in message for message in shown), shown
    assert _partners(sample_path) == before


def test_a_file_the_finder_opens_is_shown_then_imported_on_yes(
    qtbot, sample_path, exchange_file, sessions
):
    session = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    # macOS: a double-click in the Finder while PartnerDesk runs.
    QCoreApplication.postEvent(QApplication.instance(), QFileOpenEvent(str(exchange_file)))
    said = _answer(qtbot, session.window, QMessageBox.StandardButton.Yes)
    assert "holds 7 partners" in said and "adds 1 record" in said
    assert NEW_PARTNER in _partners(sample_path)


def test_a_file_the_finder_opens_at_launch_waits_for_the_window(
    qtbot, sample_path, exchange_file, sessions
):
    # macOS launches PartnerDesk for a double-clicked file and sends the file before any window.
    QCoreApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(exchange_file)))
    session = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    said = _answer(qtbot, session.window, QMessageBox.StandardButton.Cancel)
    assert "holds 7 partners" in said
    assert NEW_PARTNER not in _partners(sample_path)


def start_a_second_time(store, file) -> subprocess.Popen:
    """`partnerdesk --db STORE FILE` while a window has STORE open, started from FILE's folder
    with the file's name as the officer's shell gave it; prints "ended" once handed over."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from desktop.app import StoreSession, make_application\n"
        "from desktop.settings import Options\n"
        "make_application()\n"
        "session = StoreSession(sys.argv[1], Options())\n"
        "session.open_file(Path(sys.argv[2]))\n"
        "session.ask_read_only = lambda busy: print('asked', busy) or False\n"
        "print('started' if session.start() else 'ended')\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, str(store), file.name],
        cwd=file.parent,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


def test_a_second_start_with_a_file_hands_it_to_the_window(
    qtbot, sample_path, exchange_file, sessions, tmp_path
):
    first = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: first.window is not None, timeout=10_000)
    second = start_a_second_time(sample_path, exchange_file)
    said = _answer(qtbot, first.window, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    assert second.stdout.read().strip() == "ended"
    assert "holds 7 partners" in said
    assert NEW_PARTNER in _partners(sample_path)


def test_a_file_that_cannot_be_imported_says_why_and_asks_nothing(
    qtbot, sample_path, tmp_path, sessions
):
    bad = tmp_path / "broken.partnerdesk.json"
    bad.write_text('{"format": "partnerdesk", "version": 1, "organizations": [{"name": "X"}]}')
    before = _partners(sample_path)
    session = _start(sessions, sample_path, bad)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    box = _question(qtbot, session.window)
    assert "broken.partnerdesk.json cannot be imported" in box.text()
    assert box.standardButtons() == QMessageBox.StandardButton.Ok
    box.button(QMessageBox.StandardButton.Ok).click()
    assert _partners(sample_path) == before


def test_a_json_file_alone_opens_the_window_and_any_other_word_is_a_command():
    assert cli._file_to_open(["--db", "x.sqlite", "Notes.JSON"]) == (
        ["--db", "x.sqlite"],
        "Notes.JSON",
    )
    assert cli._file_to_open(["import", "notes.json"]) == (["import", "notes.json"], None)
    assert cli._file_to_open(["--db", "a.json", "check"]) == (["--db", "a.json", "check"], None)
    assert cli._file_to_open(["frobnicate"]) == (["frobnicate"], None)
    assert cli._file_to_open([]) == ([], None)
