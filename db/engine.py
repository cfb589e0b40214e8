"""Opening a store: the file, its pragmas, its schema version, and its units of work.

Nothing happens at import time. ``Store.open`` creates the file (owner-only) when it is new,
refuses a store written by a newer PartnerDesk, applies pending migrations, and loads the default
thematic tree into a new store. Every connection is set up the same way: foreign keys on, WAL
journal, ``synchronous=FULL`` (a commit is on disk when it returns) and a busy timeout; writes
start with ``BEGIN IMMEDIATE`` so that two writers queue instead of failing half-way.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import Session

from db.errors import StorageError, StoreTooNewError

BUSY_TIMEOUT_MS = 10_000
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


def _make_engine(path: Path, *, immediate: bool) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):
        # Python's sqlite3 would otherwise open transactions on its own, too late to be immediate.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Store:
    """One open PartnerDesk store. Only ``desktop.app`` and the command line open one."""

    def __init__(self, path: Path, writer: Engine, reader: Engine):
        self.path = path
        self._writer = writer
        self._reader = reader
        self._officer: str | None = None

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Store:
        path = Path(path).expanduser().resolve()
        is_new = not path.exists() or path.stat().st_size == 0
        if is_new:
            if not create:
                raise StorageError(f"There is no PartnerDesk store at {path}.")
            _create_private_file(path)
        else:
            _refuse_non_database(path)
        store = cls(path, _make_engine(path, immediate=True), _make_engine(path, immediate=False))
        try:
            from db import migrations

            migrations.upgrade(store._writer)
            if is_new:
                from db.thematic import load_default_tree

                load_default_tree(store)
        except (StoreTooNewError, StorageError):
            store.close()
            raise
        except DatabaseError as exc:
            store.close()
            raise StorageError(_damaged(path, exc)) from exc
        return store

    def close(self) -> None:
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

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection with the same pragmas (backups, checks); caller closes it."""
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    # -- who is working ----------------------------------------------------------------------------
    @property
    def officer(self) -> str:
        """The name written into the change history: the configured officer, else the OS user."""
        if self._officer is None:
            from db.settings import get_setting

            with self.reading() as session:
                self._officer = get_setting(session, "officer_name") or _os_user()
        return self._officer

    def forget_officer(self) -> None:
        self._officer = None

    # -- facts about the file ------------------------------------------------------------------------
    def pragmas(self) -> dict[str, object]:
        with self._writer.connect() as conn:
            return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in PRAGMAS}

    def table_names(self) -> list[str]:
        return inspect(self._reader).get_table_names()

    def schema_revision(self) -> str | None:
        with self._reader.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes and services
        return "unknown officer"


def _create_private_file(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise StorageError(f"Cannot create the store at {path}: {exc.strerror}.") from exc


_SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_non_database(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StorageError(f"Cannot read the store at {path}: {exc.strerror}.") from exc
    if header != _SQLITE_HEADER:
        raise StorageError(
            f"{path} is not a PartnerDesk store (it is not an SQLite database, or it is damaged)."
        )


def _damaged(path: Path, exc: Exception) -> str:
    return f"The store at {path} is damaged and cannot be opened ({_sqlite_reason(exc)})."


def _environment_message(path: Path, exc: Exception) -> str:
    reason = _sqlite_reason(exc)
    if "full" in reason:
        return (
            f"The disk holding {path} is full: nothing was saved. Free some space and save again."
        )
    if "readonly" in reason or "read-only" in reason:
        return f"The store at {path} is read-only: nothing was saved."
    if "locked" in reason or "busy" in reason:
        return f"The store at {path} is busy in another window or program: nothing was saved. Try again."
    return f"The store at {path} could not be written ({reason}): nothing was saved."


def _sqlite_reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().rstrip(".")
