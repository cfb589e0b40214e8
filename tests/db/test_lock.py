"""One window per store: a second one is told who has it open; a lock left by a process that
was killed is recognised as stale and taken over."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from db.store.lock import Holder, StoreInUseError, StoreLock, holder_of, lock_path


def test_a_second_window_is_told_who_has_the_store(store_path):
    first = StoreLock(store_path)
    first.acquire()
    try:
        assert stat.S_IMODE(lock_path(store_path).stat().st_mode) == 0o600
        with pytest.raises(StoreInUseError, match=f"process {os.getpid()}") as busy:
            StoreLock(store_path).acquire()
        assert busy.value.holder.pid == os.getpid()
        assert holder_of(store_path).pid == os.getpid()
    finally:
        first.release()
    assert holder_of(store_path) is None
    assert not lock_path(store_path).exists()
    with StoreLock(store_path) as again:
        assert again.held


def test_a_lock_left_by_a_killed_process_is_cleared(store_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from db.store.lock import StoreLock
                StoreLock({str(store_path)!r}).acquire()
                print("locked", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert holder_of(store_path).pid == holder.pid
        with pytest.raises(StoreInUseError):
            StoreLock(store_path).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert lock_path(store_path).exists()  # left behind by the crash
    assert holder_of(store_path) is None  # but nobody holds it
    lock = StoreLock(store_path)
    lock.acquire()
    assert lock.cleared is not None and lock.cleared.pid == holder.pid
    lock.release()


def test_the_lock_says_which_program_holds_the_store_in_a_sentence(store_path, clock):
    from datetime import datetime

    clock.move_to(datetime(2026, 11, 23, 10, 2).astimezone())
    with StoreLock(store_path):
        assert holder_of(store_path).in_use() == (
            "PartnerDesk is open on this store on this computer since 10:02"
        )
    with StoreLock(store_path, program="import"):
        assert holder_of(store_path).in_use() == (
            "The command partnerdesk import is writing to this store on this computer since 10:02"
        )
        # A window opened meanwhile is told which command has the store.
        with pytest.raises(
            StoreInUseError, match="being written by the command partnerdesk import"
        ):
            StoreLock(store_path).acquire()
    elsewhere = Holder(1, "laptop-of-amina", "amina", "2026-11-20T09:00:00+01:00")
    assert elsewhere.in_use() == (
        "PartnerDesk is open on this store by amina on laptop-of-amina since 2026-11-20"
    )


def test_on_windows_a_second_window_is_told_who_has_the_store(store_path, windows_locks):
    first = StoreLock(store_path)
    first.acquire()
    try:
        assert windows_locks.calls[0] == ("lock", 1 << 30, 1)  # far past the text, still readable
        with pytest.raises(StoreInUseError, match=f"process {os.getpid()}") as busy:
            StoreLock(store_path).acquire()
        assert busy.value.holder.pid == os.getpid()
        assert holder_of(store_path).pid == os.getpid()
    finally:
        first.release()
    assert holder_of(store_path) is None
    assert lock_path(store_path).read_bytes() == b""  # an open file is not removed on Windows
    with StoreLock(store_path) as again:
        assert again.held and holder_of(store_path).pid == os.getpid()


def test_on_windows_every_lock_is_unlocked_before_its_handle_is_closed(store_path, windows_locks):
    """Windows may release a closed handle's locks only later: a second window opened just after
    the first closed would be refused."""
    with StoreLock(store_path):
        assert len(windows_locks.locked) == 1
    assert windows_locks.locked == set()
    assert holder_of(store_path) is None  # takes the lock to test it...
    assert windows_locks.locked == set()  # ...and gives it back


def test_on_windows_a_lock_left_by_a_killed_process_is_cleared(store_path, windows_locks):
    code = f"""
        import sys, time
        from db.store.lock import StoreLock
        from tests.platforms import WindowsLocking
        sys.platform = "win32"
        sys.modules["msvcrt"] = WindowsLocking()
        StoreLock({str(store_path)!r}).acquire()
        print("locked", flush=True)
        time.sleep(60)
    """
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert holder_of(store_path).pid == holder.pid
        with pytest.raises(StoreInUseError):
            StoreLock(store_path).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    lock = StoreLock(store_path)
    lock.acquire()
    assert lock.cleared is not None and lock.cleared.pid == holder.pid
    lock.release()
