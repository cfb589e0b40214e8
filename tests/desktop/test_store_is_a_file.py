"""A store and a backup are regular files on a disk. A store path (``--db``) or a backup naming a
device, a named pipe, a folder or a link to nothing is refused by every command before anything
is created, renamed or replaced beside it: as root, ``restore --db /dev/null`` once renamed the
real /dev/null aside and wrote a regular file in its place, and an import left a ``-journal``
beside the device.

The device here is a node made in the test's own folder (``mknod``, as root only): the same kind
of file as /dev/null, without risking the machine's."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop import cli
from tests.desktop.test_cli import partnerdesk


def _device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("making a device node needs root")


def _pipe(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def _dangling_link(path: Path) -> None:
    path.symlink_to(path.with_name("nowhere.sqlite"))


def _link_to_a_device(path: Path) -> None:
    _device(path.with_name("node"))
    path.symlink_to(path.with_name("node"))


SPECIAL = {
    "a device": (_device, "is a device"),
    "a named pipe": (_pipe, "is a named pipe"),
    "a folder": (_folder, "is a folder"),
    "a link to nothing": (_dangling_link, "is a link to nothing"),
    "a link to a device": (_link_to_a_device, "is a device"),
}


def _kind(path: Path) -> str:
    mode = os.lstat(path).st_mode
    return stat.filemode(mode)[0]


@pytest.fixture(scope="module")
def backup(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    db = folder / "store.sqlite"
    assert partnerdesk("--db", str(db), "sample", home=folder).returncode == 0
    copy = folder / "copy.sqlite"
    assert partnerdesk("--db", str(db), "backup", str(copy), home=folder).returncode == 0
    assert (
        partnerdesk("--db", str(db), "export", str(folder / "all.json"), home=folder).returncode
        == 0
    )
    return copy


@pytest.mark.parametrize("command", ["restore", "import", "check", "export", "backup"])
@pytest.mark.parametrize("special", SPECIAL)
def test_a_store_path_that_is_not_a_file_is_refused_and_nothing_is_made_beside_it(
    special, command, backup, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    folder = tmp_path / "place"
    folder.mkdir()
    db = folder / "store.sqlite"
    make, words = SPECIAL[special]
    make(db)
    before = {p.name: _kind(p) for p in folder.iterdir()}
    args = {
        "restore": ["restore", str(backup)],
        "import": ["import", str(backup.with_name("all.json"))],
        "check": ["check"],
        "export": ["export", str(tmp_path / "out.json")],
        "backup": ["backup", str(tmp_path / "copy.sqlite")],
    }[command]
    code = cli.main(["--db", str(db), *args])
    err = capsys.readouterr().err
    assert code != 0
    assert words in err and "store.sqlite" in err, err
    assert "unexpected" not in err.lower()
    after = {p.name: _kind(p) for p in folder.iterdir()}
    assert after == before  # no journal, no copy, nothing renamed aside


@pytest.mark.parametrize("special", ["a device", "a named pipe", "a folder"])
def test_a_backup_that_is_not_a_file_is_refused_before_the_store_is_touched(
    special, backup, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    db = tmp_path / "store.sqlite"
    assert cli.main(["--db", str(db), "sample"]) == 0
    wanted = db.read_bytes()
    named = tmp_path / "backup.sqlite"
    make, words = SPECIAL[special]
    make(named)
    capsys.readouterr()
    code = cli.main(["--db", str(db), "restore", str(named)])
    err = capsys.readouterr().err
    assert code != 0 and words in err, err
    assert db.read_bytes() == wanted
    assert not list(tmp_path.glob("store.replaced-*")) and not list(tmp_path.glob(".*.restoring"))


@pytest.mark.parametrize("special", ["a device", "a named pipe", "a link to nothing"])
def test_the_window_refuses_the_same_store_paths_and_says_why(special, qapp, tmp_path, monkeypatch):
    from desktop import app

    shown = []
    monkeypatch.setattr(app.QMessageBox, "critical", lambda *args: shown.append(args[2]))
    for unrelated in ("start_logging", "install_exception_hook", "install_translators"):
        monkeypatch.setattr(app, unrelated, lambda *args: None)
    db = tmp_path / "store.sqlite"
    make, words = SPECIAL[special]
    make(db)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert app.run_window(str(db)) == 1
    assert len(shown) == 1 and words in shown[0] and "cannot open its store" in shown[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == before
