"""Every SQLite connection PartnerDesk opens on a store goes through this one door.

Why a door: on Linux and macOS, SQLite's locks on a store are POSIX advisory locks, and the
system keeps them per file and per *process*: closing any descriptor of the file, opened by
anything in the process (a file dialog reading the first bytes to show the file's type, a hash,
a copy), releases every lock the process holds on it. SQLite then still believes it holds them;
another program's connection, closing, takes itself for the last one, checkpoints and deletes
the write-ahead log the store goes on writing to (SQLite's "How To Corrupt An SQLite Database
File", section 2.2). SQLite itself shares one set of locks between the connections of a process,
so connections opened here never do that to one another.

The door knows which files are live in this process (a store with a connection open, its
``-wal``, ``-shm``, lock and backups), so that the borders that open files from outside can refuse
them (``refuse_live_store_file``); it can take SQLite's shared lock on a store again, through a
descriptor SQLite itself has open (``hold_shared_lock``); and it can hold new connections back
until the old ones are all closed, so that a store whose journal was deleted can open afresh
(``reopening``).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from db.errors import StorageError
from db.i18n import translate
from db.store.places import backup_folders

# SQLite keeps a store's recent commits in these files beside it, and PartnerDesk its lock.
COMPANIONS = ("-wal", "-shm", "-journal")
LOCK_SUFFIX = ".lock"
# SQLite's shared lock on Unix: a read lock on these bytes of the database file (os_unix.c:
# PENDING_BYTE 0x40000000, SHARED_FIRST two bytes further, SHARED_SIZE 510). A program that
# closes the last connection takes them for writing before it checkpoints and deletes the log.
SHARED_FIRST = 0x40000000 + 2
SHARED_SIZE = 510

_state = threading.Condition()
_open: dict[Path, weakref.WeakSet[TrackedConnection]] = {}
_reopening: set[Path] = set()
_interrupt_on_reopen: weakref.WeakSet[TrackedConnection] = weakref.WeakSet()


class TrackedConnection(sqlite3.Connection):
    """A connection the door counts until it is closed (or collected)."""

    store_path: Path

    def close(self) -> None:
        try:
            super().close()
        finally:
            with _state:
                connections = _open.get(getattr(self, "store_path", None))
                if connections is not None:
                    connections.discard(self)
                _state.notify_all()


def connect(
    path: str | os.PathLike[str],
    *,
    read_only: bool = False,
    timeout: float = 10.0,
    interruptible: bool = False,
) -> TrackedConnection:
    """A connection to the store at ``path`` (autocommit: transactions are begun explicitly).
    ``read_only`` opens it with SQLite's ``mode=ro``: such a connection never writes, never
    checkpoints and never deletes the write-ahead log. ``interruptible`` connections (a long
    check) are interrupted when the store must reopen its connections."""
    key = Path(path).resolve()
    with _state:
        while key in _reopening:
            _state.wait()
    target = f"{key.as_uri()}?mode=ro" if read_only else str(key)
    conn = sqlite3.connect(
        target,
        timeout=timeout,
        isolation_level=None,
        uri=read_only,
        check_same_thread=False,
        factory=TrackedConnection,
    )
    conn.store_path = key
    distrust(conn)
    with _state:
        _open.setdefault(key, weakref.WeakSet()).add(conn)
        if interruptible:
            _interrupt_on_reopen.add(conn)
    return conn


def distrust(conn: sqlite3.Connection) -> None:
    """A store's schema is data: SQLite is told not to run functions or virtual tables from it
    (triggers, views, CHECK and DEFAULT expressions) unless they are harmless, and, where this
    Python offers it (3.12 and later), to refuse what could corrupt the file (defensive mode).
    PartnerDesk's own schema needs neither: its search index is written without triggers."""
    conn.execute("PRAGMA trusted_schema = OFF")
    setconfig = getattr(conn, "setconfig", None)
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if setconfig is not None and defensive is not None:
        setconfig(defensive, True)


def open_count(path: str | os.PathLike[str]) -> int:
    """How many connections this process has open on the store at ``path``."""
    with _state:
        return len(_open.get(Path(path).resolve(), ()))


