"""The dashboard's agreement deadlines, as a table: checked by Qt's model tester, empty and full."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from db.queries.dashboard import AgreementDeadline
from desktop.colours import warning
from desktop.models.agreement_deadlines import AgreementDeadlineModel

DEADLINES = [
    AgreementDeadline(
        "a1",
        "WCO/IOM/MOU/2018",
        "Memorandum on border management",
        ("WCO", "IOM"),
        "review",
        date(2026, 10, 1),
        True,
    ),
    AgreementDeadline(
        "a2",
        None,
        "Arrangement on training",
        ("WCO", "ICMPD"),
        "expiry",
        date(2026, 12, 31),
        False,
    ),
    AgreementDeadline(
        "a3",
        "WCO/UL/PA/2024",
        "",
        ("WCO", "UL"),
        "notice",
        date(2027, 1, 15),
        False,
    ),
]


def test_the_model_passes_the_model_tester_empty_and_with_deadlines(qtmodeltester):
    model = AgreementDeadlineModel()
    qtmodeltester.check(model)
    model.set_rows(DEADLINES)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_an_overdue_review_reads_in_red_and_opens_its_agreement():
    model = AgreementDeadlineModel()
    model.set_rows(DEADLINES)
    assert model.rowCount() == 3
    assert model.index(0, 1).data() == "Review overdue"
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole).color() == warning()
    assert model.index(1, 1).data() == "Expiry"
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(2, 2).data() == "WCO/UL/PA/2024"
    assert model.index(0, 3).data() == "WCO, IOM"
    assert model.record_at(2) == ("agreement", "a3")
    assert model.record_at(3) is None
