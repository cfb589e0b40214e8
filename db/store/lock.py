"""One window per store: a lock file beside the store says who has it open.

The lock is an operating-system lock on ``<store>.lock`` (``flock`` on Unix, a byte-range lock on
Windows, unlocked before its handle is closed because Windows may release a closed handle's locks
only later), held for as long as the window is open, and by the ``partnerdesk`` commands that write
while they write. The system releases it when the process ends, however it ends, so a lock left
by a crash is recognised as stale by simply being free: the next window takes it over. The file's
text (process, computer, user, since when, which program) is only there to tell the officer who
holds it.

It is not SQLite's lock, and it is not released by a stray close: ``flock`` locks belong to the
open file description, not to the process (and the lock file is never SQLite's).
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from db import clock
from db.errors import StorageError
from db.i18n import translate
from db.store.engine import os_user

_LOCK_OFFSET = 1 << 30  # Windows: lock a byte far past the text, which stays readable


WINDOW = "window"


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    user: str
    since: str  # ISO local time
    program: str = WINDOW  # the window, or the partnerdesk command writing ("import", ...)

    @property
    def when(self) -> str:
        """ "10:02" today, else the day."""
        today = clock.today().isoformat()
        return self.since[11:16] if self.since[:10] == today else self.since[:10]

    def describe(self) -> str:
        return translate("storage", "by {user} on {host} (process {pid}) since {when}").format(
            user=self.user, host=self.host, pid=self.pid, when=self.when
        )

    def in_use(self) -> str:
        """What holds the store, as a message begins: "PartnerDesk is open on this store on
        this computer since 10:02"."""
        where = (
            translate("storage", "on this computer")
            if self.host == socket.gethostname()
            else translate("storage", "on {host}").format(host=self.host)
        )
        who = (
            ""
            if self.user == os_user()
            else " " + translate("storage", "by {user}").format(user=self.user)
        )
        if self.program == WINDOW:
            return translate(
                "storage", "PartnerDesk is open on this store{who} {where} since {when}"
            ).format(who=who, where=where, when=self.when)
        return translate(
            "storage",
            "The command partnerdesk {command} is writing to this store{who} {where} since {when}",
        ).format(command=self.program, who=who, where=where, when=self.when)


class StoreInUseError(StorageError):
    def __init__(self, store_path: Path, holder: Holder | None):
        self.holder = holder
        who = holder.describe() if holder else translate("storage", "by another PartnerDesk window")
        if holder is not None and holder.program != WINDOW:
            said = translate(
                "storage",
                "The store at {path} is being written by the command partnerdesk {command}, {who}.",
            ).format(path=store_path, command=holder.program, who=who)
        else:
            said = translate("storage", "The store at {path} is open elsewhere, {who}.").format(
                path=store_path, who=who
            )
        super().__init__(said)


class StoreLock:
    def __init__(self, store_path: Path, program: str = WINDOW):
        self.store_path = Path(store_path)
        self.program = program
        self.path = lock_path(self.store_path)
        self._fd: int | None = None
        self.cleared: Holder | None = None  # a stale lock found and taken over on acquiring

    def acquire(self) -> None:
        """Take the lock, or raise StoreInUseError naming who has the store open."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _try_lock(fd):
                holder = _read_holder(fd)
                os.close(fd)
                raise StoreInUseError(self.store_path, holder)
            if _still_named(fd, self.path):
                break
            os.close(fd)  # locked a file its holder removed on leaving: lock the current one
        self.cleared = _read_holder(fd)  # text left by a process that ended without unlocking
        me = Holder(
            pid=os.getpid(),
            host=socket.gethostname(),
            user=os_user(),
            since=clock.local_now().isoformat(),
            program=self.program,
        )
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(me.__dict__).encode())
        os.fsync(fd)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            if not _windows():  # Windows removes no open file: the empty file stays
                os.unlink(self.path)  # still locked by us: no one else is using the file
        except OSError:
            pass  # the lock itself goes with the descriptor
        finally:
            _close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def lock_path(store_path: Path) -> Path:
    return Path(str(store_path) + ".lock")


def holder_of(store_path: Path) -> Holder | None:
    """Who has the store open now; None when nobody does (a stale lock file counts as nobody)."""
    path = lock_path(Path(store_path))
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(
            translate("storage", "Cannot read the lock {path}: {reason}.").format(
                path=path, reason=exc.strerror
            )
        ) from exc
    try:
        if _try_lock(fd):
            return None
        return _read_holder(fd) or Holder(0, "?", "?", "")
    finally:
        _close(fd)  # releases a lock taken only to test


def _windows() -> bool:
    return sys.platform == "win32"


def _try_lock(fd: int) -> bool:
    if _windows():
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _close(fd: int) -> None:
    """Close a descriptor whose lock this process holds. Windows releases the locks of a closed
    handle "depending on available system resources": unlocked first, a second window may open
    the store at once."""
    try:
        if _windows():
            import msvcrt

            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    except OSError:
        pass  # closing releases it all the same
    finally:
        os.close(fd)


def _still_named(fd: int, path: Path) -> bool:
    if _windows():
        return True  # an open file cannot be removed on Windows
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


def _read_holder(fd: int) -> Holder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096).decode() or "null")
        return Holder(
            int(data["pid"]),
            str(data["host"]),
            str(data["user"]),
            str(data["since"]),
            str(data.get("program", WINDOW)),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None
