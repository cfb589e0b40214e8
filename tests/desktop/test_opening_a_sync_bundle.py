"""A sync bundle opened with PartnerDesk — `partnerdesk FILE.pdsync` (what a double-click runs),
the Finder's QFileOpenEvent on macOS, or File → Merge a sync bundle: the window says what the
bundle holds and merges it only when the officer says Merge, then shows the sync report naming
the clash, with a way to the Conflicts page; Cancel and a refused bundle merge nothing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from db.exchange import bundles
from db.exchange.document import export_document
from db.records import services
from db.records.services import open_store
from desktop import app as app_module
from desktop import cli
from desktop.sync_bundle_file import QUESTION, REPORT
from desktop.worker import wait_for_background_work
from tests import builders
from tests.desktop.modal import answer_dialog
from tests.desktop.test_conflicts_page import carry, edit, store_id
from tests.desktop.test_opening_an_exchange_file import start_a_second_time
from tests.desktop.test_store_session import _start as start_session

TITLE = "MoU on border management"


@pytest.fixture
def clashing_bundle(sample_path, other_store, tmp_path) -> Path:
    """The mission's bundle: an agreement both laptops hold, its status changed offline here
    ("terminated") and at the mission ("superseded"), and a partner the mission added."""
    with open_store(sample_path) as here:
        parties = builders.two_parties(here)
        agreement = services.save(here, "agreement", builders.agreement(parties, title=TITLE))
        carry(here, other_store, tmp_path / "first.pdsync")
        carry(other_store, here, tmp_path / "back.pdsync")
        edit(here, agreement, status="terminated")
        here_id = store_id(here)
    edit(other_store, agreement, status="superseded")
    services.save(
        other_store, "organization", builders.organization(name="Agence de coopération de Lomé")
    )
    path = tmp_path / "from the mission.pdsync"
    bundles.write_bundle(other_store, path, for_store=here_id)
    return path


def _conflicts(path: Path) -> list[dict]:
    wait_for_background_work()
    with open_store(path, read_only=True) as store:
        return bundles.open_conflicts(store)


def _partners(path: Path) -> set[str]:
    with open_store(path, read_only=True) as store:
        return {o["name"] for o in export_document(store)["organizations"]}


def _box(qtbot, window, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, name) is not None, timeout=10_000)
    return window.findChild(QMessageBox, name)


def _answer(qtbot, window, button) -> str:
    """What the question said; then the officer clicks ``button``."""
    box = _box(qtbot, window, QUESTION)
    said = box.text()
    assert box.informativeText() == "Merge it into this store?"
    box.button(button).click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, QUESTION) is None, timeout=10_000)
    return said


def _report(qtbot, window) -> str:
    """The sync report's text; the officer follows it to the Conflicts page."""
    box = _box(qtbot, window, REPORT)
    said = box.text()
    box.findChild(type(box.button(QMessageBox.StandardButton.Close)), "open_conflicts").click()
    assert window.current_key() == "conflicts"
    return said


def _merged_with_the_clash(said: str, report: str) -> None:
    assert "from the mission.pdsync comes from the store" in said
    assert "Its newest change was made on" in said
    assert "It holds 34 changes to 1 agreement, 1 partner, 32 thematic areas." in said
    assert "Records added: 1 record" in report
    assert "Records merged by themselves: 0 records" in report
    assert "Conflicts to resolve: 1" in report
    assert f"• Agreement “{TITLE}”: Status" in report


def test_a_bundle_given_on_the_command_line_is_shown_then_merged_on_merge(
    qtbot, sample_path, clashing_bundle, monkeypatch
):
    for unrelated in ("start_logging", "install_exception_hook", "install_translators"):
        monkeypatch.setattr(app_module, unrelated, lambda *args: None)
    seen = []

    from desktop.main_window import MainWindow

    opened = []
    real_show = MainWindow.show
    monkeypatch.setattr(MainWindow, "show", lambda w: opened.append(w) or real_show(w))

    def officer_at_the_window(self) -> int:  # the window's event loop, as the officer uses it
        qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
        window = opened[0]
        seen.append(_answer(qtbot, window, QMessageBox.StandardButton.Yes))
        seen.append(_report(qtbot, window))
        qtbot.waitUntil(lambda: window.conflicts_button.text() == "1 conflict", timeout=10_000)
        window.close()
        return 0

    monkeypatch.setattr(app_module.PartnerDeskApplication, "exec", officer_at_the_window)
    assert cli.main(["--db", str(sample_path), str(clashing_bundle)]) == 0
    _merged_with_the_clash(*seen)
    [clash] = _conflicts(sample_path)
    assert clash["field"] == "status"
    assert "Agence de coopération de Lomé" in _partners(sample_path)


