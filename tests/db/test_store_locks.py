"""The window's commits reach the disk even when something in its process opens the store's file
beside SQLite. On Linux and macOS, closing any descriptor of a file releases every POSIX lock the
process holds on it: SQLite's locks go, though SQLite believes it still holds them, and the next
program to close its own connection takes itself for the last one, checkpoints and deletes the
write-ahead log the window goes on writing to (docs/reliability.md, "Locks")."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.skipif(os.name == "nt", reason="POSIX locks: Windows locks per handle"),
    pytest.mark.xfail(strict=True, reason="the trap is not handled yet"),
]

# A process holding the store as the window does: it commits, opens and closes the store's file
# as a file dialog does to show the file's type, commits again when told, then waits for the kill.
HOLDER = textwrap.dedent(
    """
    import os, sys, time
    from db.records import services
    from db.records.services import open_store

    path = sys.argv[1]
    store = open_store(path)
    services.save(store, "organization", {"name": "Saved before", "kind": "ngo"})
    print("saved", flush=True)
    for _round in range(int(sys.argv[2])):
        sys.stdin.readline()
        fd = os.open(path, os.O_RDONLY)
        os.read(fd, 100)
        os.close(fd)
        print("strayed", flush=True)
        sys.stdin.readline()
        services.save(store, "organization", {"name": f"Saved after {_round}", "kind": "ngo"})
        print("saved", flush=True)
    time.sleep(60)
    """
)


def another_program_reads(path: Path) -> None:
    """A connection of another process, opened and closed: a plain ``sqlite3`` tool."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT count(*) FROM organization").fetchone()
    finally:
        conn.close()


def names_on_disk(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM organization")}
    finally:
        conn.close()


def holder(path: Path, rounds: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(rounds)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def say(proc: subprocess.Popen, expected: str) -> None:
    proc.stdin.write("go\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == expected


def test_a_commit_after_a_stray_open_of_the_store_file_survives_a_kill(store_path):
    proc = holder(store_path, 1)
    try:
        assert proc.stdout.readline().strip() == "saved"
        say(proc, "strayed")
        another_program_reads(store_path)
        say(proc, "saved")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()

    assert names_on_disk(store_path) == {"Saved before", "Saved after 0"}


def test_the_store_takes_its_locks_again_and_survives_the_same_twice(store_path):
    proc = holder(store_path, 2)
    try:
        assert proc.stdout.readline().strip() == "saved"
        for _round in range(2):
            say(proc, "strayed")
            another_program_reads(store_path)
            say(proc, "saved")
            # Its locks are held again: another program's connection now closes without
            # taking itself for the last one, and leaves the log the holder writes to.
            another_program_reads(store_path)
            assert Path(f"{store_path}-wal").exists()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()

    assert names_on_disk(store_path) == {"Saved before", "Saved after 0", "Saved after 1"}
