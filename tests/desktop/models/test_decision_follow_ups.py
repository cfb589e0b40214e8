"""The follow-ups drafted from a consultation's decisions: checked by Qt's model tester with
several decisions and with none; what the officer types is kept in the exchange shape."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.models.decision_follow_ups import DecisionFollowUpsModel

DECISIONS = [
    "Share the list of Regional Training Centres by 15 January",
    "Agree the dates of cohort 3 in Lomé",
    "Prepare a joint note on the 2025 progress report",
]


def test_the_model_passes_the_model_tester_with_decisions_and_without(qtmodeltester):
    qtmodeltester.check(DecisionFollowUpsModel(DECISIONS, date(2026, 12, 23)))
    qtmodeltester.check(DecisionFollowUpsModel([], date(2026, 12, 23)))


def test_every_decision_is_ticked_and_due_the_same_day_until_the_officer_says_otherwise():
    model = DecisionFollowUpsModel(DECISIONS, date(2026, 12, 23))
    assert model.rowCount() == 3
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Who"
    assert model.index(1, 0).data() == "Agree the dates of cohort 3 in Lomé"
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(2, 2).data() == "2026-12-23"
    assert model.setData(
        model.index(1, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert model.setData(model.index(0, 1), "Élodie Marchand (WCO)")
    assert model.setData(model.index(0, 2), date(2027, 1, 15))
    assert model.rows[0] == {
        "take": True,
        "text": DECISIONS[0],
        "owner": "Élodie Marchand (WCO)",
        "due_on": "2027-01-15",
    }
    assert model.rows[1]["take"] is False