def test_cancel_merges_nothing(qtbot, sample_path, clashing_bundle, sessions):
    session = start_session(sessions, sample_path, files=[clashing_bundle])
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    said = _answer(qtbot, session.window, QMessageBox.StandardButton.Cancel)
    assert "It holds 34 changes" in said
    assert _conflicts(sample_path) == []
    assert "Agence de coopération de Lomé" not in _partners(sample_path)


def test_a_bundle_the_finder_opens_is_shown_then_merged(
    qtbot, sample_path, clashing_bundle, sessions
):
    session = start_session(sessions, sample_path)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    # macOS: a double-click in the Finder while PartnerDesk runs.
    QCoreApplication.postEvent(QApplication.instance(), QFileOpenEvent(str(clashing_bundle)))
    said = _answer(qtbot, session.window, QMessageBox.StandardButton.Yes)
    _merged_with_the_clash(said, _report(qtbot, session.window))
    assert len(_conflicts(sample_path)) == 1


def test_the_file_menu_merges_a_bundle_chosen_in_the_file_dialog(
    qtbot, sample_path, clashing_bundle, sessions
):
    session = start_session(sessions, sample_path)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    window = session.window
    file_menu = window.menuBar().actions()[0].menu()
    [merge] = [a for a in file_menu.actions() if a.text() == "&Merge a sync bundle…"]

    def choose(dialog) -> None:
        dialog.selectFile(str(clashing_bundle))
        dialog.accept()

    answer_dialog(merge.trigger, choose)
    said = _answer(qtbot, window, QMessageBox.StandardButton.Yes)
    _merged_with_the_clash(said, _report(qtbot, window))
    assert len(_conflicts(sample_path)) == 1


def test_a_bundle_from_a_newer_schema_says_why_and_merges_nothing(
    qtbot, sample_path, clashing_bundle, sessions, tmp_path
):
    newer = tmp_path / "from a newer PartnerDesk.pdsync"
    with zipfile.ZipFile(clashing_bundle) as source, zipfile.ZipFile(newer, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == bundles.JSON_PART:
                doc = json.loads(data)
                doc["schema_revision"] = "9999"
                data = json.dumps(doc).encode()
            target.writestr(name, data)
    session = start_session(sessions, sample_path, files=[newer])
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    box = _box(qtbot, session.window, QUESTION)
    assert "from a newer PartnerDesk.pdsync cannot be merged; nothing was merged." in box.text()
    assert "newer schema (revision 9999)" in box.text()
    assert box.standardButtons() == QMessageBox.StandardButton.Ok
    box.button(QMessageBox.StandardButton.Ok).click()
    assert _conflicts(sample_path) == []
    assert "Agence de coopération de Lomé" not in _partners(sample_path)


def test_a_second_start_with_a_bundle_hands_it_to_the_window(
    qtbot, sample_path, clashing_bundle, sessions
):
    first = start_session(sessions, sample_path)
    qtbot.waitUntil(lambda: first.window is not None, timeout=10_000)
    second = start_a_second_time(sample_path, clashing_bundle)
    said = _answer(qtbot, first.window, QMessageBox.StandardButton.Yes)
    _merged_with_the_clash(said, _report(qtbot, first.window))
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    assert second.stdout.read().strip() == "ended"
    assert len(_conflicts(sample_path)) == 1


def test_a_read_only_window_says_it_cannot_merge(qtbot, sample_path, clashing_bundle, sessions):
    session = start_session(sessions, sample_path, read_only=True, files=[clashing_bundle])
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    box = _box(qtbot, session.window, QUESTION)
    assert box.text() == (
        "from the mission.pdsync cannot be merged: this window has the store open read-only."
    )
    assert not session.window.actions_by_key["merge_bundle"].isVisible()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert _conflicts(sample_path) == []


def test_a_bundle_alone_opens_the_window():
    assert cli._file_to_open(["--db", "x.sqlite", "Mission.PDSYNC"]) == (
        ["--db", "x.sqlite"],
        "Mission.PDSYNC",
    )
    assert cli._file_to_open(["sync-in", "mission.pdsync"]) == (["sync-in", "mission.pdsync"], None)
