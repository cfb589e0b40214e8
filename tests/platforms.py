"""Windows' and macOS's rules for files, imitated on Linux where that is honest, so that the
branches written for them run here. What only those systems can prove is listed in
docs/distributable.md (run ``partnerdesk --self-test`` there).

- Windows flushes a file (``os.fsync`` is ``_commit``, that is ``FlushFileBuffers``) only through
  a handle opened with write access; otherwise it fails with EBADF.
- Windows cannot open a folder with ``os.open`` (EACCES).
- Windows locks byte ranges per handle (``msvcrt.locking``); it removes no open file.
"""

from __future__ import annotations

import errno
import os
import stat
import struct
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest


@dataclass
class Flushes:
    """Every path flushed with os.fsync (or F_FULLFSYNC) while the test ran, in order."""

    paths: list[Path] = field(default_factory=list)

    @property
    def folders(self) -> list[Path]:
        return [p for p in self.paths if p.is_dir()]

    @property
    def files(self) -> list[Path]:
        return [p for p in self.paths if not p.is_dir()]


def path_of(fd: int) -> Path:
    return Path(os.readlink(f"/proc/self/fd/{fd}"))


def opened_read_only(fd: int) -> bool:
    import fcntl

    return fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY


def linux_only() -> None:
    """The imitations use Linux's own means (/proc, fcntl, per-handle locks); on Windows and
    macOS the real rules apply and the self-test proves them (docs/distributable.md)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("imitates another system's rules with Linux's means")


def record_flushes(monkeypatch: pytest.MonkeyPatch, *, as_windows: bool = False) -> Flushes:
    linux_only()
    flushes = Flushes()
    real_fsync, real_open = os.fsync, os.open

    def fsync(fd) -> None:
        fd = fd if isinstance(fd, int) else fd.fileno()
        if as_windows and opened_read_only(fd):
            raise OSError(
                errno.EBADF, os.strerror(errno.EBADF)
            )  # FlushFileBuffers: no write access
        real_fsync(fd)
        flushes.paths.append(path_of(fd))

    def open_(path, flags, mode=0o777, *, dir_fd=None):
        if as_windows and _is_folder(path, dir_fd):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "fsync", fsync)
    if as_windows:
        monkeypatch.setattr(sys, "platform", "win32")
        monkeypatch.setattr(os, "open", open_)
    return flushes


def _is_folder(path, dir_fd) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path, dir_fd=dir_fd).st_mode)
    except OSError:
        return False


class WindowsLocking(types.ModuleType):
    """``msvcrt``'s byte-range locks, as Windows has them (``LockFileEx``): held by one open
    handle, not by the process, so that two handles of one process exclude each other. Linux's
    open-file-description locks (F_OFD_SETLK) behave so; every call is noted in ``calls``."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[tuple[str, int, int]] = []  # (what, file offset, bytes)
        self.locked: set[tuple[int, int]] = set()  # (descriptor, offset) locked, not unlocked

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        import fcntl

        start = os.lseek(fd, 0, os.SEEK_CUR)  # msvcrt locks from the file's current position
        what = "unlock" if mode == self.LK_UNLCK else "lock"
        self.calls.append((what, start, nbytes))
        kind = fcntl.F_UNLCK if mode == self.LK_UNLCK else fcntl.F_WRLCK
        # struct flock: l_type, l_whence, l_start, l_len, l_pid (0 for an OFD lock), padding
        request = struct.pack("hhqqi4x", kind, os.SEEK_SET, start, nbytes, 0)
        try:
            fcntl.fcntl(fd, fcntl.F_OFD_SETLK, request)
        except OSError as exc:
            raise PermissionError(errno.EACCES, "Permission denied") from exc  # as msvcrt does
        if mode == self.LK_UNLCK:
            self.locked.discard((fd, start))
        else:
            self.locked.add((fd, start))


def act_as_windows_locks(monkeypatch: pytest.MonkeyPatch) -> WindowsLocking:
    linux_only()
    msvcrt = WindowsLocking()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    return msvcrt
