"""The organization's view on a team server (docs/team-server.md, "Reporting"): three plain SQL
views that a reporting tool reads with management's read-only role, filled by a laptop's sync,
as of the server's own date (the laptop's clock is put on that day, so that the test holds
whatever day it runs)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text

from db.records import services
from db.records.derived import add_months
from db.schema.models import ThematicArea
from db.server import accounts, setup
from db.server.sync import sync_with_server
from db.server.team_server import ServerError, TeamServer
from tests import builders


@pytest.fixture
def server(postgres_url):
    with TeamServer(postgres_url) as prepared:
        setup.init_server(prepared)
        yield prepared


def test_management_reads_deadlines_activities_and_late_follow_ups_from_the_views(
    store, server, clock
):
    with server.reading() as session:
        today = session.execute(text("SELECT current_date")).scalar()
    clock.move_to(today)
    parties = builders.two_parties(store)
    expired = services.save(
        store,
        "agreement",
        builders.agreement(
            parties, title="Expired MoU", expires_on=(today - timedelta(days=30)).isoformat()
        ),
    )
    current = services.save(
        store,
        "agreement",
        builders.agreement(
            parties,
            title="Current MoU",
            expires_on=(today + timedelta(days=400)).isoformat(),
            review_on=(today - timedelta(days=3)).isoformat(),
        ),
    )
    with store.reading() as session:
        area_id, area = session.execute(select(ThematicArea.id, ThematicArea.name)).first()
    last_year = today.replace(year=today.year - 1, month=3, day=2)
    for title in ("Border workshop", "Risk training"):
        services.save(
            store,
            "activity",
            builders.activity(
                title=title,
                status="completed",
                start_on=last_year.isoformat(),
                end_on=last_year.isoformat(),
                participants_total=20,
                thematic_area_ids=[area_id],
            ),
        )
    for owner, due in (("Amina", 10), ("Amina", 40), ("Joseph", -5)):
        services.save(
            store,
            "follow_up",
            builders.follow_up(owner=owner, due_on=(today - timedelta(days=due)).isoformat()),
        )
    sync_with_server(store, server)

    reader = f"reporting_{server.url.database}"
    accounts.add_account(server, reader, "a long enough password", management=True)
    with TeamServer(server.url.set(username=reader)) as reporting:
        with reporting.connection() as connection:
            agreements = {
                row.id: row for row in connection.execute(text("SELECT * FROM agreements_overview"))
            }
            by_area = connection.execute(
                text("SELECT * FROM activities_by_area_and_year WHERE thematic_area_id = :id"),
                {"id": area_id},
            ).all()
            late = connection.execute(
                text("SELECT owner, late, oldest_due_on FROM late_follow_ups_by_owner")
            ).all()
        refused = pytest.raises(ServerError, match="your account may not do this")
        with refused, reporting.connection() as connection:
            connection.execute(text("DELETE FROM follow_up"))

    assert agreements[expired].effective_status == "expired"
    assert agreements[current].effective_status == "in_force"
    assert agreements[current].review_overdue is True
    assert agreements[expired].notice_deadline == add_months(today - timedelta(days=30), -6)
    assert agreements[current].parties.count(", ") == 1
    assert [
        (r.thematic_area, r.year, r.activities, r.completed, r.participants) for r in by_area
    ] == [(area, last_year.year, 2, 2, 40)]
    assert late == [("Amina", 2, today - timedelta(days=40))]
