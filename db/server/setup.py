"""Preparing a team server's database: ``partnerdesk server init`` makes PartnerDesk's tables in
an empty database (the same migrations as a laptop's store), ``partnerdesk server upgrade``
applies the migrations of a newer PartnerDesk. Both run as the database's owner (an
administrator), in one transaction each: a failure leaves the database as it was."""

from __future__ import annotations

from sqlalchemy import inspect

from db.errors import StoreTooNewError
from db.i18n import translate
from db.server.accounts import grant_rights, group_roles
from db.server.team_server import ServerError, TeamServer
from db.store import migrations


def init_server(server: TeamServer) -> str:
    """Make the tables in an empty database; what was done, in one sentence."""
    with server.connection() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = migrations.current_revision(connection)
    if revision is not None:
        raise ServerError(
            translate(
                "server",
                "{server} is a PartnerDesk team server already (schema {revision}); nothing was "
                "changed. To bring it to this version's schema, use “partnerdesk server upgrade”.",
            ).format(server=server.name, revision=revision)
        )
    if tables:
        raise ServerError(
            translate(
                "server",
                "{server} already holds {count} tables that are not PartnerDesk's ({names}); "
                "nothing was changed. A team server needs a database of its own.",
            ).format(server=server.name, count=len(tables), names=", ".join(sorted(tables)[:5]))
        )
    _upgrade(server)
    officers, management = group_roles(server.url.database)
    return translate(
        "server",
        "{server} is ready: a PartnerDesk team server at schema {revision}. Officers' roles go "
        "in {officers}, management's in {management} (“partnerdesk server add-officer”).",
    ).format(
        server=server.name,
        revision=migrations.head_revision(),
        officers=officers,
        management=management,
    )


def upgrade_server(server: TeamServer) -> str:
    """Apply the migrations the server lacks; what was done, in one sentence."""
    before = server.schema_revision()
    if before is None:
        raise ServerError(
            translate(
                "server",
                "{server} is not a PartnerDesk team server: prepare it with “partnerdesk server "
                "init”. Nothing was changed.",
            ).format(server=server.name)
        )
    head = migrations.head_revision()
    if before == head:
        return translate(
            "server", "{server} is at this version's schema ({revision}) already: nothing to do."
        ).format(server=server.name, revision=head)
    _upgrade(server)
    return translate("server", "{server} was upgraded from schema {before} to {after}.").format(
        server=server.name, before=before, after=head
    )


def _upgrade(server: TeamServer) -> None:
    """The migrations, then the rights granted again (a table a migration made is covered)."""
    try:
        server.migrate()
    except StoreTooNewError:
        raise ServerError(
            translate(
                "server",
                "{server} was upgraded by a newer PartnerDesk; this version cannot change it. "
                "Nothing was changed.",
            ).format(server=server.name)
        ) from None
    with server.connection() as connection:
        grant_rights(connection, server.url.database)
        connection.commit()
