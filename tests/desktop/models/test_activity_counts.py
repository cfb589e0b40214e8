"""The dashboard's joint activities per area and year: checked by Qt's model tester, empty and
full; a count stands for the list of the activities it counts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from db.queries.dashboard import ActivityCounts, AreaRow
from db.queries.listing import ListFilter
from desktop.models.activity_counts import ActivityCountsModel

COUNTS = ActivityCounts(
    areas=(
        AreaRow("bm", "BM", "Border management"),
        AreaRow("cb", "CB", "Capacity building and training"),
        AreaRow("ph", None, "Public health"),
    ),
    years=(2024, 2025, 2026),
    counts={("bm", 2024): 1, ("bm", 2026): 3, ("cb", 2025): 2},
)


def test_the_model_passes_the_model_tester_empty_and_with_counts(qtmodeltester):
    model = ActivityCountsModel()
    qtmodeltester.check(model)
    model.set_counts(COUNTS)
    qtmodeltester.check(model)
    model.set_counts(ActivityCounts(areas=COUNTS.areas, years=()))  # areas, nothing counted
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_areas_are_rows_years_are_columns_and_a_count_opens_its_list():
    model = ActivityCountsModel()
    model.set_counts(COUNTS)
    assert (model.rowCount(), model.columnCount()) == (3, 3)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "2024"
    assert model.headerData(1, Qt.Orientation.Vertical) == "Capacity building and training"
    tip = model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert tip == "BM — Border management"
    assert model.index(0, 2).data() == "3"
    assert model.index(2, 0).data() == ""
    assert "3 joint activities in Border management, 2026" in model.index(0, 2).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert model.filter_at(model.index(1, 1)) == ListFilter(
        thematic_area_id="cb", date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)
    )
    assert model.filter_at(model.index(2, 0)) is None