@contextmanager
def reopening(path: str | os.PathLike[str], *, wait_s: float) -> Iterator[Callable[[], bool]]:
    """While inside, no new connection to the store at ``path`` is opened in this process, and
    long checks on it are interrupted. Yields ``all_closed()``: True once every connection of the
    process on it is closed (waiting up to ``wait_s``); only then does the next connection take
    SQLite's locks afresh (SQLite shares them between the connections of a process, and would
    otherwise take the new connection's for granted)."""
    key = Path(path).resolve()
    with _state:
        _reopening.add(key)
        for conn in list(_interrupt_on_reopen):
            if conn.store_path == key:
                conn.interrupt()

    def all_closed() -> bool:
        deadline = time.monotonic() + wait_s
        with _state:
            while _open.get(key):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                # Collected connections leave the set without a notification: look again soon.
                _state.wait(min(left, 0.05))
            return True

    try:
        yield all_closed
    finally:
        with _state:
            _reopening.discard(key)
            _state.notify_all()


# -- the live files ---------------------------------------------------------------------------------
def live_stores() -> list[Path]:
    """The stores this process has a connection open on."""
    with _state:
        return [path for path, conns in _open.items() if conns]


def store_files(store_path: Path) -> list[Path]:
    """The files that belong to a store while it is in use: itself, SQLite's companions and
    PartnerDesk's lock."""
    return [store_path] + [Path(f"{store_path}{ending}") for ending in (*COMPANIONS, LOCK_SUFFIX)]


def live_store_file(path: str | os.PathLike[str]) -> Path | None:
    """The live store that ``path`` belongs to (the store itself, its ``-wal``, ``-shm`` or
    ``-journal``, its lock, or a backup of it in its backup folders), or None. Only names and
    ``stat`` are used: the file is never opened."""
    path = Path(path)
    try:
        resolved = path.resolve()
    except OSError:
        return None
    same = identity(resolved)
    for store in live_stores():
        for own in store_files(store):
            if resolved == own or (same is not None and same == identity(own)):
                return store
        if resolved.parent in backup_folders(store) and resolved.name.startswith(store.stem + "-"):
            return store
    return None


def refuse_live_store_file(path: str | os.PathLike[str]) -> None:
    """Raise StorageError when ``path`` is a file of a store in use in this process: reading or
    writing it from outside SQLite would release SQLite's locks on it (see the module's
    docstring), and a store cannot be imported, attached or overwritten with itself."""
    store = live_store_file(path)
    if store is not None:
        raise StorageError(
            translate(
                "rules",
                "{file} is part of the PartnerDesk store in use ({store}): it cannot be "
                "attached, imported or written over. Choose another file.",
            ).format(file=Path(path).name, store=store)
        )


def sqlite_locks_held(path: str | os.PathLike[str]) -> bool | None:
    """Whether this process holds a lock on the file (SQLite holds one on the store for as long
    as a connection is open), as Linux tells in ``/proc/locks``; None where the system does not
    tell (macOS, Windows). For checks such as the self-test's."""
    try:
        table = Path("/proc/locks").read_text(encoding="ascii", errors="replace")
        info = os.stat(path)
    except OSError:
        return None
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    mine = str(os.getpid())
    for line in table.splitlines():
        fields = line.split()
        # "1: POSIX  ADVISORY  READ 4242 08:01:1234567 1073741826 1073742335" (or "->" lines)
        if "POSIX" in fields and mine in fields and device in fields:
            return True
    return False


def hold_shared_lock(file: tuple[int, int] | None, *, wait_s: float) -> bool | None:
    """Take SQLite's shared lock on the store again for this process, as SQLite took it when
    its first connection opened (a stray close of the file may have released it; SQLite would
    not notice). It is taken through a descriptor SQLite has open on the file, found by its
    inode: nothing is opened, nothing closed. While it is held, no other program can take the
    store for itself, so none can delete its log.

    ``file`` is the store file's ``identity``. True once held; False when another program kept
    the store to itself for ``wait_s`` (it took the lock while ours was gone); None where there
    is nothing to do (Windows locks per handle, no connection open)."""
    try:
        import fcntl
    except ImportError:
        return None
    fd = _descriptor_of(file) if file is not None else None
    if fd is None:
        return None
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, SHARED_SIZE, SHARED_FIRST, os.SEEK_SET)
            return True
        except OSError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)


_descriptors: dict[tuple[int, int], int] = {}


def _descriptor_of(file: tuple[int, int]) -> int | None:
    """A descriptor this process has open on the file (SQLite's), checked with ``fstat``."""
    fd = _descriptors.get(file)
    if fd is not None and _fd_identity(fd) == file:
        return fd
    try:
        names = os.listdir("/dev/fd")  # the process's descriptors (Linux, macOS)
    except OSError:
        return None
    for name in names:
        if name.isdigit() and _fd_identity(int(name)) == file:
            _descriptors[file] = int(name)
            return int(name)
    return None


def _fd_identity(fd: int) -> tuple[int, int] | None:
    try:
        info = os.fstat(fd)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode (``stat``: the file is not opened), or None when absent."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino
