"""Opening a store: the file, its pragmas, its schema version, and its units of work.

Nothing happens at import time. ``Store.open`` creates the file (owner-only) when it is new,
refuses a store written by a newer PartnerDesk and applies pending migrations; it knows no record
kind (what every store holds, such as the default thematic tree, is ensured by
``db.records.services.open_store``). Every connection is set up the same way: foreign keys on, WAL
journal, ``synchronous=FULL`` (a commit is on disk when it returns) and a busy timeout; writes
start with ``BEGIN IMMEDIATE`` so that two writers queue instead of failing half-way.

Every connection goes through ``db.store.connections`` (the one door), and the store's files are
opened by SQLite alone once a connection is open: on Linux and macOS anything else in the process
that opens and closes them releases SQLite's locks. After each commit the store checks, with one
``stat``, that the write-ahead log it writes to is still the one at its path; when another program
has deleted it (which only happens once the locks are gone), the store checkpoints the log it
still holds into the file, reopens its connections so that the locks are taken again, and says so
in the log (``Store.log_replacements``).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import Session

from db import clock
from db.errors import (
    DamagedStoreError,
    ReadOnlyStoreError,
    StorageError,
    StoreTooNewError,
    damaged,
)
from db.i18n import counted, translate
from db.store import connections, identity, migrations, outside, schema_check
from db.store.backups import REVISION_KEY, take_backup

log = logging.getLogger("partnerdesk.store")

BUSY_TIMEOUT_MS = 10_000
# The writer's page cache (KiB): an import into a large store inserts into indexes keyed by
# random UUIDs (the change history, the search entries), which SQLite's default 2 MB cache
# re-reads page after page. Readers keep the default: the window's memory stays small.
WRITER_CACHE_KIB = 65_536
OFFICER_KEY = "officer_name"  # in the setting table: the name the change history gives
# How long reopening waits for the connections in use (a list being read, a backup) to end; a
# store that cannot reopen now checkpoints after every commit and tries again at the next one.
REOPEN_WAIT_S = 2.0
CHECKPOINT_ATTEMPTS = 3
# A write the store's revision does not count (its own id, settled on opening): set on the
# connection's info for one commit.
NOT_COUNTED = "not_counted"
PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": 2,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def default_store_path() -> Path:
    """The store in the user's data folder, by the platform's convention."""
    from platformdirs import user_data_path

    return user_data_path("PartnerDesk", appauthor=False) / "partnerdesk.sqlite"


def apply_pragmas(conn: sqlite3.Connection, *, read_only: bool = False) -> None:
    """Set up one connection, then read every pragma back: a disk or a build of SQLite that
    silently refuses one (WAL on some network shares) must not leave the store less safe."""
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    for name, expected in PRAGMAS.items():
        actual = conn.execute(f"PRAGMA {name}").fetchone()[0]
        if isinstance(actual, str):
            actual = actual.lower()
        if actual != expected and not (read_only and name == "journal_mode"):
            raise StorageError(
                translate(
                    "storage",
                    "The store cannot be used safely here: SQLite refused {setting} = {expected} "
                    "(it is {actual}). Keep the store on a local disk.",
                ).format(setting=name, expected=expected, actual=actual)
            )


def _make_engine(
    path: Path,
    *,
    immediate: bool,
    read_only: bool = False,
    generation: Callable[[], int] = lambda: 0,
) -> Engine:
    """An engine whose connections come through the one door. ``generation`` changes when the
    store reopens its connections: a connection of an older generation is closed when it is
    given back rather than kept in the pool."""
    url = f"sqlite:///file:{path}?mode=ro&uri=true" if read_only else f"sqlite:///{path}"
    engine = create_engine(
        url,
        creator=lambda: connections.connect(
            path, read_only=read_only, timeout=BUSY_TIMEOUT_MS / 1000
        ),
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, record):
        # The door opens connections in autocommit: Python's sqlite3 would otherwise open
        # transactions on its own, too late to be immediate.
        record.info["generation"] = generation()
        apply_pragmas(dbapi_connection, read_only=read_only)
        if immediate and not read_only:
            dbapi_connection.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")

    @event.listens_for(engine, "checkin")
    def _close_if_older(dbapi_connection, record):
        if dbapi_connection is not None and record.info.get("generation") != generation():
            dbapi_connection.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
        connection.info["changes_at_begin"] = connection.connection.driver_connection.total_changes

    @event.listens_for(engine, "commit")
    def _count_revision(connection):
        # Every commit that changed data bumps the store's revision, inside the same transaction:
        # "changed since the last backup" is then one number to compare.
        driver = connection.connection.driver_connection
        if connection.info.pop(NOT_COUNTED, False):
            return
        if driver.total_changes == connection.info.get("changes_at_begin", driver.total_changes):
            return
        # No setting table yet only while a new store is created by its first migration.
        with suppress(sqlite3.OperationalError):
            driver.execute(
                "INSERT INTO setting (key, value) VALUES (?, '1') ON CONFLICT (key) "
                "DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                (REVISION_KEY,),
            )

    return engine


class Store:
    """One open PartnerDesk store. Only ``desktop.app`` and the command line open one."""

    def __init__(self, path: Path, *, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self._generation = 0
        self._writer = _make_engine(
            path, immediate=True, read_only=read_only, generation=self._current_generation
        )
        self._reader = _make_engine(
            path, immediate=False, read_only=read_only, generation=self._current_generation
        )
        self._officer: str | None = None
        self._file = connections.identity(path)  # the store's file, while it is open
        self._log: tuple[int, int] | None = None  # the write-ahead log the connections write
        self._taking_back = threading.Lock()
        self._closed = False
        self.log_replacements = 0  # times the log was found replaced, checkpointed and reopened
        self.locks_retaken = True  # False while connections in use kept it from reopening
        self.unconfirmed = False  # True while a commit went into a deleted log not yet copied
        self.log_taken_back_at: datetime | None = None  # local time, the last time it was
        # Called (from the committing thread) when the facts above change.
        self.disk_state_listeners: list[Callable[[], None]] = []

    def _current_generation(self) -> int:
        return self._generation

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        read_only: bool = False,
        whole_file: bool = True,
    ) -> Store:
        """Open (or create) the store. A damaged file raises DamagedStoreError and is left as it
        is; a store from a newer PartnerDesk raises StoreTooNewError. Before a migration changes
        the file, a verified backup of it is taken. ``read_only`` never writes to the file.

        ``whole_file=False`` checks the file's header, size, schema and small tables only (tens
        of milliseconds, where reading a 2 GB store takes seconds, minutes from a cold disk):
        the window does so after a clean close and runs ``check_whole_file`` once it is open."""
        # Data only, on a disk: a device, a pipe or a folder is refused before SQLite creates
        # a journal beside it (docs/security.md).
        given = Path(path).expanduser()
        outside.existing_regular_file(given, translate("rules", "a PartnerDesk store"))
        path = given.resolve()
        is_new = not path.exists() or path.stat().st_size == 0
        if is_new:
            if not create or read_only:
                raise StorageError(
                    translate("storage", "There is no PartnerDesk store at {path}.").format(
                        path=path
                    )
                )
            _create_private_file(path)
            revision = None
        else:
            if not read_only and not _writable(path):
                raise ReadOnlyStoreError(path)
            revision = _inspect_file(path, whole_file=whole_file, read_only=read_only)
        head = migrations.head_revision()
        if revision is not None and revision != head:
            if read_only:
                raise StorageError(
                    translate(
                        "storage",
                        "The store at {path} must be upgraded by this version of PartnerDesk "
                        "before it can be opened read-only; open it normally once.",
                    ).format(path=path)
                )
            take_backup(path, "migration")  # the file as the older version left it
        store = cls(path, read_only=read_only)
        try:
            if not read_only:
                migrations.upgrade(store._writer)
                store._log = store._open_log()
                store._settle_identity()
        except (StoreTooNewError, StorageError):
            store.close()
            raise
        except DatabaseError as exc:
            store.close()
            raise DamagedStoreError(path, f"it is damaged ({_sqlite_reason(exc)})") from exc
        return store

    def _settle_identity(self) -> None:
        """A copy of another store's file takes an id of its own before it writes anything
        (db.store.identity)."""
        with self._reader.connect() as conn:
            if not identity.needs_settling(conn, self.path):
                return
        # Not counted as a change for backups: the id is not the officer's data, and a backup
        # without it, restored, is a copy that takes an id of its own again.
        with self._writer.connect() as conn, conn.begin():
            conn.info[NOT_COUNTED] = True
            try:
                identity.settle(conn, self.path)
            except BaseException:
                conn.info.pop(NOT_COUNTED, None)
                raise

    def store_id(self) -> str:
        """This store's id (docs/sync.md)."""
        with self._reader.connect() as conn:
            return identity.store_id(conn)

    def close(self) -> None:
        with self._taking_back:  # no lock is taken again while SQLite lets go of the file
            self._closed = True
            self._generation += 1  # connections still in use are closed when given back
            self._writer.dispose()
            self._reader.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- sessions --------------------------------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A consistent snapshot for reads; never takes the write lock."""
        with Session(self._reader) as session:
            yield session

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user operation: everything inside commits once, or nothing is written."""
        if self.read_only:
            raise StorageError(
                translate(
                    "storage",
                    "The store at {path} is open read-only in this window: nothing was saved.",
                ).format(path=self.path)
            )
        self._hold_shared_lock()
        with Session(self._writer, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                raise StorageError(_environment_message(self.path, exc)) from exc
            except BaseException:
                session.rollback()
                raise
        self.confirm_on_disk()

    # -- the write-ahead log is the store's ----------------------------------------------------------
    @property
    def wal_path(self) -> Path:
        return Path(f"{self.path}-wal")

    def _open_log(self) -> tuple[int, int] | None:
        """The identity of the log the writer's connection has open (it opens it with the first
        read, and keeps it while it lives)."""
        with self._writer.connect() as conn:
            conn.connection.driver_connection.execute("SELECT count(*) FROM sqlite_master")
        return connections.identity(self.wal_path)

    def log_is_ours(self) -> bool:
        """True while the write-ahead log at the store's path is the one its connections write
        (same file, still linked): one ``stat``."""
        return self._log is None or connections.identity(self.wal_path) == self._log

    def confirm_on_disk(self) -> None:
        """After a commit: when the log at the store's path is no longer the one SQLite writes to,
        another program deleted it (SQLite's locks were released behind its back), and the
        commit went into a deleted file. Checkpoint that log into the store's file now (the
        connections still read it), then reopen them so that the locks are taken again. Raises
        StorageError when the pages could not be copied: the change is then not on disk."""
        self._hold_shared_lock()  # from here on, no other program can delete the log...
        if self.log_is_ours():  # ...so a log still ours now holds this commit for good
            return
        with self._taking_back:
            if self.log_is_ours():
                return  # another thread took it back meanwhile
            log.warning(
                "The write-ahead log of %s was deleted or replaced by another program while "
                "PartnerDesk was writing to it (its locks had been released by a stray open and "
                "close of the store's file in this process). Checkpointing it into the store and "
                "reopening the store's connections.",
                self.path,
            )
            try:
                self._checkpoint_the_log_held()
            except StorageError:
                self.unconfirmed = True
                self._tell_listeners()
                raise
            self.unconfirmed = False
            self.log_replacements += 1
            self.log_taken_back_at = clock.local_now()
            self.locks_retaken = self._reopen()
            if self.locks_retaken:
                log.warning("%s: every commit is in the store's file; locks held again.", self.path)
            else:
                log.warning(
                    "%s: every commit is in the store's file, but connections still in use kept "
                    "the store from reopening; every commit is checkpointed until it can.",
                    self.path,
                )
            self._tell_listeners()

    def _hold_shared_lock(self) -> None:
        """SQLite's shared lock on the store, taken again for this process in case a stray
        close released it (a no-op when it is held): then no other program can take the store
        for itself, checkpoint it and delete its log. Waits for one that already did."""
        with self._taking_back:  # not while the store reopens or closes its connections
            if self._log is None or self._closed:
                return
            held = connections.hold_shared_lock(self._file, wait_s=BUSY_TIMEOUT_MS / 1000)
        if held is False:
            log.warning(
                "%s: another program kept the store to itself for %d s (its locks had been "
                "released in this process)",
                self.path,
                BUSY_TIMEOUT_MS // 1000,
            )

    def _tell_listeners(self) -> None:
        for listener in list(self.disk_state_listeners):
            listener()

    def _checkpoint_the_log_held(self) -> None:
        with self._writer.connect() as conn:
            raw = conn.connection.driver_connection
            for _attempt in range(CHECKPOINT_ATTEMPTS):
                try:
                    busy, frames, copied = raw.execute("PRAGMA wal_checkpoint(FULL)").fetchone()
                except sqlite3.Error as exc:
                    log.warning("checkpoint of %s failed: %s", self.path, exc)
                    continue
                if not busy and frames >= 0 and copied == frames:
                    return
        log.error("%s: the last commit is in a deleted journal and could not be copied", self.path)
        raise StorageError(
            translate(
                "storage",
                "PartnerDesk could not confirm that the last change reached the disk: another "
                "program removed the journal of the store at {path} while PartnerDesk was "
                "writing to it. Close every other program that opens the store, then save again.",
            ).format(path=self.path)
        )

    def _reopen(self) -> bool:
        """Close every connection of this process on the store and let the next ones open
        afresh (SQLite takes its locks again only once none is left). False when connections in
        use did not end in time: the store then goes on with the ones it has."""

        def in_use() -> int:
            idle = self._writer.pool.checkedin() + self._reader.pool.checkedin()
            return connections.open_count(self.path) - idle

        with connections.reopening(self.path, wait_s=REOPEN_WAIT_S) as all_closed:
            if not _wait_for(lambda: in_use() <= 0, REOPEN_WAIT_S):
                return False
            self._generation += 1
            self._writer.dispose()
            self._reader.dispose()
            if not all_closed():
                return False
        self._log = self._open_log()
        return True

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection with the same pragmas (backups, checks); caller closes it."""
        conn = connections.connect(
            self.path, read_only=self.read_only, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            apply_pragmas(conn, read_only=self.read_only)
        except BaseException:
            conn.close()
            raise
        return conn

    # -- who is working ----------------------------------------------------------------------------
    @property
    def officer(self) -> str:
        """The name written into the change history: the configured officer, else the OS user."""
        if self._officer is None:
            with self._reader.connect() as conn:
                named = conn.execute(
                    text("SELECT value FROM setting WHERE key = :key"), {"key": OFFICER_KEY}
                ).scalar()
            self._officer = named or os_user()
        return self._officer

    def forget_officer(self) -> None:
        self._officer = None

    # -- facts about the file ------------------------------------------------------------------------
    def pragmas(self) -> dict[str, object]:
        with self._writer.connect() as conn:
            return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in PRAGMAS}

    def table_names(self) -> list[str]:
        return inspect(self._reader).get_table_names()

    def check_whole_file(self, on_connection=None) -> str | None:
        """SQLite's quick check of every page: what is wrong in one line (as the refusal of a
        damaged store says it), or None when the file is sound. ``on_connection`` receives the
        checking connection first, so that another thread can interrupt a check that would
        outlast the window."""
        conn = connections.connect(
            self.path, read_only=True, timeout=BUSY_TIMEOUT_MS / 1000, interruptible=True
        )
        try:
            if on_connection is not None:
                on_connection(conn)
            problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            if "interrupt" in str(exc):
                raise
            problems = [str(exc)]
        finally:
            conn.close()
        return None if problems == ["ok"] else _first_problem(problems)

    def schema_revision(self) -> str | None:
        with self._reader.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes and services
        return "unknown officer"


def _create_private_file(path: Path) -> None:
    """An empty owner-only file for a new store. An empty file that is already there is left
    alone: it is not opened beside SQLite (this process may have a connection on it)."""
    if path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise StorageError(
            translate("storage", "Cannot create the store at {path}: {reason}.").format(
                path=path, reason=exc.strerror
            )
        ) from exc


_SQLITE_HEADER = b"SQLite format 3\x00"


def _writable(path: Path) -> bool:
    """SQLite needs to write the file and, for its journal, the folder it is in."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


