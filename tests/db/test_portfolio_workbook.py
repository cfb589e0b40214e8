"""The portfolio review's workbook: one row per instrument with the assessment's figures as real
numbers and dates, a filter on the header, and a summary whose counts are the review's."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from db.exchange.sample import load_sample
from db.exchange.spreadsheets.portfolio import write_portfolio_xlsx
from db.queries import portfolio
from db.queries.portfolio_words import reasons_text, verdict_name
from db.records import services
from tests import builders as b

TODAY = date(2026, 11, 23)


@pytest.fixture
def portfolio_store(store, clock):
    """The sample, and an instrument with every kind of figure: commitments, a late follow-up,
    a review and an expiry ahead, a title that looks like a formula."""
    clock.move_to(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    load_sample(store, today=TODAY)
    parties = b.two_parties(store)
    mou = services.save(
        store,
        "agreement",
        b.agreement(
            parties,
            title='=HYPERLINK("http://x")',
            reference="TEST/MOU/2018",
            review_on="2027-01-10",
            expires_on="2028-05-08",
            commitments=[
                {"text": "Share data", "status": "met"},
                {"text": "Train officers", "status": "pending"},
                {"text": "Report yearly", "status": "not_met"},
            ],
            assessments=[
                {
                    "assessed_on": "2026-02-10",
                    "rating": "fair",
                    "recommendation": "revise",
                    "narrative": "Training delivered; data sharing stalled.",
                    "assessed_by": "A. Diallo",
                }
            ],
        ),
    )
    services.save(
        store,
        "activity",
        b.activity(
            agreement_id=mou,
            start_on="2024-06-03",
            end_on="2024-06-04",
            status="completed",
            participants_total=30,
            participants_women=13,
            participants_men=17,
        ),
    )
    services.save(
        store, "follow_up", b.follow_up(source_kind="agreement", source_id=mou, due_on="2026-10-01")
    )
    return store


def review_of(store, as_of: date = TODAY) -> portfolio.Review:
    with store.reading() as session:
        return portfolio.assess(session, as_of)


def rows_by_label(path) -> tuple[list[str], dict[str, dict[str, object]], object]:
    book = load_workbook(path)
    sheet = book["Portfolio"] if "Portfolio" in book.sheetnames else book["Portefeuille"]
    header = [c.value for c in sheet[1]]
    rows = {}
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=True))
        rows[cells[header[0]].value or cells[header[1]].value] = cells
    return header, rows, sheet


def test_every_figure_of_the_review_is_a_real_number_or_date_cell(portfolio_store, tmp_path):
    review = review_of(portfolio_store)
    path = tmp_path / "portfolio.xlsx"
    write_portfolio_xlsx(review, path)
    header, rows, _ = rows_by_label(path)
    assert len(rows) == len(review.assessments) == 4
    for a in review.assessments:
        cells = rows[a.label]
        expected_numbers = {
            "Commitments met": a.commitments_met,
            "Commitments pending": a.commitments_pending,
            "Commitments not met": a.commitments_not_met,
            "Follow-ups open": a.follow_ups_open,
            "Follow-ups late": a.follow_ups_late,
            "Project agreements": a.project_agreements,
            "Days to review": a.days_to_review,
            "Days to expiry": a.days_to_expiry,
            "Days to notice": a.days_to_notice,
        }
        for years in portfolio.WINDOWS:
            held = a.held[years]
            expected_numbers |= {
                f"Activities ({years} y)": held.activities,
                f"Participants ({years} y)": held.participants,
                f"Women ({years} y)": held.women,
                f"Men ({years} y)": held.men,
                f"Consultations ({years} y)": held.consultations,
            }
        for name, value in expected_numbers.items():
            cell = cells[name]
            assert cell.value == value, (a.label, name)
            if value is not None:
                assert cell.data_type == "n", (a.label, name)
        expected_days = {
            "Signed": a.signed_on,
            "Entry into force": a.entry_into_force,
            "Last consultation": a.last_consultation[0] if a.last_consultation else None,
            "Last activity": a.last_activity[0] if a.last_activity else None,
            "Review on": a.review_on,
            "Expires on": a.expires_on,
            "Last day for notice": a.notice_by,
        }
        for name, day in expected_days.items():
            cell = cells[name]
            if day is None:
                assert cell.value is None, (a.label, name)
            else:
                assert cell.is_date and cell.value.date() == day, (a.label, name)
        assert cells["Age (years)"].value == pytest.approx(a.age_days / 365.25, abs=0.05)
        assert cells["Verdict"].value == verdict_name(a.verdict)
        assert cells["Reasons"].value == reasons_text(a)
    test = rows["TEST/MOU/2018"]
    assert (test["Commitments met"].value, test["Commitments not met"].value) == (1, 1)
    assert (test["Follow-ups open"].value, test["Follow-ups late"].value) == (1, 1)
    assert test["Women (5 y)"].value == 13 and test["Activities (1 y)"].value == 0
    assert test["Kind"].value == "Memorandum of understanding"  # in words, not "memorandum_…"
    assert test["Partner kind"].value == "Intergovernmental organization"
    # The officers' latest assessment, beside the computed verdict.
    assert test["Officers' assessment"].is_date
    assert test["Officers' assessment"].value.date() == date(2026, 2, 10)
    assert (test["Rating"].value, test["Recommendation"].value) == ("Fair", "Revise")
    assert test["Assessment"].value == "Training delivered; data sharing stalled."
    assert rows["WCO/IOM/MOU/2018"]["Recommendation"].value == "Keep"  # the sample's latest
    assert rows["WCO/IOM/PA/2024-01"]["Recommendation"].value is None


def test_the_header_has_a_filter_and_stays_in_view(portfolio_store, tmp_path):
    path = tmp_path / "portfolio.xlsx"
    write_portfolio_xlsx(review_of(portfolio_store), path)
    header, rows, sheet = rows_by_label(path)
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=len(header)).column_letter}5"
    assert sheet.freeze_panes == "C2"
    assert all(c.font.b for c in sheet[1])
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["P"].width


def test_text_that_looks_like_a_formula_stays_text(portfolio_store, tmp_path):
    path = tmp_path / "portfolio.xlsx"
    write_portfolio_xlsx(review_of(portfolio_store), path)
    _, rows, _ = rows_by_label(path)
    title = rows["TEST/MOU/2018"]["Title"]
    assert title.data_type == "s" and title.value == '=HYPERLINK("http://x")'


def test_the_summary_counts_are_the_reviews(portfolio_store, tmp_path):
    review = review_of(portfolio_store)
    path = tmp_path / "portfolio.xlsx"
    write_portfolio_xlsx(review, path)
    sheet = load_workbook(path)["Summary"]
    values = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    assert values["As of"][1].is_date and values["As of"][1].value.date() == TODAY
    assert "Quiet: nothing held in 2 years" in values["Rules"][1].value
    for verdict, count in review.by_verdict().items():
        assert values[verdict_name(verdict)][1].value == count
    partner_kinds = values["Intergovernmental organization"]
    counts = review.by_partner_kind()["intergovernmental_organization"]
    assert [c.value for c in partner_kinds[1 : 1 + len(portfolio.VERDICTS)]] == [
        counts[v] for v in portfolio.VERDICTS
    ]


def test_in_french_headers_verdicts_and_choices_are_french(portfolio_store, tmp_path):
    path = tmp_path / "portefeuille.xlsx"
    review = review_of(portfolio_store)
    write_portfolio_xlsx(review, path, language="fr")
    book = load_workbook(path)
    assert book.sheetnames == ["Portefeuille", "Synthèse"]
    header, rows, _ = rows_by_label(path)
    assert "Appréciation" in header and "Activités (5 a)" in header
    test = rows["TEST/MOU/2018"]
    assert test["Appréciation"].value == "Révision due"
    assert test["Type"].value == "Mémorandum d'accord"
    assert test["Type de partenaire"].value == "Organisation intergouvernementale"
    assert test["Motifs"].value == reasons_text(
        next(a for a in review.assessments if a.reference == "TEST/MOU/2018"), "fr"
    )


def test_as_of_a_past_day_the_figures_are_those_of_that_day(portfolio_store, tmp_path):
    path = tmp_path / "then.xlsx"
    review = review_of(portfolio_store, date(2022, 1, 1))
    write_portfolio_xlsx(review, path)
    _, rows, _ = rows_by_label(path)
    assert rows["WCO/IOM/MOU/2018"]["Verdict"].value == "Quiet"
    assert "TEST/MOU/2018" in rows and rows["TEST/MOU/2018"]["Activities (5 y)"].value == 0
