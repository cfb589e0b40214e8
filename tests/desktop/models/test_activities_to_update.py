"""The dashboard's "Planned but past", as a table: checked by Qt's model tester, empty and full;
the rows in the order the store gave them (the most recent first), the status in a column."""

from __future__ import annotations

from datetime import date

from db.queries.dashboard import UpcomingActivity
from desktop.models.activities_to_update import ActivitiesToUpdateModel

ACTIVITIES = [
    UpcomingActivity(
        "j2",
        "Regional workshop, Nairobi",
        "workshop",
        "confirmed",
        date(2026, 11, 16),
        None,
        "Nairobi, KE",
        "in_person",
        ("WCO", "IOM"),
    ),
    UpcomingActivity(
        "j1",
        "Webinar on risk management",
        "seminar",
        "planned",
        date(2026, 10, 5),
        date(2026, 10, 6),
        None,
        "online",
        ("WCO",),
    ),
]


def test_the_model_passes_the_model_tester_empty_and_full(qtmodeltester):
    model = ActivitiesToUpdateModel()
    qtmodeltester.check(model)
    model.set_activities(ACTIVITIES, 2)
    qtmodeltester.check(model)
    model.set_activities([], 0)
    qtmodeltester.check(model)


def test_each_row_shows_its_status_and_opens_its_activity():
    model = ActivitiesToUpdateModel()
    model.set_activities(ACTIVITIES, 7)
    assert model.total == 7
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == [
        "Regional workshop, Nairobi",
        "Webinar on risk management",
    ]
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["Confirmed", "Planned"]
    assert model.index(1, 3).data() == "Online"
    assert " to " in model.index(1, 0).data()
    assert model.record_at(0) == ("activity", "j2")
