"""Who may do what on a team server, enforced by PostgreSQL on a real (throwaway) server: an
officer's role syncs and cannot rewrite history or delete a record, management's role reads and
is refused a push with a clear message, the server writes who pushed each change, and a revoked
role cannot log in (docs/team-server.md, "Officers and management")."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db.records import services
from db.server import accounts, setup
from db.server.sync import sync_with_server
from db.server.team_server import ServerError, TeamServer
from tests import builders

PASSWORD = "correct horse battery staple"


@pytest.fixture
def admin(postgres_url):
    """The server as its administrator prepared it (the database's owner)."""
    with TeamServer(postgres_url) as server:
        setup.init_server(server)
        yield server


def _role(admin: TeamServer, name: str, *, management: bool = False) -> str:
    """A role named for this test's database (roles are the whole cluster's)."""
    role = f"{name}_{admin.url.database}".lower()
    accounts.add_account(admin, role, PASSWORD, management=management)
    return role


def _as(admin: TeamServer, role: str) -> TeamServer:
    return TeamServer(admin.url.set(username=role))


def _refused(server: TeamServer, sql: str) -> str:
    with pytest.raises(ServerError) as refused, server.connection() as connection:
        connection.execute(text(sql))
    return str(refused.value)


def test_an_officer_syncs_and_the_server_writes_who_pushed_each_change(store, admin):
    officer = _role(admin, "amina")
    services.save(store, "agreement", builders.agreement(builders.two_parties(store)))
    with _as(admin, officer) as server:
        report = sync_with_server(store, server)
    assert report.sent > 0
    with admin.reading() as session:
        pushers = session.execute(text("SELECT DISTINCT pushed_by FROM change")).scalars().all()
        batches = session.execute(text("SELECT pushed_by FROM pushed_batch")).scalars().all()
    assert pushers == [officer] and batches == [officer]


def test_an_officer_cannot_rewrite_history_delete_a_record_or_say_who_pushed(store, admin):
    officer = _role(admin, "bruno")
    services.save(store, "agreement", builders.agreement(builders.two_parties(store)))
    with _as(admin, officer) as server:
        sync_with_server(store, server)
        for sql in (
            "UPDATE change SET new_value = 'rewritten'",
            "DELETE FROM change",
            "DELETE FROM agreement",
            "UPDATE pushed_batch SET pushed_by = 'someone else'",
        ):
            assert "your account may not do this" in _refused(server, sql), sql
        with server.connection() as connection:  # a forged name is replaced by the server's
            connection.execute(
                text(
                    "INSERT INTO pushed_batch (id, store_id, pushed_by, pushed_at, changes) "
                    "VALUES ('forged', 'x', 'the director', now(), 0)"
                )
            )
            connection.commit()
    with admin.reading() as session:
        forged = session.execute(text("SELECT pushed_by FROM pushed_batch WHERE id = 'forged'"))
        assert forged.scalar() == officer


def test_management_reads_everything_and_a_push_is_refused_by_the_server(store, admin):
    manager = _role(admin, "carla", management=True)
    services.save(store, "agreement", builders.agreement(builders.two_parties(store)))
    with _as(admin, manager) as server:
        with server.connection() as connection:
            assert connection.execute(text("SELECT count(*) FROM agreement")).scalar() == 0
        with pytest.raises(ServerError) as refused:
            sync_with_server(store, server)
    assert "your account may not do this" in str(refused.value)
    assert "Ask the server's administrator" in str(refused.value)
    with admin.reading() as session:
        assert session.execute(text("SELECT count(*) FROM change")).scalar() == 0


def test_a_password_is_kept_by_the_server_as_a_scram_verifier(admin):
    officer = _role(admin, "dara")
    with admin.connection() as connection:
        stored = connection.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :name"), {"name": officer}
        ).scalar()
    assert stored.startswith("SCRAM-SHA-256$") and PASSWORD not in stored


def test_a_revoked_role_cannot_log_in_and_its_rows_keep_its_name(store, admin):
    officer = _role(admin, "emeka")
    services.save(store, "agreement", builders.agreement(builders.two_parties(store)))
    with _as(admin, officer) as server:
        sync_with_server(store, server)
    assert "may no longer log in" in accounts.revoke_account(admin, officer)
    with _as(admin, officer) as server, pytest.raises(ServerError) as refused:
        sync_with_server(store, server)
    assert "did not accept the user name or password" in str(refused.value)
    with admin.reading() as session:
        assert session.execute(text("SELECT DISTINCT pushed_by FROM change")).scalar() == officer


@pytest.mark.parametrize(
    "name, password, words",
    [
        ("Robert'); DROP TABLE change;--", PASSWORD, "is not a role name PartnerDesk makes"),
        ("fatou", "short", "at least 12 characters"),
    ],
)
def test_a_bad_role_name_or_a_short_password_is_refused_and_nothing_made(
    admin, name, password, words
):
    with pytest.raises(ServerError, match=words):
        accounts.add_account(admin, name, password)


def test_an_administrator_who_is_not_a_superuser_prepares_the_server_and_its_roles(
    store, postgres_cluster, postgres_url
):
    """What docs/team-server.md tells IT to make: a role with CREATEROLE owning the database."""
    owner = f"admin_{postgres_url.database}"
    postgres_cluster.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
    postgres_cluster.execute(f'ALTER DATABASE "{postgres_url.database}" OWNER TO "{owner}"')
    with TeamServer(postgres_url.set(username=owner)) as admin:
        assert "is ready" in setup.init_server(admin)
        officer = _role(admin, "hugo")
        services.save(store, "agreement", builders.agreement(builders.two_parties(store)))
        with _as(admin, officer) as server:
            assert sync_with_server(store, server).sent > 0
        assert "may no longer log in" in accounts.revoke_account(admin, officer)
