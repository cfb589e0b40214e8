"""The window's commits reach the disk even when something in its process opens the store's file
beside SQLite. On Linux and macOS, closing any descriptor of a file releases every POSIX lock the
process holds on it: SQLite's locks go, though SQLite believes it still holds them, and the next
program to close its own connection takes itself for the last one, checkpoints and deletes the
write-ahead log the window goes on writing to (docs/reliability.md, "Locks")."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db.records import services

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX locks: Windows locks per handle")

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


def another_process_reads(path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM organization').fetchone(); c.close()",
            str(path),
        ],
        check=True,
    )


def names_on_disk(path: Path) -> set[str]:
    """The organizations another process finds in the store: what is on disk."""
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(json.dumps([r[0] for r in c.execute('SELECT name FROM organization')]))",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(found.stdout))


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
        another_process_reads(store_path)
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
            another_process_reads(store_path)
            say(proc, "saved")
            # Its locks are held again: another program's connection now closes without
            # taking itself for the last one, and leaves the log the holder writes to.
            another_process_reads(store_path)
            assert Path(f"{store_path}-wal").exists()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()

    assert names_on_disk(store_path) == {"Saved before", "Saved after 0", "Saved after 1"}


def stray_open(path: Path) -> None:
    """What a file dialog does to show a file's type: open, read the first bytes, close."""
    fd = os.open(path, os.O_RDONLY)
    os.read(fd, 100)
    os.close(fd)


def test_the_store_notices_its_log_was_deleted_checkpoints_it_and_says_so(store, caplog):
    services.save(store, "organization", {"name": "Saved before", "kind": "ngo"})
    stray_open(store.path)
    another_process_reads(store.path)
    assert not store.log_is_ours()  # the other program took itself for the last one

    with caplog.at_level(logging.WARNING, logger="partnerdesk.store"):
        services.save(store, "organization", {"name": "Saved after", "kind": "ngo"})

    assert store.log_is_ours() and store.locks_retaken
    assert store.log_replacements == 1
    assert "was deleted or replaced by another program" in caplog.text
    assert "locks held again" in caplog.text
    assert names_on_disk(store.path) == {"Saved before", "Saved after"}
    another_process_reads(store.path)  # the store's locks are held again: the log stays
    assert store.log_is_ours()


def test_a_store_that_cannot_reopen_yet_checkpoints_every_commit_until_it_can(store, caplog):
    services.save(store, "organization", {"name": "Saved before", "kind": "ngo"})
    stray_open(store.path)
    another_process_reads(store.path)
    with store.reading() as reading:  # a list being read while the store wants to reopen
        reading.connection()
        with caplog.at_level(logging.WARNING, logger="partnerdesk.store"):
            services.save(store, "organization", {"name": "Saved during a read", "kind": "ngo"})
        assert not store.locks_retaken
        assert "connections still in use kept the store from reopening" in caplog.text
        assert names_on_disk(store.path) == {"Saved before", "Saved during a read"}

    services.save(store, "organization", {"name": "Saved after the read", "kind": "ngo"})
    assert store.locks_retaken and store.log_is_ours()
    assert store.log_replacements == 2
    assert names_on_disk(store.path) == {
        "Saved before",
        "Saved during a read",
        "Saved after the read",
    }


def test_each_save_takes_sqlites_shared_lock_again_so_no_program_can_delete_the_log(store):
    services.save(store, "organization", {"name": "Saved before", "kind": "ngo"})
    stray_open(store.path)  # the process's locks are gone; nobody noticed yet
    services.save(store, "organization", {"name": "Saved after", "kind": "ngo"})
    another_process_reads(store.path)  # closing, it finds the store's lock held again
    assert store.log_is_ours() and store.log_replacements == 0
    assert names_on_disk(store.path) == {"Saved before", "Saved after"}


def test_a_program_that_took_the_store_is_waited_for_before_the_save_is_called_done(store):
    """Another program took the store for itself while its locks were gone (it means to
    checkpoint and delete the log); the save waits until it is done, then finds the log deleted
    and copies its commit into the store's file."""
    services.save(store, "organization", {"name": "Saved before", "kind": "ngo"})
    stray_open(store.path)
    taker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import fcntl, os, sqlite3, sys, time
                from db.store.connections import SHARED_FIRST, SHARED_SIZE
                conn = sqlite3.connect(sys.argv[1])
                conn.execute("SELECT count(*) FROM organization").fetchone()
                fd = os.open(sys.argv[1], os.O_RDWR)
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, SHARED_SIZE, SHARED_FIRST)
                print("taken", flush=True)
                time.sleep(0.5)
                conn.close()  # as the last connection: checkpoints and deletes the log
                """
            ),
            str(store.path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert taker.stdout.readline().strip() == "taken"
    services.save(store, "organization", {"name": "Saved meanwhile", "kind": "ngo"})
    taker.wait()
    assert store.log_replacements == 1 and store.log_is_ours()
    assert names_on_disk(store.path) == {"Saved before", "Saved meanwhile"}
