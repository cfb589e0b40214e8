"""The coverage matrix (partners × thematic areas × year) and the activities report, checked
against counts made by hand from resources/sample/partnerships.json, and their XLSX export."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from db.exchange.sample import load_sample
from db.exchange.spreadsheets.coverage import write_coverage_xlsx
from db.queries.coverage import (
    NO_AREA,
    Counts,
    Participation,
    activities_report,
    coverage_matrix,
)
from db.records import services
from db.schema.models import Organization, ThematicArea
from tests import builders as b

TODAY = date(2026, 11, 23)


@pytest.fixture
def sample(store):
    load_sample(store, today=TODAY)
    return store


def _area(store, code: str) -> str:
    with store.reading() as session:
        return session.execute(
            select(ThematicArea.id).where(ThematicArea.code == code)
        ).scalar_one()


def _org(store, acronym: str) -> str:
    with store.reading() as session:
        return session.execute(
            select(Organization.id).where(Organization.acronym == acronym)
        ).scalar_one()


# -- the matrix of the sample -------------------------------------------------------------------------
def test_partners_are_every_organization_but_ours(sample):
    matrix = coverage_matrix(sample)
    assert [p.short_name for p in matrix.partners] == ["AMCBS", "DNCF", "ICMPD", "IOM", "ZCBAF"]
    assert [a.code for a in matrix.areas][:3] == ["AWR", "BM", "CB"]
    assert NO_AREA not in matrix.areas  # every sample record is filed under an area
    assert matrix.years == (1999, 2018, 2019, 2020, 2022, 2023, 2024, 2025, 2026, 2027)


def test_counts_per_partner_and_top_level_area_of_the_sample(sample):
    matrix = coverage_matrix(sample)
    iom, icmpd, dncf = (_org(sample, a) for a in ("IOM", "ICMPD", "DNCF"))
    zcbaf, amcbs = _org(sample, "ZCBAF"), _org(sample, "AMCBS")
    bm, cb, tf, ch = (_area(sample, c) for c in ("BM", "CB", "TF", "CH"))
    # IOM × border management: the 2018 MoU and the 2024 project agreement; the meetings of
    # Dakar 2023, Geneva 2024, Brussels 2025, Lomé 2026 and Geneva 2027; every activity but the
    # 2020 humanitarian seminar and the ICMPD workshop. The 2018 MoU names eight BM sub-areas
    # and counts once.
    assert matrix.cell(iom, bm) == Counts(agreements=2, consultations=5, activities=6)
    # × capacity building: not the Dakar meeting; not the 2022 assessment.
    assert matrix.cell(iom, cb) == Counts(agreements=2, consultations=4, activities=5)
    # ICMPD: the 1999 MoU (BM through BM.IRR), the 2026 call, the 2027 workshop (not BM).
    assert matrix.cell(icmpd, bm) == Counts(agreements=1, consultations=0, activities=0)
    assert matrix.cell(icmpd, cb) == Counts(agreements=1, consultations=1, activities=1)
    # DNCF is no party to an agreement: present in Dakar and Lomé, partner of three activities.
    assert matrix.cell(dncf, bm) == Counts(agreements=0, consultations=2, activities=3)
    assert matrix.cell(zcbaf, tf) == Counts(activities=1)  # the 2019 Chirundu workshop
    assert matrix.cell(amcbs, bm) == Counts(activities=1)  # the 2026 practical guide
    assert matrix.cell(iom, ch) == Counts()  # nothing on cultural heritage


def test_totals_count_each_record_once(sample):
    matrix = coverage_matrix(sample)
    iom = _org(sample, "IOM")
    # IOM: both IOM agreements, five of the six meetings, seven of the eight activities.
    assert matrix.cell(iom) == Counts(agreements=2, consultations=5, activities=7)
    assert matrix.cell(iom).total == 14
    # All partners: everything the sample holds (each record has a partner other than WCO).
    assert matrix.cell() == Counts(agreements=3, consultations=6, activities=8)
    bm = _area(sample, "BM")
    # Border management: all three agreements, five meetings (not the ICMPD call), six activities.
    assert matrix.cell(None, bm) == Counts(agreements=3, consultations=5, activities=6)


def test_counts_per_year(sample):
    matrix = coverage_matrix(sample)
    iom, icmpd = _org(sample, "IOM"), _org(sample, "ICMPD")
    bm = _area(sample, "BM")
    # Agreements count in the year they entered into force.
    assert matrix.cell(iom, bm, 2018) == Counts(agreements=1)
    assert matrix.cell(iom, bm, 2024) == Counts(agreements=1, consultations=1, activities=1)
    assert matrix.cell(icmpd, None, 1999) == Counts(agreements=1)
    # 2027: the February consultation in Geneva and the March training in Lomé.
    assert matrix.cell(iom, bm, 2027) == Counts(consultations=1, activities=1)
    assert matrix.cell(iom, None, 2027) == Counts(consultations=1, activities=1)
    assert matrix.cell(icmpd, None, 2027) == Counts(activities=1)
    assert sum(matrix.cell(iom, bm, y).total for y in matrix.years) == matrix.cell(iom, bm).total


def test_drilling_into_an_area_shows_it_and_its_sub_areas(sample):
    bm = _area(sample, "BM")
    matrix = coverage_matrix(sample, under=bm)
    assert [a.code for a in matrix.areas] == [
        "BM",
        "BM.CBM",
        "BM.COM",
        "BM.IRR",
        "BM.OSBP",
        "BM.REG",
        "BM.SOP",
        "BM.TECH",
    ]
    iom, zcbaf = _org(sample, "IOM"), _org(sample, "ZCBAF")
    # Only the 2018 MoU is filed under border management itself.
    assert matrix.cell(iom, bm) == Counts(agreements=1)
    # One Stop Border Posts: both agreements; Dakar, Geneva 2024, Lomé; six activities.
    osbp = _area(sample, "BM.OSBP")
    assert matrix.cell(iom, osbp) == Counts(agreements=2, consultations=3, activities=6)
    assert matrix.cell(zcbaf, _area(sample, "BM.CBM")) == Counts(consultations=1, activities=2)
    # The ICMPD call and workshop are not about border management: only the 1999 MoU.
    assert matrix.cell(_org(sample, "ICMPD")) == Counts(agreements=1)
    assert matrix.cell() == Counts(agreements=3, consultations=5, activities=6)
    with pytest.raises(ValueError):
        coverage_matrix(sample, under=b.new_id())


def test_what_does_not_count(store):
    iom, wco = b.two_parties(store)
    gone = services.save(store, "organization", b.organization(name="Gone", acronym="GONE"))
    idle = services.save(store, "organization", b.organization(name="Idle", acronym="IDLE"))
    ts = _area(store, "TS")
    services.save(
        store,
        "activity",
        b.activity(status="cancelled", lead_organization_id=iom, thematic_area_ids=[ts]),
    )
    archived = services.save(
        store, "activity", b.activity(lead_organization_id=iom, thematic_area_ids=[ts])
    )
    services.archive(store, "activity", archived)
    services.save(
        store,
        "consultation",
        b.consultation(organization_ids=[iom, wco, gone], thematic_area_ids=[ts]),
    )
    services.save(store, "consultation", b.consultation(organization_ids=[wco]))
    services.archive(store, "organization", gone)
    matrix = coverage_matrix(store)
    assert [p.short_name for p in matrix.partners] == ["IOM", "WCO"]  # none is ours here
    assert matrix.cell(iom, ts) == Counts(consultations=1)
    # A meeting with no thematic area counts in its own column.
    assert matrix.areas[-1] == NO_AREA
    assert matrix.cell(wco, NO_AREA.area_id) == Counts(consultations=1)
    assert matrix.cell(wco) == Counts(consultations=2)
    everyone = coverage_matrix(store, include_empty=True)
    assert "IDLE" in [p.short_name for p in everyone.partners]
    assert everyone.cell(idle) == Counts()


# -- the activities report --------------------------------------------------------------------------
def test_participants_by_area_and_year_of_the_sample(sample):
    report = activities_report(sample)
    bm, cb, drm = (_area(sample, c) for c in ("BM", "CB", "DRM"))
    assert report.years == (2019, 2020, 2022, 2024, 2025, 2026, 2027)
    # Border management: six activities; figures recorded for Chirundu 2019 (34: 12 women,
    # 22 men), the 2022 assessment (18: 7, 11) and the trainings of 2024 (26: 11, 14) and 2025
    # (30: 13, 17).
    assert report.row(bm) == Participation(
        activities=6, with_figures=4, participants=108, women=43, men=64
    )
    assert report.row(bm, 2019) == Participation(1, 1, 34, 12, 22)
    assert report.row(bm, 2026) == Participation(activities=1)
    # Capacity building: not the assessment; two activities planned in 2027.
    assert report.row(cb) == Participation(6, 3, 90, 36, 53)
    assert report.row(cb, 2027) == Participation(activities=2)
    assert report.row(drm, 2022) == Participation(1, 1, 18, 7, 11)
    # All areas: each activity once although most are under two or three areas.
    assert report.row() == Participation(8, 4, 108, 43, 64)
    assert report.row(None, 2025) == Participation(1, 1, 30, 13, 17)


def test_the_report_leaves_out_cancelled_activities_and_keeps_unfiled_ones(store, clock):
    clock.move_to("2026-11-23")  # the activity of March 2026 has been held
    services.save(
        store,
        "activity",
        b.activity(
            status="cancelled",
            participants_total=10,
            participants_women=5,
            participants_men=5,
        ),
    )
    services.save(
        store,
        "activity",
        b.activity(
            status="completed", participants_total=12, participants_women=7, participants_men=4
        ),
    )
    report = activities_report(store)
    assert report.areas[-1] == NO_AREA
    assert report.row(NO_AREA.area_id, 2026) == Participation(1, 1, 12, 7, 4)
    assert report.row() == Participation(1, 1, 12, 7, 4)


def test_only_held_activities_have_participants_and_expected_ones_are_apart(store, clock):
    """A planned series of webinars expecting 600 has no participants yet; its 600 are shown
    as expected, apart."""
    clock.move_to("2026-11-23")
    services.save(
        store,
        "activity",
        b.activity(
            status="completed",
            participants_expected=24,
            participants=[
                {"name": "Wanjiru Kamau", "sex": "woman"},
                {"name": "Yusuf Hassan", "sex": "man", "attended": True},
                {"name": "Amina Ochieng", "sex": "woman", "attended": False},
            ],
        ),
    )
    services.save(
        store,
        "activity",
        b.activity(
            title="Webinar series",
            status="planned",
            start_on="2027-02-10",
            end_on="2027-11-10",
            participants_expected=600,
            participants_total=600,  # typed where expected was meant: not counted as held
        ),
    )
    report = activities_report(store)
    assert report.row() == Participation(
        activities=2, with_figures=1, participants=2, women=1, men=1, expected=600
    )
    assert report.row(None, 2027) == Participation(activities=1, expected=600)


# -- XLSX -------------------------------------------------------------------------------------------
def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_the_workbook_holds_the_matrix_and_the_report(sample, tmp_path):
    path = tmp_path / "coverage.xlsx"
    write_coverage_xlsx(sample, path, today=TODAY)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Coverage", "Activities report", "Notes"]

    coverage = book["Coverage"]
    header, kinds, *body = _rows(coverage)
    assert header[:2] == ("Partner", "Acronym")
    assert coverage["A1"].font.bold and coverage["D2"].font.bold
    assert coverage.freeze_panes == "C3"
    bm = header.index("BM — Border management")
    assert kinds[bm : bm + 3] == ("Agreements", "Consultations", "Activities")
    assert header[-3] == "All areas"
    iom = next(row for row in body if row[1] == "IOM")
    assert iom[bm : bm + 3] == (2, 5, 6)
    assert all(isinstance(v, int) for v in iom[2:])
    assert iom[-3:] == (2, 5, 7)
    assert body[-1][0] == "All partners" and body[-1][-3:] == (3, 6, 8)
    assert coverage.column_dimensions["A"].width >= 30

    report = book["Activities report"]
    header, *body = _rows(report)
    assert header == (
        "Area code",
        "Thematic area",
        "Year",
        "Activities",
        "With participant figures",
        "Participants",
        "Women",
        "Men",
        "Expected (not held yet)",
    )
    assert report.freeze_panes == "A2" and report["A1"].font.bold
    assert ("BM", "Border management", 2019, 1, 1, 34, 12, 22, 0) in body
    assert ("BM", "Border management", "All years", 6, 4, 108, 43, 64, 0) in body
    assert body[-1] == (None, "All areas", "All years", 8, 4, 108, 43, 64, 0)


def test_the_workbook_by_year(sample, tmp_path):
    path = tmp_path / "coverage.xlsx"
    write_coverage_xlsx(sample, path, by_year=True)
    header, _kinds, *body = _rows(openpyxl.load_workbook(path)["Coverage"])
    assert header[2] == "Year"
    bm = header.index("BM — Border management")
    iom = {row[2]: row for row in body if row[1] == "IOM"}
    assert set(iom) == {2018, 2019, 2020, 2022, 2023, 2024, 2025, 2026, 2027, "All years"}
    assert iom[2018][bm : bm + 3] == (1, 0, 0)
    assert iom[2027][bm : bm + 3] == (0, 1, 1)
    assert iom["All years"][bm : bm + 3] == (2, 5, 6)


def test_text_that_looks_like_a_formula_stays_text(store, tmp_path):
    evil = services.save(
        store,
        "organization",
        b.organization(name='=HYPERLINK("http://example.com","x")', acronym="@SUM(A1)"),
    )
    odd = services.save(store, "organization", b.organization(name="Odd\x07 name", acronym="ODD"))
    services.save(store, "consultation", b.consultation(organization_ids=[evil, odd]))
    path = tmp_path / "coverage.xlsx"
    write_coverage_xlsx(store, path)
    sheet = openpyxl.load_workbook(path)["Coverage"]
    # As typed, with no apostrophe shown: a string cell with the quote-prefix style.
    assert sheet["A3"].value == '=HYPERLINK("http://example.com","x")'
    assert sheet["B3"].value == "@SUM(A1)"
    assert sheet["A3"].data_type == "s" and sheet["B3"].data_type == "s"
    assert sheet["A3"].quotePrefix and sheet["B3"].quotePrefix
    assert sheet["A4"].value == "Odd name"  # a character XLSX cannot hold is left out