# Small tables every open reads anyway: checking their pages costs nothing.
_SMALL_TABLES = ("alembic_version", "setting", "thematic_area")


def _inspect_file(path: Path, *, whole_file: bool = True, read_only: bool = False) -> str | None:
    """The quick check of every open: the file must be an SQLite database that SQLite finds
    sound (every page, or with ``whole_file=False`` its header, length, schema and small
    tables), and a PartnerDesk store this version knows. Returns its schema revision. Raises
    DamagedStoreError or StoreTooNewError; the file is only read.

    The header is read as bytes only while this process has no SQLite connection on the file:
    closing that descriptor would release SQLite's locks on it. Otherwise SQLite's own reading
    of the file below is the check."""
    try:
        size = path.stat().st_size
        header = None
        if connections.open_count(path) == 0:
            with path.open("rb") as fh:
                header = fh.read(100)
    except OSError as exc:
        raise StorageError(
            translate("storage", "Cannot read the store at {path}: {reason}.").format(
                path=path, reason=exc.strerror
            )
        ) from exc
    if header is not None and not header.startswith(_SQLITE_HEADER):
        raise DamagedStoreError(
            path,
            translate("storage", "it is not an SQLite database, or its beginning is damaged"),
        )
    if header is not None and _cut_short(header, size) and not _journal_holds_pages(path):
        raise DamagedStoreError(
            path, translate("storage", "it is damaged (the file is shorter than its header says)")
        )
    try:
        # Read-write unless read-only: after a crash SQLite must be able to roll the journal
        # into the file. A read-only connection never checkpoints nor deletes the journal.
        conn = connections.connect(path, read_only=read_only, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise DamagedStoreError(path, damaged(exc)) from exc
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        checks = ["PRAGMA quick_check(5)"]
        if not whole_file:
            checks = [f"PRAGMA quick_check('{t}')" for t in _SMALL_TABLES if t in tables]
        for check in checks:
            problems = [row[0] for row in conn.execute(check)]
            if problems != ["ok"]:
                raise DamagedStoreError(path, damaged(_first_problem(problems)))
        if "alembic_version" not in tables:
            if tables:
                raise StorageError(
                    translate(
                        "storage",
                        "{path} is an SQLite database but not a PartnerDesk store; it was left as "
                        "it is.",
                    ).format(path=path)
                )
            return None
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is not None and revision[0] not in migrations.known_revisions():
            raise StoreTooNewError(
                translate(
                    "storage",
                    "This store was written by a newer version of PartnerDesk (schema "
                    "{revision}); install that version or newer to open it. The file was not "
                    "changed.",
                ).format(revision=revision[0])
            )
        # Data, never code: nothing else in it runs when it is written to (docs/security.md).
        foreign = schema_check.foreign_objects(conn, revision[0] if revision else None)
        if foreign:
            raise DamagedStoreError(path, schema_check.described(foreign))
    except sqlite3.DatabaseError as exc:
        raise DamagedStoreError(path, damaged(exc)) from exc
    finally:
        conn.close()
    return revision[0] if revision else None


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _cut_short(header: bytes, size: int) -> bool:
    """The header's page count, when SQLite marks it valid, against the file's length: a copy
    cut short by a full disk or an interrupted sync is caught without reading the pages."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]
    return valid and pages > 0 and size < pages * page_size


def _journal_holds_pages(path: Path) -> bool:
    """A write-ahead journal beside the store: a checkpoint cut short by a crash writes page 1
    (and its page count) before the pages that follow, which are still in the journal; SQLite
    finishes the checkpoint on opening. The length check is then no sign of damage."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def _first_problem(problems: list[str]) -> str:
    """SQLite's check report, cut to one line for a message."""
    lines = [
        line.strip()
        for problem in problems
        for line in str(problem).splitlines()
        if line.strip() and not line.startswith("***")
    ]
    more = counted("and_more", len(lines) - 1) if len(lines) > 1 else ""
    return (lines[0] if lines else translate("storage", "unknown problem")) + (
        f", {more}" if more else ""
    )


def _environment_message(path: Path, exc: Exception) -> str:
    reason = _sqlite_reason(exc)
    if "full" in reason:
        return translate(
            "storage",
            "The disk holding {path} is full: nothing was saved. Free some space and save again.",
        ).format(path=path)
    if "readonly" in reason or "read-only" in reason:
        return translate("storage", "The store at {path} is read-only: nothing was saved.").format(
            path=path
        )
    if "locked" in reason or "busy" in reason:
        return translate(
            "storage",
            "The store at {path} is busy in another window or program: nothing was saved. "
            "Try again.",
        ).format(path=path)
    return translate(
        "storage", "The store at {path} could not be written ({reason}): nothing was saved."
    ).format(path=path, reason=reason)


def _sqlite_reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().rstrip(".")
