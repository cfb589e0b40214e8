"""The portfolio report (desktop.portfolio_report) read back as a person would: each
instrument's verdict and reasons in English and French, the briefing's embedded fonts, the paper
asked for, and only the sections chosen."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from db.queries.portfolio_words import reasons_text, thresholds_text, verdict_name
from db.records import services
from db.schema.models import Organization
from desktop.portfolio_report import ReportOptions, read_portfolio, render_portfolio_report
from tests import builders as b
from tests.desktop.briefing.helpers import GENERATED_AT, TODAY, fonts_of, page_sizes, text_of

LONG_TITLE = (
    "Memorandum of Understanding on Mutual Administrative Assistance in Customs Matters, the "
    "Exchange of Information on Cross-Border Movements and the Joint Training of Officers at "
    "Land Border Crossing Points"
)


@pytest.fixture
def varied(sample_store, clock):
    """The sample, with an instrument under a long title with a partner named in Arabic, one in
    Chinese that expires soon, and one that expired."""
    clock.move_to(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    store = sample_store
    with store.reading() as session:
        ours = session.execute(
            select(Organization.id).where(Organization.is_ours.is_(True))
        ).scalar_one()
    arabic = services.save(
        store,
        "organization",
        b.organization(name="الهيئة العامة للجمارك", acronym=None, kind="national_administration"),
    )
    chinese = services.save(
        store,
        "organization",
        b.organization(name="中华人民共和国海关总署", acronym=None, kind="national_administration"),
    )
    services.save(
        store,
        "agreement",
        b.agreement(
            [ours, arabic],
            title=LONG_TITLE,
            assessments=[
                {
                    "assessed_on": "2026-05-04",
                    "rating": "poor",
                    "recommendation": "terminate",
                    "narrative": "Nothing held since signature; the partner has not replied.",
                }
            ],
        ),
    )
    services.save(
        store,
        "agreement",
        b.agreement(
            [ours, chinese],
            title="海关合作谅解备忘录",
            reference="CN/2018",
            expires_on="2027-02-01",
        ),
    )
    services.save(
        store,
        "agreement",
        b.agreement(
            [ours, chinese],
            title="Exchange of letters, 2018",
            kind="exchange_of_letters",
            expires_on="2020-05-08",
            status="expired",
        ),
    )
    return store


def review_of(store, as_of: date = TODAY):
    """The review and what was held each year, as the report reads them."""
    return read_portfolio(store, as_of)


def render(read, path: Path, **options) -> Path:
    review, by_year = read
    render_portfolio_report(
        review, ReportOptions(**options), path, by_year=by_year, generated_at=GENERATED_AT
    )
    return path


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_instrument_with_its_verdict_and_reasons(varied, tmp_path, language):
    read = review_of(varied)
    review = read[0]
    assert {a.verdict for a in review.assessments} >= {"active", "expiring", "expired", "dormant"}
    text = text_of(render(read, tmp_path / "r.pdf", language=language))
    for a in review.assessments:
        assert verdict_name(a.verdict, language) in text
        assert " ".join(reasons_text(a, language).split()) in text, a.label
    assert " ".join(LONG_TITLE.split()) in text  # wrapped in its cell, not cut
    # The officers' latest assessment, printed under the rules' verdict.
    noted = {
        "en": "Officers’ assessment: Terminate (4 May 2026, rated poor)",
        "fr": "Évaluation des agents\u00a0: Dénoncer (4 mai 2026, appréciation\u00a0: faible)",
    }[language]
    assert " ".join(noted.split()) in text
    assert "the partner has not replied." in text
    heading = (
        "The portfolio as of 23 November 2026"
        if language == "en"
        else "Le portefeuille au 23 novembre 2026"
    )
    assert heading in text


def test_every_font_is_embedded_also_for_arabic_and_chinese_names(varied, tmp_path):
    pdf = render(review_of(varied), tmp_path / "r.pdf")
    fonts = fonts_of(pdf)
    assert all(f["emb"] == "yes" for f in fonts), fonts  # the chart's too: no Helvetica
    names = {f["name"].split("+")[-1] for f in fonts}
    assert {"NotoSans-Regular", "NotoSansArabic-Regular", "DroidSansFallback"} <= names


def test_the_paper_asked_for_in_landscape(varied, tmp_path):
    review = review_of(varied)
    a4 = page_sizes(render(review, tmp_path / "a4.pdf", paper="a4"))
    letter = page_sizes(render(review, tmp_path / "letter.pdf", paper="letter"))
    assert set(a4) == {(842, 595)}
    assert set(letter) == {(792, 612)}


def test_sections_left_out_are_absent(varied, tmp_path):
    read = review_of(varied)
    rules = " ".join(thresholds_text(read[0].thresholds).split())
    only_table = text_of(render(read, tmp_path / "t.pdf", sections={"instruments"}))
    assert "CN/2018" in only_table and "The instruments" in only_table
    assert "Summary" not in only_table and "All instruments" not in only_table
    assert rules not in only_table
    only_summary = text_of(render(read, tmp_path / "s.pdf", sections={"summary", "rules"}))
    assert "All instruments" in only_summary and rules in only_summary
    assert "CN/2018" not in only_summary and "The instruments" not in only_summary


def test_the_summary_counts_by_partner_kind_and_draws_the_years(varied, tmp_path):
    read = review_of(varied)
    text = text_of(render(read, tmp_path / "s.pdf", sections={"summary"}))
    assert "National administration" in text and "Intergovernmental organization" in text
    # the chart's axis: every year from the first one anything was held in to the review's
    first = min(y for y, counts in read[1].items() if any(counts))
    for year in range(first, 2027):
        assert str(year) in text
    assert "Activities" in text and "Consultations" in text


def test_as_of_a_past_day_the_verdicts_are_those_of_that_day(varied, tmp_path):
    text = text_of(render(review_of(varied, date(2022, 1, 1)), tmp_path / "then.pdf"))
    assert "The portfolio as of 1 January 2022" in text
    assert "nothing held in 2 years (last: 22 October 2019)" in text
    assert "CN/2018" in text and "expires in" not in text


def test_a_file_that_cannot_be_written_leaves_nothing_behind(varied, tmp_path):
    from db.errors import StorageError

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "taken.pdf").mkdir()  # a folder where the file should go
    with pytest.raises(StorageError, match="could not be written"):
        render(review_of(varied), folder / "taken.pdf")
    assert [p.name for p in folder.iterdir()] == ["taken.pdf"]
    assert list((folder / "taken.pdf").iterdir()) == []
