"""Who may do what on a team server, enforced by PostgreSQL itself (docs/team-server.md).

Each database has two group roles, named after it: ``<database>_officers`` and
``<database>_management``. Every officer has a login role of their own in the first; management's
reporting tools log in with roles in the second. The rights are granted on the tables, so they
hold whatever program connects:

- officers read everything, add rows, and change the current state of records (a merge updates
  a record, rewrites its parts and links, opens and closes conflicts, remembers what a laptop
  held); they never delete a record (records are archived) and never change or delete the
  history (``change``) or the log of pushes (``pushed_batch``), where the server writes who
  pushed each row (``current_user``, by a trigger: not what a laptop says);
- management reads everything and writes nothing.

Passwords are sent to the server as SCRAM-SHA-256 verifiers computed here (libpq's
``PQencryptPasswordConn``): the password itself never travels, nor reaches the server's log.
"""

from __future__ import annotations

import re

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from db.i18n import translate
from db.schema.kinds import KINDS
from db.server.team_server import ServerError, TeamServer

# Tables whose rows officers never update or delete, and which they may only add to.
APPEND_ONLY = ("change", "pushed_batch", "attachment_content")
# Tables where a merge deletes rows: a record's parts and links, conflicts settled, settings.
REWRITTEN = ("conflict", "setting")
_ROLE_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,62}")


def group_roles(database: str) -> tuple[str, str]:
    """The officers' and management's group roles of a server's database."""
    return f"{database}_officers", f"{database}_management"


def grant_rights(connection: Connection, database: str) -> None:
    """The group roles (made when missing) and their rights on every table, granted again from
    nothing: run by ``server init`` and after each ``server upgrade`` (a new table is covered)."""
    officers, management = group_roles(database)
    q = connection.dialect.identifier_preparer.quote
    for role in (officers, management):
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": role}
        ).first()
        if not exists:
            connection.execute(text(f"CREATE ROLE {q(role)} NOLOGIN"))
        connection.execute(text(f"GRANT CONNECT ON DATABASE {q(database)} TO {q(role)}"))
        connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {q(role)}"))
        connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {q(role)}"))
        connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {q(role)}"))
    tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
    rewritten = set(REWRITTEN)
    for kind in KINDS:
        rewritten |= {t.__tablename__ for t in kind.parts.values()}
        rewritten |= {link.table.__tablename__ for link in kind.links.values()}
    for table in sorted(tables):
        rights = ["INSERT"]
        if table not in APPEND_ONLY:
            rights.append("UPDATE")
        if table in rewritten:
            rights.append("DELETE")
        connection.execute(text(f"GRANT {', '.join(rights)} ON {q(table)} TO {q(officers)}"))
    connection.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {q(officers)}"))


def add_account(server: TeamServer, name: str, password: str, *, management: bool = False) -> str:
    """A login role for an officer (or for management's reporting), in its group role."""
    role = _checked_name(name)
    if len(password) < 12:
        raise ServerError(
            translate(
                "server", "The password must have at least 12 characters; nothing was changed."
            )
        )
    with server.connection() as connection:
        database = connection.engine.url.database
        officers, managers = group_roles(database)
        group = managers if management else officers
        taken = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": role}
        ).first()
        if taken:
            raise ServerError(
                translate(
                    "server",
                    "There is already a role named “{name}” on the server; nothing was changed.",
                ).format(name=role)
            )
        verifier = _scram_verifier(connection, password, role)
        q = connection.dialect.identifier_preparer.quote
        # A utility statement takes no parameters: the verifier (never the password) is quoted.
        literal = "'" + verifier.replace("'", "''") + "'"
        # On the driver, without parameters: a verifier holds ":" that SQLAlchemy would read as
        # a parameter's name.
        connection.exec_driver_sql(
            f"CREATE ROLE {q(role)} LOGIN PASSWORD {literal} IN ROLE {q(group)}"
        )
        connection.commit()
    if management:
        said = translate("server", "{name} can now log in to {server}, to read (management).")
    else:
        said = translate("server", "{name} can now log in to {server} as an officer.")
    return said.format(name=role, server=server.name)


def revoke_account(server: TeamServer, name: str) -> str:
    """A lost laptop, an officer who left: the role may no longer log in, and its open sessions
    end. Its rows stay, with its name on them."""
    role = _checked_name(name)
    with server.connection() as connection:
        q = connection.dialect.identifier_preparer.quote
        found = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": role}
        ).first()
        if not found:
            raise ServerError(
                translate("server", "There is no role named “{name}” on the server.").format(
                    name=role
                )
            )
        connection.execute(text(f"ALTER ROLE {q(role)} NOLOGIN"))
        # Its open sessions end, where this administrator may end them (a superuser, a member
        # of pg_signal_backend, or of the role); a laptop opens a new session for each sync, so
        # the next one is refused in any case. A session that went away meanwhile is skipped.
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :name "
                "AND (pg_has_role(current_user, 'pg_signal_backend', 'MEMBER') "
                "OR pg_has_role(current_user, usename, 'MEMBER'))"
            ),
            {"name": role},
        )
        connection.commit()
    return translate(
        "server",
        "{name} may no longer log in to {server}: its next connection is refused, and its "
        "open ones were ended where your account may end them.",
    ).format(name=role, server=server.name)


def _checked_name(name: str) -> str:
    role = name.strip()
    if not _ROLE_NAME.fullmatch(role):
        raise ServerError(
            translate(
                "server",
                "“{name}” is not a role name PartnerDesk makes: lower-case letters, digits, "
                "“_”, “.” and “-”, starting with a letter, at most 63 characters.",
            ).format(name=name[:80])
        )
    return role


def _scram_verifier(connection: Connection, password: str, role: str) -> str:
    pgconn = connection.connection.dbapi_connection.pgconn
    return pgconn.encrypt_password(
        password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256"
    ).decode("ascii")
