"""The portfolio review as a table and the page's filter over it: checked by Qt's model tester
on the sample partnerships and on an empty store; sorted by real values (numbers, days,
verdicts most pressing first); verdict colours readable in a light and a dark theme."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from db.queries import portfolio
from db.queries.portfolio import Held, Review
from desktop import colours
from desktop.models.portfolio_table import (
    ACTIVITIES,
    LABEL,
    LAST_HELD,
    NEXT_DEADLINE,
    PARTICIPANTS,
    SIGNED,
    VERDICT,
    PortfolioFilter,
    PortfolioTableModel,
    next_deadline,
    verdict_background,
)
from tests.desktop.conftest import TODAY


def sample_review(desk) -> Review:
    return desk.read(portfolio.assess, TODAY)


def varied(review: Review) -> Review:
    """The sample's first assessment in five variants whose figures and days sort differently
    as numbers than as text (9 and 10, 2 and 10 May)."""
    first = review.assessments[0]
    rows = []
    for n, (verdict, activities, last) in enumerate(
        [
            (portfolio.ACTIVE, 9, date(2026, 5, 10)),
            (portfolio.DORMANT, 10, date(2019, 5, 2)),
            (portfolio.QUIET, 0, date(2023, 5, 2)),
            (portfolio.EXPIRING, 100, None),
            (portfolio.SUPERSEDED, 2, date(2026, 5, 2)),
        ]
    ):
        held = dict(first.held)
        held[5] = Held(activities=activities, participants=activities * 3)
        rows.append(
            replace(
                first,
                agreement_id=f"id-{n}",
                reference=f"REF/{n}",
                verdict=verdict,
                held=held,
                last_activity=(last, "x") if last else None,
                last_consultation=None,
            )
        )
    return replace(review, assessments=tuple(rows))


def column(shown, number: int) -> list:
    return [shown.index(r, number).data() for r in range(shown.rowCount())]


def test_the_table_and_its_filter_pass_the_model_tester(sample_desk, qtmodeltester):
    table = PortfolioTableModel()
    shown = PortfolioFilter(table)
    qtmodeltester.check(table)
    qtmodeltester.check(shown)
    table.show(sample_review(sample_desk))
    assert table.rowCount() == 3
    shown.sort(VERDICT, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(table)
    qtmodeltester.check(shown)
    shown.narrow(text="ICMPD")
    qtmodeltester.check(shown)
    assert column(shown, LABEL) == ["WCO/ICMPD/MOU/1999"]


def test_an_empty_store_gives_the_headers_and_no_row(desk, qtmodeltester):
    table = PortfolioTableModel()
    table.show(desk.read(portfolio.assess, TODAY))
    qtmodeltester.check(table)
    assert table.rowCount() == 0
    assert table.headerData(VERDICT, Qt.Orientation.Horizontal) == "Verdict"


def test_figures_and_days_sort_as_such_and_verdicts_most_pressing_first(sample_desk):
    table = PortfolioTableModel()
    shown = PortfolioFilter(table)
    table.show(varied(sample_review(sample_desk)))
    shown.sort(ACTIVITIES, Qt.SortOrder.AscendingOrder)
    assert column(shown, ACTIVITIES) == ["0", "2", "9", "10", "100"]
    shown.sort(PARTICIPANTS, Qt.SortOrder.DescendingOrder)
    assert [t.split()[0] for t in column(shown, PARTICIPANTS)] == ["300", "30", "27", "6", "0"]
    shown.sort(LAST_HELD, Qt.SortOrder.AscendingOrder)
    days = ["2 May 2019", "2 May 2023", "2 May 2026", "10 May 2026"]
    assert column(shown, LAST_HELD) == [*days, ""]  # nothing held: last, both ways
    shown.sort(LAST_HELD, Qt.SortOrder.DescendingOrder)
    assert column(shown, LAST_HELD) == [*reversed(days), ""]
    shown.sort(VERDICT, Qt.SortOrder.AscendingOrder)
    assert column(shown, VERDICT) == ["Superseded", "Expiring", "Dormant", "Quiet", "Active"]


def test_each_filter_narrows_and_cleared_shows_every_row(sample_desk):
    table = PortfolioTableModel()
    shown = PortfolioFilter(table)
    review = sample_review(sample_desk)
    table.show(varied(review))
    shown.narrow(verdict=portfolio.DORMANT)
    assert column(shown, LABEL) == ["REF/1"]
    shown.narrow(verdict=None, partner_kind="academia")
    assert shown.rowCount() == 0
    shown.narrow(partner_kind="intergovernmental_organization", kind="project_agreement")
    assert shown.rowCount() == 0
    shown.narrow(kind=None, year=2018, country="CH")
    assert shown.rowCount() == 5
    shown.narrow(year=2017)
    assert shown.rowCount() == 0
    area = next(iter(review.assessments[0].area_ids))
    shown.narrow(year=None, area_id=area)
    assert shown.rowCount() == 5
    shown.narrow(area_id="no such area", country=None)
    assert shown.rowCount() == 0
    shown.narrow(area_id=None, partner_kind=None)
    assert shown.rowCount() == 5


def test_the_verdict_cell_says_its_reasons_in_a_colour_readable_in_both_themes(sample_desk):
    table = PortfolioTableModel()
    table.show(sample_review(sample_desk))
    index = table.index(0, VERDICT)
    assert index.data() == "Active"
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("last held")
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.white)
    light.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    for palette in (light, colours.dark_palette()):
        text = palette.color(QPalette.ColorRole.Text)
        for verdict in portfolio.VERDICTS:
            fill = verdict_background(verdict, palette)
            if fill is not None:
                assert colours.contrast(text, fill) >= 4.5, (verdict, colours.is_dark(palette))


def test_the_next_deadline_is_the_nearest_still_ahead_or_an_overdue_review(sample_desk):
    first = sample_review(sample_desk).assessments[0]
    plain = replace(
        first,
        review_on=None,
        expires_on=None,
        notice_by=None,
        days_to_review=None,
        days_to_expiry=None,
        days_to_notice=None,
    )
    assert next_deadline(plain) is None
    both = replace(
        plain,
        review_on=date(2027, 3, 1),
        days_to_review=98,
        expires_on=date(2027, 1, 1),
        days_to_expiry=39,
        notice_by=date(2026, 7, 1),
        days_to_notice=-145,  # past: no longer asks anything
    )
    assert next_deadline(both).what == "expiry"
    overdue = replace(both, review_on=date(2026, 11, 1), days_to_review=-22)
    assert next_deadline(overdue).what == "review"
    table = PortfolioTableModel()
    table.show(replace(sample_review(sample_desk), assessments=(overdue, both)))
    assert table.index(0, NEXT_DEADLINE).data() == "Review · 1 November 2026 (22 days ago)"
    assert table.index(1, NEXT_DEADLINE).data() == "Expiry · 1 January 2027 (in 39 days)"
    assert table.index(0, SIGNED).data() == "2018"
