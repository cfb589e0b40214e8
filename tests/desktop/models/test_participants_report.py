"""The participants in joint activities per area and year: the report and the page's filter over
it, checked by Qt's model tester on the sample partnerships and on an empty store."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.queries import coverage
from desktop.models.participants_report import (
    AREA,
    YEAR,
    ParticipantsReportFilter,
    ParticipantsReportModel,
)


def test_the_report_and_its_filter_pass_the_model_tester(sample_desk, qtmodeltester):
    report = ParticipantsReportModel()
    shown = ParticipantsReportFilter(report)
    qtmodeltester.check(report)
    qtmodeltester.check(shown)
    sample = sample_desk.read(coverage.activities_report)
    report.show(sample)
    shown.sort(AREA, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(report)
    qtmodeltester.check(shown)
    shown.show_year(sample.years[0])
    qtmodeltester.check(shown)


def test_an_empty_store_gives_the_headers_and_no_row(desk, qtmodeltester):
    report = ParticipantsReportModel()
    report.show(desk.read(coverage.activities_report))
    qtmodeltester.check(report)
    assert report.rowCount() == 0
    assert report.headerData(6, Qt.Orientation.Horizontal) == "Men"


def test_totals_are_bold_and_one_year_leaves_only_its_rows(sample_desk):
    report = ParticipantsReportModel()
    shown = ParticipantsReportFilter(report)
    sample = sample_desk.read(coverage.activities_report)
    report.show(sample)
    last = report.rowCount() - 1
    assert report.item(last, AREA).text() == "All areas"
    assert report.item(last, YEAR).text() == "All years"
    assert report.item(last, 2).font().bold()
    assert int(report.item(last, 2).text()) == sample.row(None, None).activities
    year = sample.years[0]
    shown.show_year(year)
    assert 0 < shown.rowCount() < report.rowCount()
    assert {shown.index(r, YEAR).data() for r in range(shown.rowCount())} == {str(year)}
