"""The window keeps its store's locks, and says "saved on disk" only when it is true.

As a new officer found it: with the window open, File → Attach a file… browsed into the store's
folder; Qt's file dialog read each file's first bytes to show its type and closed it, which on
Linux and macOS releases every lock the process holds on that file. A command run next took
itself for the last connection and deleted the window's journal; the window went on saving into
the deleted file, said "Saved", and lost it all at the next crash (docs/reliability.md, "Locks").
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QListView, QMessageBox

from db.errors import StorageError
from db.records import services
from tests.db.test_store_locks import another_process_reads, names_on_disk
from tests.desktop.test_new_officer import open_window
from tests.desktop.test_record_pages import open_page, type_into

POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX locks: Windows locks per handle")


def while_modal(qtbot, trigger, drive) -> None:
    """Do ``trigger`` (which opens a modal dialog), drive the dialog, then close it."""
    errors: list[BaseException] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, step)
            return
        try:
            drive(dialog)
        except BaseException as exc:  # noqa: BLE001 - reported once the dialog is gone
            errors.append(exc)
        dialog.reject()

    QTimer.singleShot(0, step)
    trigger()
    if errors:
        raise errors[0]


def listed(dialog) -> list[str]:
    view = dialog.findChild(QListView, "listView")
    model, root = view.model(), view.rootIndex()
    return [model.index(row, 0, root).data() for row in range(model.rowCount(root))]


@POSIX
def test_browsing_the_stores_folder_to_attach_a_file_keeps_the_stores_locks(qtbot, sample_desk):
    store = sample_desk.store
    (store.path.parent / "minutes.txt").write_text("Minutes of the consultation\n")
    page = open_page(qtbot, sample_desk, "agreement")
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.attach_button.isEnabled())
    seen: dict[str, list[str]] = {}

    def browse_into_the_stores_folder(dialog) -> None:
        dialog.setDirectory(str(store.path.parent))
        qtbot.waitUntil(lambda: "minutes.txt" in listed(dialog), timeout=5000)
        qtbot.wait(500)  # the dialog has typed every file of the folder
        seen["files"] = listed(dialog)

    while_modal(
        qtbot,
        lambda: qtbot.mouseClick(page.detail.attach_button, Qt.MouseButton.LeftButton),
        browse_into_the_stores_folder,
    )

    # Another program's connection, closing, finds the window's locks and leaves its journal.
    another_process_reads(store.path)
    assert store.wal_path.exists() and store.log_is_ours()
    # The store's own files are not offered.
    assert "minutes.txt" in seen["files"]
    assert not [name for name in seen["files"] if name.startswith(store.path.name)]


def test_every_file_dialog_of_the_window_is_partnerdesks(qtbot):
    """Qt's file dialog is made in one place, which types files by name and hides the store."""
    root = Path(__file__).resolve().parents[2] / "desktop"
    makers = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "QFileDialog" in path.read_text(encoding="utf-8")
    ]
    assert makers == ["widgets/file_dialogs.py"]


def test_a_change_not_confirmed_on_disk_is_not_called_saved(qtbot, desk, monkeypatch):
    window = open_window(qtbot, desk)
    store = desk.store
    page = open_page(qtbot, desk, "organization")
    page.new_record()
    type_into(qtbot, page, "name", "Direction générale des douanes")
    page.editor.inputs["kind"].set("national_administration")

    # The journal was taken from the window, and copying it back into the store fails.
    def cannot_copy() -> None:
        raise StorageError("PartnerDesk could not confirm that the last change reached the disk")

    monkeypatch.setattr(store, "log_is_ours", lambda: False)
    monkeypatch.setattr(store, "_checkpoint_the_log_held", cannot_copy)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not page.editor.save()
    assert "could not confirm" in shown[0]
    assert page.editor.is_dirty() and page.editor.status.text() != "Saved"
    qtbot.waitUntil(lambda: "not confirmed on disk" in window.store_label.text())
    assert "saved on disk" not in window.store_label.text()

    monkeypatch.undo()  # the other program is closed: the next save copies everything
    answers = itertools.chain([False, False], itertools.repeat(True))  # before and in the lock
    monkeypatch.setattr(store, "log_is_ours", answers.__next__)
    monkeypatch.setattr(store, "_checkpoint_the_log_held", lambda: None)
    monkeypatch.setattr(store, "_reopen", lambda: True)
    assert page.editor.save()
    qtbot.waitUntil(lambda: "nothing was lost" in window.store_label.text())
    assert "saved on disk" in window.store_label.text()
    assert services.find(store, "douanes")


# A window in its own process, as an officer has it open: it saves through its editor, its
# process opens and closes the store's file when told, saves again, then waits for the kill.
WINDOW = textwrap.dedent(
    """
    import json, os, sys, time
    from PySide6.QtCore import QSettings
    from db.records.services import open_store
    from desktop.app import make_application
    from desktop.desk import Desk
    from desktop.drafts import Drafts
    from desktop.errors import start_logging
    from desktop.main_window import MainWindow
    from desktop.settings import Options

    path, settings = sys.argv[1], sys.argv[2]
    app = make_application()
    log = start_logging()
    store = open_store(path)
    options = Options(QSettings(settings, QSettings.Format.IniFormat))
    window = MainWindow(Desk(store), options, Drafts(store.path))
    window.show()
    window.show_page("organization")
    page = window.list_pages["organization"]

    def save(name):
        page.new_record()
        page.editor.inputs["name"].set(name)
        page.editor.inputs["kind"].set("ngo")
        saved = page.editor.save()
        for _ in range(25):  # what the store tells the window from the thread that wrote
            app.processEvents()
            time.sleep(0.02)
        said = {
            "saved": saved,
            "editor": page.editor.status.text(),
            "store": window.store_label.text(),
            "log": str(log),
        }
        print(json.dumps(said), flush=True)

    save("Entered before")
    sys.stdin.readline()
    fd = os.open(path, os.O_RDONLY)  # as a file dialog does, to show the file's type
    os.read(fd, 100)
    os.close(fd)
    print(json.dumps("strayed"), flush=True)
    sys.stdin.readline()
    save("Entered after")
    time.sleep(60)
    """
)


@POSIX
def test_a_save_after_the_window_lost_its_locks_survives_a_kill(store_path, tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW, str(store_path), str(tmp_path / "settings.ini")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )

    def next_line():
        return json.loads(window.stdout.readline())

    try:
        first = next_line()
        assert first["saved"] and first["editor"] == "Saved"
        assert "saved on disk" in first["store"]
        window.stdin.write("go\n")
        window.stdin.flush()
        assert next_line() == "strayed"
        another_process_reads(store_path)  # a command of the old kind: it deleted the journal
        window.stdin.write("go\n")
        window.stdin.flush()
        second = next_line()
    finally:
        window.send_signal(signal.SIGKILL)  # a power cut, a frozen laptop
        window.wait()

    assert second["saved"] and second["editor"] == "Saved"
    assert "saved on disk" in second["store"] and "nothing was lost" in second["store"]
    assert names_on_disk(store_path) == {"Entered before", "Entered after"}
    assert "was deleted or replaced by another program" in Path(second["log"]).read_text()
