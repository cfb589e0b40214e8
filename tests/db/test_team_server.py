"""Laptops that sync through a team server on a real (throwaway) PostgreSQL: the server is made
by `server init`, each laptop pushes what the server lacks and pulls what it lacks, through the
same merge as between laptops, so a conflict comes out as it does between two laptops
(docs/team-server.md)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, text

from db.records import merge, services
from db.records.history import history_of
from db.records.settings import put_setting
from db.schema.models import Change, Organization, PushedBatch
from db.server import setup
from db.server import sync as sync_module
from db.server.sync import _PENDING, sync_with_server
from db.server.team_server import ServerError, TeamServer, server_url
from db.store.engine import Store
from tests import builders


@pytest.fixture
def server(postgres_url):
    """A new team server, prepared as its administrator would (`partnerdesk server init`)."""
    with TeamServer(postgres_url) as opened:
        setup.init_server(opened)
        yield opened


def _conflicts(store: Store) -> list[tuple[str, str, str, set]]:
    with store.reading() as session:
        return [
            (kind, record_id, name, {json.dumps(side["value"]) for side in sides})
            for kind, record_id, name, sides in merge.open_conflicts(session)
        ]


def _edits(store: Store, record_id: str) -> set[tuple[str, str | None]]:
    with store.reading() as session:
        return {(e.field, e.new_value) for e in history_of(session, "agreement", record_id)}


def test_two_laptops_sync_through_the_server_and_a_clash_is_one_conflict_closed_everywhere(
    store, other_store, server
):
    hq, mission = store, other_store
    parties = builders.two_parties(hq)
    agreement = services.save(hq, "agreement", builders.agreement(parties, status="in_force"))
    first = sync_with_server(hq, server)
    assert first.sent > 0 and first.received == 0
    down = sync_with_server(mission, server)
    assert down.sent == 0 and {k for k, _id, _name in down.added} >= {"agreement", "organization"}
    assert services.get_exchange(mission, "agreement", agreement) == services.get_exchange(
        hq, "agreement", agreement
    )

    # Offline, the edits of the two laptops' story (tests/builders.py): one clash, on status.
    third = builders.edit_offline(hq, mission, agreement)
    sync_with_server(mission, server)
    from_hq = sync_with_server(hq, server)  # HQ's push meets the mission's on the server
    assert from_hq.conflicts == [("agreement", agreement, "MoU on border management", "status")]
    sync_with_server(mission, server)

    merged = services.get_exchange(hq, "agreement", agreement)
    assert merged == services.get_exchange(mission, "agreement", agreement)
    assert merged["title"] == "MoU on border management"
    assert merged["review_on"] == "2027-05-08"
    assert [p["organization_id"] for p in merged["parties"]] == [*parties, third]
    clash = [("agreement", agreement, "status", {'"terminated"', '"superseded"'})]
    assert _conflicts(hq) == clash == _conflicts(mission)
    edits = builders.OFFLINE_EDITS
    assert edits <= _edits(hq, agreement) and _edits(hq, agreement) == _edits(mission, agreement)
    # The server holds the same record, conflict and history: the organization's view.
    with server.reading() as session:
        on_server = session.execute(
            text("SELECT title, status FROM agreement WHERE id = :id"), {"id": agreement}
        ).one()
        assert tuple(on_server) == ("MoU on border management", merged["status"])
        assert [c[:3] for c in merge.open_conflicts(session)] == [
            ("agreement", agreement, "status")
        ]

    # HQ keeps the mission's status; the choice travels through the server and closes it there.
    merge.resolve(hq, "agreement", agreement, "status", "superseded")
    sync_with_server(hq, server)
    sync_with_server(mission, server)
    assert _conflicts(mission) == [] == _conflicts(hq)
    assert services.get_exchange(mission, "agreement", agreement)["status"] == "superseded"
    with server.reading() as session:
        assert merge.open_conflicts(session) == []


def test_a_push_sent_again_after_it_landed_adds_nothing_and_is_recorded_once(
    store, other_store, server
):
    parties = builders.two_parties(store)
    services.save(store, "agreement", builders.agreement(parties))
    sync_with_server(store, server)
    with server.reading() as session:
        changes = session.execute(select(func.count()).select_from(Change)).scalar()
        [batch] = session.execute(select(PushedBatch)).scalars().all()
    # The laptop keeps a batch's id before sending it: as if the answer had been lost after the
    # server committed, the same id is still pending when the officer syncs again.
    with store.unit_of_work() as session:
        put_setting(session, _PENDING + server.store_id(), batch.id)
    again = sync_with_server(store, server)
    assert again.sent == 0
    with server.reading() as session:
        assert session.execute(select(func.count()).select_from(Change)).scalar() == changes
        assert len(session.execute(select(PushedBatch)).scalars().all()) == 1
    assert batch.store_id == store.store_id() and batch.changes == changes
    assert batch.pushed_by == server.officer  # the server's role, not a name the laptop sent


def test_a_database_not_prepared_is_refused_with_what_to_do(store, postgres_url):
    with TeamServer(postgres_url) as bare, pytest.raises(ServerError) as refused:
        sync_with_server(store, bare)
    assert "is not a PartnerDesk team server yet" in str(refused.value)
    assert "partnerdesk server init" in str(refused.value)


def test_init_twice_is_refused_and_upgrade_at_the_head_does_nothing(server):
    with pytest.raises(ServerError, match="is a PartnerDesk team server already"):
        setup.init_server(server)
    assert "nothing to do" in setup.upgrade_server(server)


def test_a_database_holding_other_tables_is_not_taken(postgres_url):
    with TeamServer(postgres_url) as other:
        with other.connection() as connection:
            connection.execute(text("CREATE TABLE invoices (id integer)"))
            connection.commit()
        with pytest.raises(ServerError, match="not PartnerDesk's \\(invoices\\)"):
            setup.init_server(other)


def test_a_server_that_cannot_be_reached_is_named_without_its_password(store, tmp_path):
    address = f"postgresql://officer:s3cret@/partnerdesk?host={tmp_path}&connect_timeout=2"
    with TeamServer(address) as gone, pytest.raises(ServerError) as refused:
        sync_with_server(store, gone)
    message = str(refused.value)
    assert "cannot be reached" in message and "partnerdesk on" in message
    assert "s3cret" not in message


@pytest.mark.parametrize(
    "address, words",
    [
        ("mysql://host/db", "must start with postgresql://"),
        ("postgresql://host", "names no database"),
        ("not an address", "must start with postgresql://"),
    ],
)
def test_an_address_that_is_not_a_postgresql_one_is_refused(address, words):
    with pytest.raises(ServerError, match=words):
        server_url(address)


def _held_on_server(server: TeamServer) -> tuple[int, int]:
    with server.reading() as session:
        changes = session.execute(select(func.count()).select_from(Change)).scalar()
        batches = session.execute(select(func.count()).select_from(PushedBatch)).scalar()
    return changes, batches


def test_a_server_stopped_immediately_in_the_middle_of_a_push_loses_and_duplicates_nothing(
    store, other_store, server, postgres_cluster, monkeypatch
):
    parties = builders.two_parties(store)
    agreement = services.save(store, "agreement", builders.agreement(parties))
    with store.reading() as session:
        made_here = session.execute(select(func.count()).select_from(Change)).scalar()
    real_merge = sync_module.merge.merge_into

    def merged_then_the_server_stops(session, payload, *, who):
        report = real_merge(session, payload, who=who)
        session.flush()  # the push's rows are on the server, not committed
        postgres_cluster.crash()
        return report

    monkeypatch.setattr(sync_module.merge, "merge_into", merged_then_the_server_stops)
    try:
        with pytest.raises(ServerError, match="cannot be reached or went away"):
            sync_with_server(store, server)
    finally:
        monkeypatch.undo()
        postgres_cluster.start()
    assert _held_on_server(server) == (0, 0)  # rolled back whole by the server's recovery

    report = sync_with_server(store, server)  # the officer syncs again: it resumes
    assert report.sent == made_here
    assert _held_on_server(server) == (made_here, 1)
    sync_with_server(other_store, server)
    assert services.get_exchange(other_store, "agreement", agreement) == services.get_exchange(
        store, "agreement", agreement
    )
    assert sync_with_server(store, server).sent == 0  # nothing sent twice
    assert _held_on_server(server) == (made_here, 1)


def test_a_change_committed_while_another_laptop_pulls_is_taken_by_its_next_pull(
    store, other_store, server, monkeypatch
):
    """A pull reads one snapshot; a push that commits after that snapshot is not in it, and
    nothing a server-wide counter would have moved past hides it from the next pull: the
    laptop asks for what is beyond its own version vector."""
    import threading

    sync_with_server(store, server)
    sync_with_server(other_store, server)
    partner = services.save(store, "organization", builders.organization(name="OSCE"))
    merging, release = threading.Event(), threading.Event()
    real_merge = sync_module.merge.merge_into

    def slow_merge(session, payload, *, who):
        report = real_merge(session, payload, who=who)
        if session.get_bind().dialect.name == "postgresql" and payload.changes:
            merging.set()  # the push's rows are written, not yet committed
            release.wait(30)
        return report

    monkeypatch.setattr(sync_module.merge, "merge_into", slow_merge)
    pushing = threading.Thread(target=sync_with_server, args=(store, server))
    pushing.start()
    assert merging.wait(30)
    during = sync_with_server(other_store, server)  # the pull's snapshot: without OSCE
    release.set()
    pushing.join(30)
    assert during.received == 0
    with other_store.reading() as session:
        assert session.get(Organization, partner) is None
    after = sync_with_server(other_store, server)  # committed late: taken now
    assert after.received > 0
    assert services.get_exchange(other_store, "organization", partner)["name"] == "OSCE"
