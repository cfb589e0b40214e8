"""A team server reached over the network as docs/team-server.md asks: TLS verified against the
organization's certificate authority (`sslmode=verify-full`) and a SCRAM-SHA-256 password, on a
throwaway cluster that listens on 127.0.0.1 with a certificate from a throwaway authority."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from sqlalchemy import text

from db.records import services
from db.server.sync import sync_with_server
from db.server.team_server import ServerError, TeamServer
from tests.builders import agreement, two_parties
from tests.tls import OFFICER_PASSWORD as PASSWORD


def _address(cluster, database: str, ca_file, *, mode: str = "verify-full") -> str:
    query = f"?sslmode={mode}" + (f"&sslrootcert={quote(str(ca_file))}" if ca_file else "")
    return f"postgresql://amina@127.0.0.1:{cluster.port}/{database}{query}"


def test_an_officer_syncs_over_tls_verified_against_the_organizations_authority(store, tls_server):
    cluster, database, ours, _theirs = tls_server
    services.save(store, "agreement", agreement(two_parties(store)))
    with TeamServer(_address(cluster, database, ours), password=PASSWORD) as server:
        assert sync_with_server(store, server).sent > 0
        with server.reading() as session:
            encrypted = session.execute(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).scalar()
    assert encrypted is True


def test_a_server_whose_certificate_another_authority_signed_is_refused(store, tls_server):
    cluster, database, _ours, theirs = tls_server
    other = TeamServer(_address(cluster, database, theirs), password=PASSWORD)
    with other as server, pytest.raises(ServerError) as refused:
        sync_with_server(store, server)
    assert refused.value.about == "certificate"
    assert "could not be verified against the certificate authority" in str(refused.value)


def test_a_wrong_password_and_a_connection_without_tls_are_refused(store, tls_server):
    cluster, database, ours, _theirs = tls_server
    mistyped = TeamServer(_address(cluster, database, ours), password="not the password")
    with mistyped as server, pytest.raises(ServerError) as wrong:
        sync_with_server(store, server)
    assert wrong.value.about == "password"
    plain = _address(cluster, database, None, mode="disable")
    with TeamServer(plain, password=PASSWORD) as server, pytest.raises(ServerError) as bare:
        sync_with_server(store, server)
    assert bare.value.about == "password" and "rejects connection" in str(bare.value)
