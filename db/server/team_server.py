"""A team server's database, opened for a sync: the same tables and migrations as a laptop's
store, reached through psycopg. It offers what the merge asks of a store (``reading``,
``unit_of_work``, ``officer``, ``store_id``, ``schema_revision``) and nothing of a file.

Reads take one snapshot (REPEATABLE READ): the changes a pull hands over and the version vector
that says what they are come from the same moment, whatever commits meanwhile. Writes queue on
one lock, taken first in READ COMMITTED, so that each push sees every push committed before it:
the merge compares against the server as it is, never against a snapshot taken while waiting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlmodel import Session

from db.errors import StorageError
from db.i18n import translate
from db.store import identity, migrations

# The key of the advisory lock every push takes: one writer at a time, as on a laptop.
PUSH_LOCK = 0x50445348  # "PDSH"
CONNECT_TIMEOUT_S = 15


class ServerError(StorageError):
    """The team server cannot be reached, refused, or is not ready for this PartnerDesk; the
    message says which, names the server (never its password) and says that nothing changed.
    ``about``: what to correct, "password" when the server refused the login, else "server"."""

    def __init__(self, message: str, *, about: str = "server"):
        super().__init__(message)
        self.about = about


def server_url(address: str) -> URL:
    """The SQLAlchemy URL of a ``postgresql://`` address (libpq's own form, as an administrator
    gives it); ServerError naming the problem otherwise."""
    try:
        url = make_url(address.strip())
    except ArgumentError:
        url = None
    if url is None or url.drivername not in ("postgresql", "postgres", "postgresql+psycopg"):
        raise ServerError(
            translate(
                "server",
                "The team server's address must start with postgresql:// (for example "
                "postgresql://officer@server.example.org/partnerdesk).",
            )
        )
    if not url.database:
        raise ServerError(
            translate(
                "server",
                "The team server's address names no database: add it after the last slash "
                "(postgresql://host/partnerdesk).",
            )
        )
    return url.set(drivername="postgresql+psycopg")


def shown(url: URL) -> str:
    """The server as a message names it: host, port and database, never the password."""
    host = url.host or "localhost (local socket)"
    return f"{url.database} on {host}{f':{url.port}' if url.port else ''}"


class TeamServer:
    # As a laptop's Store says it: a server is written through (its roles decide who may).
    read_only = False

    def __init__(self, address: str | URL, *, password: str | None = None):
        url = address if isinstance(address, URL) else server_url(address)
        if password is not None:
            url = url.set(password=password)
        self.url = url
        self.name = shown(url)
        self._engine = create_engine(
            url,
            pool_pre_ping=True,
            connect_args={
                # Every timestamp is UTC without a zone (db/clock.py), on the server as here.
                "options": "-c TimeZone=UTC",
                "connect_timeout": CONNECT_TIMEOUT_S,
                "application_name": "PartnerDesk",
            },
        )
        self._reader = self._engine.execution_options(isolation_level="REPEATABLE READ")
        self._writer = self._engine.execution_options(isolation_level="READ COMMITTED")
        self._officer: str | None = None

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> TeamServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._failures(), Session(self._reader) as session:
            session.execute(text("SET TRANSACTION READ ONLY"))
            yield session

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        with self._failures(), Session(self._writer, expire_on_commit=False) as session:
            try:
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PUSH_LOCK})
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @property
    def officer(self) -> str:
        """Who the server says is writing: its database role, not a name a laptop sends."""
        if self._officer is None:
            with self.reading() as session:
                self._officer = session.execute(text("SELECT current_user")).scalar()
        return self._officer

    def store_id(self) -> str:
        with self.reading() as session:
            return identity.store_id(session)

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A plain connection (the administrator's commands), failures said as messages."""
        with self._failures(), self._engine.connect() as connection:
            yield connection

    def migrate(self) -> None:
        """Apply the migrations the server lacks, in one transaction (StoreTooNewError for a
        server upgraded by a newer PartnerDesk)."""
        with self._failures():
            migrations.upgrade(self._engine)

    def schema_revision(self) -> str | None:
        with self.connection() as connection:
            return migrations.current_revision(connection)

    def check_ready(self) -> None:
        """A server this PartnerDesk can sync with: made by ``partnerdesk server init``, at this
        version's schema. ServerError saying what to do otherwise."""
        revision = self.schema_revision()
        head = migrations.head_revision()
        if revision is None:
            raise ServerError(
                translate(
                    "server",
                    "{server} is not a PartnerDesk team server yet: its administrator prepares "
                    "it with “partnerdesk server init --url …”. Nothing was synced.",
                ).format(server=self.name)
            )
        if revision not in migrations.known_revisions():
            raise ServerError(
                translate(
                    "server",
                    "The team server {server} was upgraded by a newer PartnerDesk (schema "
                    "{theirs}; this one knows {ours}). Update PartnerDesk, then sync again; "
                    "nothing was synced.",
                ).format(server=self.name, theirs=revision, ours=head)
            )
        if revision != head:
            raise ServerError(
                translate(
                    "server",
                    "The team server {server} has an older schema ({theirs}) than this "
                    "PartnerDesk ({ours}): its administrator upgrades it with “partnerdesk "
                    "server upgrade --url …”. Nothing was synced.",
                ).format(server=self.name, theirs=revision, ours=head)
            )

    @contextmanager
    def _failures(self) -> Iterator[None]:
        """A driver's failure as a message an officer can act on."""
        try:
            yield
        except DBAPIError as exc:
            raise describe_failure(self.name, exc) from exc


_REFUSED_LOGIN = re.compile(
    r"password authentication failed|is not permitted to log in|role \S+ does not exist|"
    r"no pg_hba\.conf entry|pg_hba\.conf rejects connection|authentication failed"
)
_UNVERIFIED = re.compile(r"certificate verify failed|server certificate for|root certificate file")


def describe_failure(name: str, exc: DBAPIError) -> ServerError:
    """What went wrong with the server, in one sentence that says nothing was changed."""
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else ""
    code = getattr(getattr(exc, "orig", None), "sqlstate", None) or ""
    if code == "42501":  # insufficient_privilege
        return ServerError(
            translate(
                "server",
                "The team server {server} refused: your account may not do this ({reason}). Ask "
                "the server's administrator; nothing was changed.",
            ).format(server=name, reason=reason)
        )
    if _UNVERIFIED.search(reason):  # sslmode=verify-full: not the server it claims to be
        return ServerError(
            translate(
                "server",
                "The team server {server} could not be verified against the certificate "
                "authority given ({reason}): it may not be your organization's server, or the "
                "certificate authority file is not the right one. Nothing was synced.",
            ).format(server=name, reason=reason),
            about="certificate",
        )
    if code in ("28P01", "28000") or _REFUSED_LOGIN.search(reason):
        # Wrong password, no such role, a role that may not log in: at connection time libpq
        # gives no SQLSTATE, only the server's words.
        return ServerError(
            translate(
                "server",
                "The team server {server} did not accept the user name or password ({reason}). "
                "Nothing was synced.",
            ).format(server=name, reason=reason),
            about="password",
        )
    if exc.connection_invalidated or code.startswith("08") or code.startswith("57P") or not code:
        return ServerError(
            translate(
                "server",
                "The team server {server} cannot be reached or went away ({reason}). Nothing that "
                "was not finished was kept; sync again when it is reachable.",
            ).format(server=name, reason=reason)
        )
    return ServerError(
        translate(
            "server", "The team server {server} refused the sync ({reason}). Nothing was changed."
        ).format(server=name, reason=reason)
    )
