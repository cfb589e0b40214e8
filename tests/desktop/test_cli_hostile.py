"""Every class of hostile file through ``partnerdesk import``, as an officer would run it on what
a partner sent: refused within seconds with one sentence naming the cause (the limit and its
place), exit status 1, no "unexpected error", and the store exactly as it was.

The files are made by tests/hostile.py. Those that once made the command wait forever or read
until memory ran out (a named pipe, a link to /dev/zero) run in a process of their own, with a
time limit and a cap on its memory; the others run in this process (the same code, without the
start-up of a new interpreter each time)."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import cli
from tests import hostile
from tests.desktop.test_cli import partnerdesk

CLASSES = [name for name, one in hostile.CORPUS.items() if hostile.can_make(one)]
IN_A_PROCESS_OF_ITS_OWN = {name for name in CLASSES if "pipe" in name or "/dev/zero" in name}


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-store")
    db = folder / "store.sqlite"
    assert partnerdesk("--db", str(db), "sample", home=folder).returncode == 0
    return db


def content(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def run_in_this_process(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().err


def run_apart(home: Path, *args: str) -> tuple[int, str]:
    """A process of its own, stopped after 60 s, its memory capped at 2 GB."""

    def capped() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2 * hostile.GB, 2 * hostile.GB))

    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True, text=True, env=env, timeout=60, preexec_fn=capped,
    )  # fmt: skip
    return done.returncode, done.stderr


@pytest.mark.parametrize("name", CLASSES)
def test_a_hostile_file_is_refused_quickly_and_plainly_and_the_store_is_unchanged(
    name, sample_store, tmp_path, capsys
):
    one = hostile.CORPUS[name]
    path = one.make(tmp_path)
    before = content(sample_store)
    args = ("--db", str(sample_store), "import", str(path), *one.options)

    started = time.perf_counter()
    if name in IN_A_PROCESS_OF_ITS_OWN:
        code, err = run_apart(tmp_path, *args)
    else:
        code, err = run_in_this_process(capsys, *args)
    elapsed = time.perf_counter() - started

    assert code == cli.EXIT_FAILED, err
    assert one.words in err, err
    assert err.startswith("partnerdesk: nothing was imported:"), err
    assert "unexpected error" not in err and "Traceback" not in err, err
    assert elapsed < 30, f"{name}: refused after {elapsed:.0f} s"
    assert content(sample_store) == before


def test_an_os_error_and_running_out_of_memory_are_told_plainly_not_as_defects(
    sample_store, tmp_path, capsys, monkeypatch
):
    source = tmp_path / "partners.json"
    source.write_text('{"format": "partnerdesk", "version": 1}', encoding="utf-8")
    args = ["--db", str(sample_store), "import", str(source)]

    def disk_error(*_args, **_kwargs):
        raise OSError(errno.EIO, "Input/output error", str(source))

    monkeypatch.setattr("db.exchange.document.import_document", disk_error)
    code, err = run_in_this_process(capsys, *args)
    assert code == cli.EXIT_FAILED and "unexpected error" not in err
    assert err.strip() == (
        f"partnerdesk: {source}: the disk could not be read or written (it, or the connection "
        "to it, may be failing); nothing was imported."
    )

    def no_memory(*_args, **_kwargs):
        raise MemoryError

    monkeypatch.setattr("db.exchange.document.import_document", no_memory)
    code, err = run_in_this_process(capsys, *args)
    assert code == cli.EXIT_FAILED and "unexpected error" not in err
    assert err.strip() == (
        f"partnerdesk: there was not enough memory to finish ({source}); nothing was "
        "imported. Close other programs and try again."
    )


def test_a_real_defect_is_still_reported_as_one(sample_store, tmp_path, capsys, monkeypatch):
    source = tmp_path / "partners.json"
    source.write_text('{"format": "partnerdesk", "version": 1}', encoding="utf-8")

    def defect(*_args, **_kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr("db.exchange.document.import_document", defect)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, err = run_in_this_process(capsys, "--db", str(sample_store), "import", str(source))
    assert code == cli.EXIT_FAILED
    assert err.startswith("partnerdesk: unexpected error (KeyError: 'a bug')")
