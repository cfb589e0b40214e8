"""The dashboard's "Coming up", as a table: checked by Qt's model tester, empty and full."""

from __future__ import annotations

from datetime import date

from db.queries.dashboard import UpcomingActivity, UpcomingConsultation
from desktop.models.coming_up import ComingUpModel

CONSULTATIONS = [
    UpcomingConsultation(
        "c1",
        "IOM–WCO annual bilateral consultation 2027",
        "bilateral_consultation",
        "2027-02-17T10:00",
        date(2027, 2, 17),
        "IOM Headquarters, Geneva",
        False,
        ("IOM", "WCO"),
    ),
    UpcomingConsultation(
        "c2",
        "Focal points call",
        "technical_meeting",
        "2026-12-01T14:00",
        date(2026, 12, 1),
        "Online",
        True,
        ("ICMPD", "WCO"),
    ),
]
ACTIVITIES = [
    UpcomingActivity(
        "j1",
        "Training of trainers, cohort 3",
        "training",
        "planned",
        date(2026, 12, 10),
        date(2026, 12, 14),
        "Lomé, TG",
        "hybrid",
        ("WCO", "IOM"),
    ),
]


def test_the_model_passes_the_model_tester_empty_and_with_meetings_and_activities(
    qtmodeltester,
):
    model = ComingUpModel()
    qtmodeltester.check(model)
    model.set_items(CONSULTATIONS, ACTIVITIES)
    qtmodeltester.check(model)
    model.set_items([], [])
    qtmodeltester.check(model)


def test_consultations_and_activities_are_mixed_soonest_first():
    model = ComingUpModel()
    model.set_items(CONSULTATIONS, ACTIVITIES)
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == [
        "Focal points call",
        "Training of trainers, cohort 3",
        "IOM–WCO annual bilateral consultation 2027",
    ]
    assert model.index(0, 3).data() == "Online"
    assert model.index(1, 1).data() == "Training course (Planned)"
    assert model.index(1, 3).data() == "Lomé, TG (Hybrid)"
    assert " to " in model.index(1, 0).data()
    assert model.record_at(1) == ("activity", "j1")
    assert model.record_at(2) == ("consultation", "c1")
