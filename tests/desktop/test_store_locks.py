"""The window keeps its store's locks, and says "saved on disk" only when it is true.

As a new officer found it: with the window open, File → Attach a file… browsed into the store's
folder; Qt's file dialog read each file's first bytes to show its type and closed it, which on
Linux and macOS releases every lock the process holds on that file. A command run next took
itself for the last connection and deleted the window's journal; the window went on saving into
the deleted file, said "Saved", and lost it all at the next crash (docs/reliability.md, "Locks").
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QListView

from tests.db.test_store_locks import another_process_reads
from tests.desktop.test_record_pages import open_page

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
    qtbot.waitUntil(lambda: page.detail.record_id == page.current_id())
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
