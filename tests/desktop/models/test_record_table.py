"""The list of one record kind (ids only, rows read a page at a time): checked by Qt's model tester
on an empty store and on the sample partnerships, for every listed kind, filtered and sorted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.queries.listing import ListFilter
from desktop.models.record_table import RecordTableModel

KINDS = ("organization", "contact", "agreement", "consultation", "activity", "follow_up")


def listed(qtbot, desk, kind: str, flt: ListFilter | None = None) -> RecordTableModel:
    model = RecordTableModel(desk, kind)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh(flt)
    return model


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_list_passes_the_model_tester(qtbot, desk, qtmodeltester, kind):
    model = listed(qtbot, desk, kind)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


@pytest.mark.parametrize("kind", KINDS)
def test_the_sample_s_lists_pass_the_model_tester_filtered_and_sorted(
    qtbot, sample_desk, qtmodeltester, kind
):
    model = listed(qtbot, sample_desk, kind)
    assert model.rowCount() > 1
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh(ListFilter(text="zzzz nothing matches this"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)
