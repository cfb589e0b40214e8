"""The store behind the window: a damaged store ends with the officer back at work on a restored
one and the damaged file kept; a second start on a store open in the officer's window brings that
window forward, and a store open in a window that does not answer opens read-only; backups are taken
on opening and closing; a full disk keeps the edit in the editor and the store sound."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db.errors import StorageError
from db.exchange.sample import load_sample
from db.records import services
from db.records.services import open_store
from db.store.backups import list_backups, take_backup
from db.store.lock import StoreLock, holder_of, lock_path
from desktop.app import StoreSession
from desktop.settings import Options
from desktop.worker import wait_for_background_work
from tests.damage import DAMAGE
from tests.desktop.conftest import TODAY
from tests.desktop.test_record_pages import open_page, type_into


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _start(sessions, path, **overrides) -> StoreSession:
    session = StoreSession(path, Options())
    session.quit_codes = []
    session.quit = session.quit_codes.append  # no event loop to leave in tests
    for name, value in overrides.items():
        setattr(session, name, value)
    sessions.append(session)
    assert session.start()
    return session


def _organizations_shown(qtbot, session) -> int:
    session.window.show_page("organization")
    page = session.window.list_pages["organization"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    return page.model.rowCount()


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_each_kind_of_damage_ends_on_a_restored_store(qtbot, sample_path, sessions, damage):
    take_backup(sample_path, "closing")
    DAMAGE[damage](sample_path)
    damaged = _digest(sample_path)

    session = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: session.recovery is not None, timeout=10_000)
    dialog = session.recovery
    qtbot.waitUntil(dialog.restore_newest.isEnabled, timeout=10_000)
    assert "sound backup was taken on" in dialog.finding.text()
    qtbot.mouseClick(dialog.restore_newest, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)

    assert _organizations_shown(qtbot, session) == 6  # the sample's partners are all back
    why = "newer-version" if damage == "newer version" else "damaged"
    [kept] = sample_path.parent.glob(f"partnerdesk.{why}-*.sqlite")
    assert _digest(kept) == damaged  # the file that could not be opened, untouched
    assert str(kept) in session.window.statusBar().currentMessage()


def test_quitting_the_recovery_leaves_every_file_as_it_was(qtbot, sample_path, sessions):
    take_backup(sample_path, "closing")
    DAMAGE["noise"](sample_path)
    damaged = _digest(sample_path)
    session = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: session.recovery is not None, timeout=10_000)
    qtbot.mouseClick(session.recovery.quit, Qt.MouseButton.LeftButton)
    assert session.quit_codes == [1]
    assert session.window is None
    assert _digest(sample_path) == damaged
    assert sorted(p.name for p in sample_path.parent.iterdir()) == [
        "partnerdesk.backups",
        "partnerdesk.sqlite",
        "partnerdesk.sqlite.lock",
    ]


def test_with_no_backup_the_damaged_store_is_kept_and_an_empty_one_started(
    qtbot, sample_path, sessions
):
    DAMAGE["truncated"](sample_path)
    damaged = _digest(sample_path)
    session = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: session.recovery is not None, timeout=10_000)
    dialog = session.recovery
    qtbot.waitUntil(lambda: "No sound backup" in dialog.finding.text(), timeout=10_000)
    assert not dialog.restore_newest.isEnabled()

    def close_first_start() -> None:  # the new store asks which organization is ours
        if session.window is not None:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not dialog:
            modal.reject()
        QTimer.singleShot(100, close_first_start)  # until the window is there, whatever asked

    QTimer.singleShot(100, close_first_start)
    dialog.start_without_backup()
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    [kept] = sample_path.parent.glob("partnerdesk.damaged-*.sqlite")
    assert _digest(kept) == damaged


def _damage_deep_inside(path) -> None:
    """Pages of the records saved last overwritten: the header, schema and small tables that
    the window checks before opening are sound; only reading every page finds it."""
    with open_store(path) as store:
        services.save_many(
            store,
            [("organization", {"name": f"Partner {n} " + "x" * 300, "kind": "academia"})
             for n in range(300)],
        )  # fmt: skip
    take_backup(path, "closing")
    data = bytearray(path.read_bytes())
    data[-4096 * 3 :] = bytes(range(256)) * 48
    path.write_bytes(bytes(data))


def test_damage_found_by_the_check_behind_the_open_window_leads_to_recovery(
    qtbot, sample_path, sessions, monkeypatch
):
    _damage_deep_inside(sample_path)
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: told.append(args[2]))
    session = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: session.recovery is not None, timeout=10_000)
    assert "found damage" in told[0]
    # The window had opened at once (the whole file is read afterwards), and is now closed.
    assert session.window is None and not session.closed_window.isVisible()
    dialog = session.recovery
    qtbot.waitUntil(dialog.restore_newest.isEnabled, timeout=10_000)
    qtbot.mouseClick(dialog.restore_newest, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    assert _organizations_shown(qtbot, session) == 306
    assert list(sample_path.parent.glob("partnerdesk.damaged-*.sqlite"))


def test_after_a_crash_every_page_is_checked_before_the_window_opens(qtbot, sample_path, sessions):
    _damage_deep_inside(sample_path)
    lock_path(sample_path).write_text(
        '{"pid": 999999, "host": "laptop", "user": "officer", "since": "2026-11-20T09:00:00"}'
    )  # left by a window that was killed
    session = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: session.recovery is not None, timeout=10_000)
    assert session.window is None


def test_a_read_only_window_reads_every_page_before_opening(
    qtbot, sample_path, sessions, monkeypatch
):
    _damage_deep_inside(sample_path)
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: told.append(args[2]))
    with StoreLock(sample_path):  # another window has the store
        session = _start(sessions, sample_path, ask_read_only=lambda busy: True)
        qtbot.waitUntil(lambda: bool(session.quit_codes), timeout=10_000)
    assert session.window is None and session.quit_codes == [1]
    assert "damaged" in told[0]


def test_quitting_just_as_the_check_ends_still_frees_the_store(qtbot, sample_path, sessions):
    session = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    ended = sqlite3.connect(":memory:")
    ended.close()
    session._checking = ended  # the check closed its connection; its answer is not in yet
    session.window.close()
    session.finish()
    sessions.remove(session)
    assert holder_of(sample_path) is None


def test_a_sound_store_is_checked_whole_behind_the_window(qtbot, sample_path, sessions):
    session = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: session.whole_file_checked, timeout=10_000)
    assert session.window is not None and session.recovery is None


def test_a_store_open_in_another_window_opens_read_only(qtbot, sample_path, sessions):
    first = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: first.window is not None, timeout=10_000)
    asked = []
    second = _start(
        sessions,
        sample_path,
        come_forward=lambda busy: False,  # a window that does not answer (busy, or ending)
        ask_read_only=lambda busy: asked.append(busy) or True,
    )
    qtbot.waitUntil(lambda: second.window is not None, timeout=10_000)
    assert "is open elsewhere" in str(asked[0]) and "process" in str(asked[0])
    window = second.window
    assert "(read-only)" in window.windowTitle()
    assert "read-only" in window.store_label.text()
    assert not window.actions_by_key["new"].isVisible()
    assert _organizations_shown(qtbot, second) == 6
    with pytest.raises(StorageError, match="read-only in this window: nothing was saved"):
        services.save(window.desk.store, "organization", {"name": "X", "kind": "academia"})
    first.window.close()
    first.finish()
    assert holder_of(sample_path) is None or holder_of(sample_path).pid != 0


def test_quitting_when_the_store_is_open_elsewhere(qtbot, sample_path, sessions):
    first = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: first.window is not None, timeout=10_000)
    second = StoreSession(sample_path, Options())
    second.come_forward = lambda busy: False  # a window that does not answer
    second.ask_read_only = lambda busy: False
    assert not second.start()
    assert holder_of(sample_path) is not None  # the first window keeps its lock


def test_backups_on_opening_and_closing_when_the_store_changed(qtbot, sample_path, sessions):
    session = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    qtbot.waitUntil(lambda: len(list_backups(sample_path)) == 1, timeout=10_000)
    assert list_backups(sample_path)[0].reason == "opening"
    services.save(
        session.window.desk.store,
        "organization",
        {"name": "Université de Lomé", "kind": "academia", "country": "TG"},
    )
    wait_for_background_work()
    session.window.close()
    session.finish()
    sessions.remove(session)
    assert [b.reason for b in list_backups(sample_path)] == ["closing", "opening"]
    assert holder_of(sample_path) is None

    again = _start(sessions, sample_path)  # nothing changed since the closing backup
    qtbot.waitUntil(lambda: again.window is not None, timeout=10_000)
    wait_for_background_work()
    assert len(list_backups(sample_path)) == 2


def test_a_full_disk_keeps_the_edit_in_the_editor_and_the_store_sound(qtbot, desk, monkeypatch):
    page = open_page(qtbot, desk, "organization")
    page.new_record()
    type_into(qtbot, page, "name", "Direction nationale du contrôle des frontières")
    page.editor.inputs["kind"].set("national_administration")
    page.editor.validate()
    assert page.editor.save_button.isEnabled()

    # The disk fills up: SQLite may not grow the file by a single page.
    from sqlalchemy import event

    def no_room(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(desk.store._writer, "connect", no_room)
    desk.store._writer.dispose()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    page.editor.inputs["notes"].set("x" * 100_000)  # a change that needs new pages
    assert not page.editor.save()
    assert "disk" in shown[0] and "full" in shown[0] and "nothing was saved" in shown[0]
    assert page.editor.inputs["name"].get() == "Direction nationale du contrôle des frontières"
    assert page.editor.is_dirty()

    event.remove(desk.store._writer, "connect", no_room)
    desk.store._writer.dispose()
    conn = sqlite3.connect(desk.store.path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM organization").fetchone() == (0,)
    conn.close()
    assert page.editor.save()  # room again: the same edit is saved


def test_a_store_that_cannot_be_written_is_offered_read_only(
    qtbot, sample_path, sessions, monkeypatch
):
    from db.store import engine

    # Permissions cannot refuse root (the test machine's user); the check itself is replaced.
    monkeypatch.setattr(engine, "_writable", lambda path: False)
    asked = []
    session = _start(sessions, sample_path, ask_read_only=lambda why: asked.append(why) or True)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    assert "the file or its folder is read-only" in str(asked[0])
    assert "(read-only)" in session.window.windowTitle()
    assert _organizations_shown(qtbot, session) == 6
    session.window.close()
    session.finish()
    sessions.remove(session)
    assert list_backups(sample_path) == []  # nothing written beside a read-only store


def test_a_second_start_on_the_same_store_brings_its_window_forward(qtbot, sample_path, sessions):
    first = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: first.window is not None, timeout=10_000)
    brought = []
    first.window_calls._bring_forward = lambda: brought.append(True) or first.bring_forward()
    first.window.showMinimized()
    second = StoreSession(sample_path, Options())
    second.ask_read_only = lambda busy: pytest.fail(f"asked to open read-only: {busy}")
    assert not second.start()  # nothing more to start
    assert brought == [True] and not first.window.isMinimized()
    assert second.window is None and not second.lock.held


def test_a_second_start_from_another_process_brings_the_window_forward(
    qtbot, sample_path, sessions
):
    first = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: first.window is not None, timeout=10_000)
    brought = []
    first.window_calls._bring_forward = lambda: brought.append(True)
    code = (
        "import sys\n"
        "from desktop.app import StoreSession, make_application\n"
        "from desktop.settings import Options\n"
        "make_application()\n"
        "session = StoreSession(sys.argv[1], Options())\n"
        "session.ask_read_only = lambda busy: print('asked', busy) or False\n"
        "print('started' if session.start() else 'ended')\n"
    )
    second = subprocess.Popen(
        [sys.executable, "-c", code, str(sample_path)], stdout=subprocess.PIPE, text=True
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)  # the window answers
    assert second.stdout.read().strip() == "ended"
    assert brought == [True]


def test_a_store_open_by_another_officer_is_still_offered_read_only(qtbot, sample_path, sessions):
    first = _start(sessions, sample_path)
    qtbot.waitUntil(lambda: first.window is not None, timeout=10_000)
    first.window_calls._bring_forward = lambda: pytest.fail("another officer's window came")
    asked = []
    second = StoreSession(sample_path, Options())
    second.ask_read_only = lambda busy: asked.append(busy) or False
    # The lock's text says who holds it: as when another officer's session has the store open.
    holder = holder_of(sample_path)
    os.pwrite(first.lock._fd, json.dumps({**holder.__dict__, "user": "amina"}).encode(), 0)
    assert not second.start()
    assert "by amina" in str(asked[0])


def test_a_store_given_with_db_keeps_its_backups_and_drafts_in_folders_named_after_it(
    qtbot, tmp_path, sessions
):
    # partnerdesk --db /tmp/x.sqlite, an editor typed into, the window closed.
    folder = tmp_path / "work"  # the officer's folder (tmp_path holds the test's settings)
    folder.mkdir()
    path = folder / "x.sqlite"
    with open_store(path) as store:
        load_sample(store, today=TODAY)
    (folder / "minutes.docx").write_bytes(b"the officer's own file")
    session = _start(sessions, path)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    qtbot.waitUntil(lambda: len(list_backups(path)) == 1, timeout=10_000)
    window = session.window
    window.show_page("organization")
    page = window.list_pages["organization"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    page.new_record()
    type_into(qtbot, page, "name", "Université de Lomé")
    page.editor.keep_draft()  # as the editor does a moment after typing
    assert [d.raw["name"] for d in window.drafts.pending()] == ["Université de Lomé"]
    page.editor.discard()
    window.close()
    session.finish()
    sessions.remove(session)
    beside = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir() if p.is_dir()}
    assert beside == {"x.backups": 0o700, "x.drafts": 0o700}
    files = {p.name for p in folder.iterdir() if p.is_file()}
    assert files - {"x.sqlite-wal", "x.sqlite-shm"} == {"minutes.docx", "x.sqlite"}  # SQLite's own


def test_drafts_in_the_data_folder_are_in_drafts_readable_by_the_officer_only(
    tmp_path, monkeypatch
):
    from desktop.drafts import Drafts

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    data = tmp_path / "data" / "PartnerDesk"
    (data / "drafts").mkdir(parents=True, mode=0o755)  # as an earlier version left it
    os.chmod(data / "drafts", 0o755)
    drafts = Drafts(data / "partnerdesk.sqlite")
    drafts.keep("organization", "an-id", {"name": "OCHA"}, is_new=True)
    assert drafts.folder == data / "drafts" / "partnerdesk"
    assert stat.S_IMODE((data / "drafts").stat().st_mode) == 0o700
    assert stat.S_IMODE(drafts.folder.stat().st_mode) == 0o700
    assert [d.raw for d in drafts.pending()] == [{"name": "OCHA"}]


def test_drafts_an_earlier_version_kept_beside_a_store_are_still_offered(tmp_path):
    from desktop.drafts import Drafts

    earlier = Drafts(tmp_path / "x.sqlite")
    earlier.folder = tmp_path / "drafts" / "x"  # where they were written before
    earlier.folder.mkdir(parents=True)
    earlier.keep("organization", "an-id", {"name": "OCHA"}, is_new=True)
    drafts = Drafts(tmp_path / "x.sqlite")
    assert [d.raw for d in drafts.pending()] == [{"name": "OCHA"}]
    drafts.discard("organization", "an-id")
    assert drafts.pending() == []
