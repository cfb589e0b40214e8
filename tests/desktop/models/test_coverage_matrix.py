"""Coverage as a table, partners × thematic areas with totals: checked by Qt's model tester on the
sample partnerships (all years and one year) and on an empty store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from db.queries import coverage
from desktop.models.coverage_matrix import ALL, CoverageModel


def test_the_model_passes_the_model_tester_before_loading_and_on_the_sample(
    sample_desk, qtmodeltester
):
    model = CoverageModel()
    qtmodeltester.check(model)
    matrix = sample_desk.read(coverage.coverage_matrix)
    model.show(matrix, ALL)
    qtmodeltester.check(model)
    model.show(matrix, matrix.years[-1])
    qtmodeltester.check(model)


def test_an_empty_store_shows_only_the_totals(desk, qtmodeltester):
    model = CoverageModel()
    model.show(desk.read(coverage.coverage_matrix), ALL)
    qtmodeltester.check(model)
    assert model.headerData(model.rowCount() - 1, Qt.Orientation.Vertical) == "All partners"
    assert model.index(model.rowCount() - 1, model.columnCount() - 1).data() == ""


def test_a_cell_counts_agreements_consultations_and_activities_and_busier_is_bluer(sample_desk):
    model = CoverageModel()
    matrix = sample_desk.read(coverage.coverage_matrix)
    model.show(matrix, ALL)
    partners, areas = len(matrix.partners), len(matrix.areas)
    assert (model.rowCount(), model.columnCount()) == (partners + 1, areas + 1)
    assert model.headerData(areas, Qt.Orientation.Horizontal) == "All areas"
    filled = [
        model.index(r, c) for r in range(partners) for c in range(areas) if model.index(r, c).data()
    ]
    assert filled
    cell = filled[0]
    counts = model.counts(cell)
    assert cell.data() == f"{counts.agreements} · {counts.consultations} · {counts.activities}"
    assert isinstance(cell.data(Qt.ItemDataRole.BackgroundRole), QColor)
    assert " × " in cell.data(Qt.ItemDataRole.ToolTipRole)
    total = model.index(partners, areas)
    assert total.data(Qt.ItemDataRole.BackgroundRole) is None
