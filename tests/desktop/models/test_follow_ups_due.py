"""The dashboard's follow-ups, as a table: checked by Qt's model tester, empty and full."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from db.queries.dashboard import FollowUpDue
from db.queries.dashboard_reading import SHOWN_ROWS
from desktop.models.follow_ups_due import FollowUpsDueModel

FOLLOW_UPS = [
    FollowUpDue(
        "f1",
        "Confirm the venue for cohort 3",
        "IOM project team",
        date(2026, 12, 4),
        "in_progress",
        False,
        "agreement",
        "a1",
        "WCO/IOM/PA/2024-01",
    ),
    FollowUpDue(
        "f2",
        "Send the 2025 progress report",
        "Daniel Okafor (IOM)",
        date(2026, 3, 31),
        "open",
        True,
        "consultation",
        "c1",
        "IOM–WCO annual bilateral consultation 2025",
    ),
    FollowUpDue(
        "f3", "Share the survey results", None, date(2025, 4, 30), "open", True, None, None, None
    ),
]


def test_the_model_passes_the_model_tester_empty_and_with_follow_ups(qtmodeltester):
    model = FollowUpsDueModel()
    qtmodeltester.check(model)
    model.set_rows(FOLLOW_UPS)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_late_follow_ups_come_first_the_longest_overdue_first():
    model = FollowUpsDueModel()
    model.set_rows(FOLLOW_UPS)
    assert [model.index(r, 2).data() for r in range(3)] == [
        "Share the survey results",
        "Send the 2025 progress report",
        "Confirm the venue for cohort 3",
    ]
    assert model.index(0, 1).data() == "Late"
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 4).data() == ("Consultation: IOM–WCO annual bilateral consultation 2025")
    assert model.index(0, 4).data() == ""
    assert model.record_at(0) == ("follow_up", "f3")


def test_a_long_list_shows_its_first_rows_and_remembers_how_many_there_are(qtmodeltester):
    model = FollowUpsDueModel()
    many = [
        FollowUpDue(
            f"f{n}", f"Action {n}", None, date(2026, 1, 1 + n), "open", True, None, None, None
        )
        for n in range(SHOWN_ROWS + 5)
    ]
    model.set_rows(many, total=400)
    assert model.rowCount() == SHOWN_ROWS
    assert model.total == 400
    qtmodeltester.check(model)
