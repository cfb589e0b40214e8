"""The coverage page: partners × thematic areas for the sample partnerships, by year, a cell that
opens the list behind it, the participants report, and the XLSX export."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop.views.coverage_page import CoveragePage
from desktop.worker import wait_for_background_work


def _page(qtbot, desk) -> CoveragePage:
    page = CoveragePage(desk)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.matrix is not None, timeout=10_000)
    return page


def _row(page, short_name: str) -> int:
    model = page.model
    return next(
        r
        for r in range(model.rowCount())
        if model.headerData(r, Qt.Orientation.Vertical) == short_name
    )


def _column(page, code: str) -> int:
    model = page.model
    return next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == code
    )


def test_the_matrix_shows_what_we_do_with_each_partner_on_each_area(qtbot, sample_desk):
    page = _page(qtbot, sample_desk)
    model = page.model
    iom, border = _row(page, "IOM"), _column(page, "BM")
    # IOM × Border management: 2 agreements, 5 consultations, 6 joint activities.
    assert model.index(iom, border).data() == "2 · 5 · 6"
    assert model.index(iom, border).data(Qt.ItemDataRole.ToolTipRole) == (
        "IOM × BM Border management (all years): 2 agreements, 5 consultations, 6 joint activities"
    )
    last_row, last_column = model.rowCount() - 1, model.columnCount() - 1
    assert model.headerData(last_row, Qt.Orientation.Vertical) == "All partners"
    assert model.headerData(last_column, Qt.Orientation.Horizontal) == "All areas"
    assert model.index(last_row, last_column).data()  # the grand total is shown

    page.year.setCurrentIndex(page.year.findData(2018))
    assert model.year == 2018
    # In 2018 only the memorandum with IOM entered into force: no meeting, no activity.
    assert model.index(iom, border).data() == "1 · 0 · 0"


def test_a_cell_opens_the_records_it_counts(qtbot, sample_desk):
    page = _page(qtbot, sample_desk)
    opened = []
    page.open_list.connect(lambda kind, flt: opened.append((kind, flt)))
    index = page.model.index(_row(page, "IOM"), _column(page, "BM"))
    page.table.doubleClicked.emit(index)
    [(kind, flt)] = opened
    assert kind == "activity"
    assert flt.partner_id == page.matrix.partners[_row(page, "IOM")].organization_id
    assert flt.thematic_area_id == page.matrix.areas[_column(page, "BM")].area_id
    assert flt.date_from is None


def test_the_participants_report_adds_up_women_and_men(qtbot, sample_desk):
    page = _page(qtbot, sample_desk)
    model = page.report_model
    rows = [
        [model.item(r, c).text() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    [border_total] = [r for r in rows if r[0].startswith("BM ") and r[1] == "All years"]
    assert border_total[4:] == ["108", "43", "64", "0"]  # none expected: all were held
    assert any(r[0] == "All areas" and r[1] == "All years" for r in rows)


def test_the_coverage_goes_out_to_xlsx(qtbot, sample_desk, tmp_path):
    page = _page(qtbot, sample_desk)
    target = tmp_path / "coverage.xlsx"
    page.export_to(target)
    qtbot.waitUntil(lambda: "Exported" in page.status.text(), timeout=10_000)
    book = load_workbook(target)
    assert book.sheetnames[:2] == ["Coverage", "Activities report"]
    values = [c for row in book["Coverage"].iter_rows(values_only=True) for c in row]
    assert "IOM" in " ".join(str(v) for v in values if v)
    wait_for_background_work()


def test_the_page_follows_the_store(qtbot, sample_desk):
    page = _page(qtbot, sample_desk)
    before = len(page.matrix.partners)
    from db.records import services

    services.save(
        sample_desk.store,
        "organization",
        {"name": "Université de Lomé", "kind": "academia", "country": "TG"},
    )
    page.include_empty.setChecked(True)  # a partner with nothing recorded yet
    qtbot.waitUntil(lambda: len(page.matrix.partners) > before, timeout=10_000)


def test_the_participants_report_follows_the_chosen_year(qtbot, sample_desk):
    page = _page(qtbot, sample_desk)
    proxy = page.report_proxy
    first = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert (first[0], first[-1]) == ("BM Border management", "All areas")  # in the tree's order
    page.year.setCurrentIndex(page.year.findData(2019))
    years = {proxy.index(r, 1).data() for r in range(proxy.rowCount())}
    assert years == {"2019"}
    assert proxy.rowCount() >= 2  # an area, and all areas
