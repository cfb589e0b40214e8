"""The window refuses what the command line refuses, in the same words: every hostile spreadsheet
of tests/hostile.py in the import dialog; a briefing saved to a read-only folder; a restore, an
import or a briefing stopped by the disk or by the memory — each told as a sentence, none as an
"unexpected error", and nothing written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from db.errors import FileRefused, StorageError
from db.queries import listing
from desktop import cli
from desktop.dialogs.import_spreadsheet import ImportSpreadsheetDialog
from desktop.dialogs.prepare_briefing import PrepareBriefingDialog
from desktop.dialogs.recovery import RecoveryDialog
from desktop.worker import wait_for_background_work
from tests import hostile

# A link to /dev/zero is left to the command line's test, which runs it in a process whose
# memory is capped: here a guard that let it through would take this process's memory.
SPREADSHEETS = [
    name
    for name, one in hostile.CORPUS.items()
    if "--kind" in one.options and hostile.can_make(one) and "/dev/zero" not in name
]


@pytest.fixture
def no_defect_reported(monkeypatch):
    """Fails the test if anything reaches the handler of defects as one."""
    reported: list[BaseException] = []
    monkeypatch.setattr("desktop.errors.log.error", lambda *args, **kwargs: reported.append(args))
    yield reported
    assert not reported, f"reported as a defect: {reported}"


def _cli_says(capsys, *args: str) -> str:
    assert cli.main(list(args)) == cli.EXIT_FAILED
    return capsys.readouterr().err


@pytest.mark.parametrize("name", SPREADSHEETS)
def test_the_import_dialog_refuses_a_hostile_spreadsheet_as_the_command_line_does(
    name, qtbot, desk, tmp_path, capsys, no_defect_reported
):
    one = hostile.CORPUS[name]
    path = one.make(tmp_path)
    said = _cli_says(capsys, "--db", str(desk.store.path), "import", str(path), *one.options)
    dialog = ImportSpreadsheetDialog(desk, "organization")
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.open_file(path)
    qtbot.waitUntil(lambda: one.words in dialog.status.text(), timeout=30_000)

    shown = dialog.status.text()
    if said.startswith("partnerdesk: nothing was imported: 1 problem."):  # a SpreadsheetRefused
        assert said.splitlines()[1] == f"  - file: {shown}"
    else:
        assert said.strip() == f"partnerdesk: nothing was imported: {shown.split(': ', 1)[1]}"
        assert shown.startswith("Nothing was imported: ")
    assert not dialog.import_button.isEnabled()


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/data/store.sqlite"),
         "/data/store.sqlite: the disk is full. Nothing was changed."),
        (MemoryError(), "There was not enough memory to finish: nothing was changed."),
    ],
)  # fmt: skip
def test_an_import_stopped_by_the_disk_or_the_memory_is_told_plainly(
    qtbot, desk, tmp_path, monkeypatch, failure, words, no_defect_reported
):
    sheet = tmp_path / "partners.csv"
    sheet.write_text("name,kind\nInterpol,other\n", encoding="utf-8")
    dialog = ImportSpreadsheetDialog(desk, "organization", sheet)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview.rowCount() > 0, timeout=10_000)

    def fails(*_args, **_kwargs):
        raise failure

    monkeypatch.setattr(dialog.importer, "commit", fails)
    dialog.import_all()
    qtbot.waitUntil(lambda: words in dialog.status.text(), timeout=10_000)


# -- the briefing ----------------------------------------------------------------------------------
def read_only_folder(monkeypatch, folder: Path) -> None:
    """As a read-only disk answers: writing or creating a file there fails, and so does removing
    the half-written file (Linux says "read-only" before it looks whether the file is there at
    all)."""
    real_write, real_unlink, real_open = Path.write_bytes, Path.unlink, os.open
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def open_(path, flags, *args, **kwargs):
        if Path(path).parent == folder and flags & writing:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    def write_bytes(self, data):
        if self.parent == folder:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_write(self, data)

    def unlink(self, missing_ok=False):
        if self.parent == folder:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setattr(os, "open", open_)


def test_a_briefing_for_a_read_only_folder_is_refused_plainly_in_the_window_and_the_command(
    qtbot, sample_desk, tmp_path, capsys, monkeypatch, no_defect_reported
):
    folder = tmp_path / "read-only"
    folder.mkdir()
    target = folder / "brief.pdf"
    read_only_folder(monkeypatch, folder)
    expected = (
        f"The briefing could not be written to {target}: the disk or folder is read-only. "
        "Choose another folder or file name."
    )

    said = _cli_says(
        capsys, "--db", str(sample_desk.store.path), "brief", "--partner", "IOM",
        "--output", str(target),
    )  # fmt: skip
    assert said.strip() == f"partnerdesk: {expected}"

    [(partner, _)] = [
        o for o in sample_desk.read(listing.options, "organization") if "(IOM)" in o[1]
    ]
    dialog = PrepareBriefingDialog(sample_desk, partner)
    qtbot.addWidget(dialog)
    dialog.save_to(target, open_it=False)
    qtbot.waitUntil(lambda: "Not saved" in dialog.status.text(), timeout=30_000)
    assert dialog.status.text() == f"Not saved: {expected}"
    assert not target.exists() and not os.listdir(folder)
    wait_for_background_work()


# -- restoring a backup -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (OSError(errno.EACCES, "Permission denied", "/backups/monday.sqlite"),
         "/backups/monday.sqlite: permission denied (you are not allowed to do this). "
         "Nothing was changed."),
        (MemoryError(), "There was not enough memory to finish: nothing was changed."),
        (FileRefused("/backups/pipe is a named pipe, not a backup."),
         "Nothing was restored: /backups/pipe is a named pipe, not a backup."),
    ],
)  # fmt: skip
def test_a_restore_stopped_by_the_disk_or_the_memory_is_told_plainly(
    qtbot, tmp_path, monkeypatch, failure, words, no_defect_reported
):
    def fails(*_args, **_kwargs):
        raise failure

    monkeypatch.setattr("desktop.dialogs.recovery.restore_backup", fails)
    dialog = RecoveryDialog(tmp_path / "store.sqlite", StorageError("damaged"))
    qtbot.addWidget(dialog)
    dialog.restore(tmp_path / "backup.sqlite")
    qtbot.waitUntil(lambda: dialog.status.text().startswith(words), timeout=10_000)
    assert dialog.choose.isEnabled()  # the officer can try another backup
    wait_for_background_work()
