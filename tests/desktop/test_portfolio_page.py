"""The Portfolio page as an officer uses it, on a small portfolio built for it: each agreement
with its verdict; the verdict, partner kind and summary narrowing the table; the thresholds
changed in their dialog; a past day; a figure opening the records behind it; an empty store."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QSpinBox

from db.queries import portfolio
from db.records import services
from desktop.dialogs.portfolio_thresholds import PortfolioThresholdsDialog
from desktop.models.portfolio_table import ACTIVITIES, LABEL, VERDICT
from desktop.views.portfolio_page import PortfolioPage
from tests import builders as b
from tests.desktop.test_main_window import open_window

LEFT = Qt.MouseButton.LeftButton


def held(desk, agreement_id: str | None, day: str, title: str) -> str:
    return services.save(
        desk.store,
        "activity",
        b.activity(
            title=title, agreement_id=agreement_id, start_on=day, end_on=day, status="completed"
        ),
    )


@pytest.fixture
def portfolio_desk(desk):
    """As of 23 November 2026 (the desk's day): an active memorandum with IOM (three
    workshops in 2025-2026), a quiet one with IOM (one workshop in May 2023), a dormant one with
    a university (in force since 2018, nothing held), and a workshop under no agreement."""
    store = desk.store
    ours = services.save(
        store, "organization", b.organization(name="World Customs Organization", is_ours=True)
    )
    iom = services.save(
        store,
        "organization",
        b.organization(name="International Organization for Migration", acronym="IOM"),
    )
    university = services.save(
        store,
        "organization",
        b.organization(
            name="Université Cheikh Anta Diop", acronym="UCAD", kind="academia", country="SN"
        ),
    )
    active = services.save(
        store, "agreement", b.agreement([ours, iom], title="Border management MoU", reference="A/1")
    )
    quiet = services.save(
        store,
        "agreement",
        b.agreement([ours, iom], title="Trade facilitation MoU", reference="Q/2"),
    )
    dormant = services.save(
        store,
        "agreement",
        b.agreement(
            [ours, university],
            title="Academic cooperation MoU",
            reference="D/3",
        ),
    )
    workshops = [
        held(desk, active, "2025-06-10", "Workshop in Lusaka"),
        held(desk, active, "2026-02-16", "Workshop in Lomé"),
        held(desk, active, "2026-09-01", "Workshop in Dakar"),
    ]
    lone = held(desk, quiet, "2023-05-10", "Workshop in Nairobi")
    held(desk, None, "2026-03-03", "Workshop under no agreement")
    return SimpleNamespace(
        desk=desk, active=active, quiet=quiet, dormant=dormant, workshops=workshops, lone=lone
    )


def open_portfolio(qtbot, desk) -> PortfolioPage:
    page = PortfolioPage(desk)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.activate()
    return page


def verdicts(page: PortfolioPage) -> dict[str, str]:
    """Agreement label -> the verdict the table shows, for the rows shown."""
    shown = page.table.model()
    return {
        shown.index(r, LABEL).data(): shown.index(r, VERDICT).data()
        for r in range(shown.rowCount())
    }


def test_each_agreement_is_shown_with_its_verdict_and_its_reasons(qtbot, portfolio_desk):
    page = open_portfolio(qtbot, portfolio_desk.desk)
    assert verdicts(page) == {"A/1": "Active", "Q/2": "Quiet", "D/3": "Dormant"}
    shown = page.table.model()
    row = next(r for r in range(shown.rowCount()) if shown.index(r, LABEL).data() == "Q/2")
    assert shown.index(row, VERDICT).data(Qt.ItemDataRole.ToolTipRole) == (
        "nothing held in 2 years (last: 10 May 2023)"
    )
    assert shown.index(row, VERDICT).data(Qt.ItemDataRole.BackgroundRole) is not None
    # Sorted most pressing first: dormant, then quiet, then active.
    assert [shown.index(r, LABEL).data() for r in range(3)] == ["D/3", "Q/2", "A/1"]
    assert page.verdict_buttons[portfolio.DORMANT].text() == "Dormant: 1"
    assert page.in_force.text() == "In force: 3"
    assert "Academia" in page.by_partner_kind.text()
    assert "Quiet: nothing held in 2 years" in page.rules.text()
    assert page.status.text() == "3 of 3 agreements shown · as of 23 November 2026"


def test_the_verdict_and_partner_kind_filters_narrow_the_rows(qtbot, portfolio_desk):
    page = open_portfolio(qtbot, portfolio_desk.desk)
    page.verdict.setCurrentIndex(page.verdict.findData(portfolio.QUIET))
    assert verdicts(page) == {"Q/2": "Quiet"}
    assert page.verdict_buttons[portfolio.QUIET].isChecked()
    page.verdict.setCurrentIndex(0)
    assert len(verdicts(page)) == 3

    page.partner_kind.setCurrentIndex(page.partner_kind.findData("academia"))
    assert verdicts(page) == {"D/3": "Dormant"}
    qtbot.waitUntil(
        lambda: (
            page.chart.title
            == "Held per year under the agreement shown (partners: Academia / research)"
        ),
        timeout=5000,
    )
    page.partner_kind.setCurrentIndex(0)

    # A verdict clicked in the summary narrows the table; clicked again, every row is back.
    qtbot.mouseClick(page.verdict_buttons[portfolio.ACTIVE], LEFT)
    assert verdicts(page) == {"A/1": "Active"}
    assert page.verdict.currentData() == portfolio.ACTIVE
    assert page.status.text().startswith("1 of 3 agreements shown")
    qtbot.mouseClick(page.verdict_buttons[portfolio.ACTIVE], LEFT)
    assert len(verdicts(page)) == 3

    qtbot.keyClicks(page.text, "trade")
    qtbot.waitUntil(lambda: list(verdicts(page)) == ["Q/2"], timeout=3000)


def test_the_chart_counts_what_was_held_per_year(qtbot, portfolio_desk):
    page = open_portfolio(qtbot, portfolio_desk.desk)
    qtbot.waitUntil(lambda: page.chart.title.startswith("Held per year under the 3"), timeout=5000)
    # Every agreement shown: A/1's workshops of 2025 and 2026, Q/2's of 2023 (the workshop under
    # no agreement is not counted); the years between, with nothing held, are drawn too.
    assert page.chart.years == {
        2022: (0, 0),
        2023: (1, 0),
        2024: (0, 0),
        2025: (1, 0),
        2026: (2, 0),
    }
    page.table.selectRow(
        next(r for r in range(3) if page.table.model().index(r, LABEL).data() == "A/1")
    )
    qtbot.waitUntil(lambda: page.chart.title == "Held per year under A/1", timeout=5000)
    assert page.chart.years[2025] == (1, 0)
    assert page.chart.years[2026] == (2, 0)
    assert page.chart.years[2023] == (0, 0)


def test_thresholds_changed_in_the_dialog_change_a_verdict(qtbot, portfolio_desk):
    page = open_portfolio(qtbot, portfolio_desk.desk)
    qtbot.mouseClick(page.thresholds_button, LEFT)
    dialog = page.findChild(PortfolioThresholdsDialog)
    assert dialog is not None and dialog.isVisible()
    quiet = dialog.findChild(QSpinBox, "quiet_years")
    dormant = dialog.findChild(QSpinBox, "dormant_years")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # Dormant no later than quiet: refused, the field named, the dialog kept open.
    dormant.selectAll()
    qtbot.keyClicks(dormant, "2")
    qtbot.mouseClick(ok, LEFT)
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=5000)
    assert dialog.problem.text().startswith("Dormant after (years):")
    assert dialog.isVisible()
    assert portfolio_desk.desk.read(portfolio.read_thresholds) == portfolio.Thresholds()

    # Quiet after 4 years: the workshop of May 2023 keeps the memorandum active.
    dormant.selectAll()
    qtbot.keyClicks(dormant, "6")
    quiet.selectAll()
    qtbot.keyClicks(quiet, "4")
    with qtbot.waitSignals([dialog.accepted, page.loaded], timeout=10_000):
        qtbot.mouseClick(ok, LEFT)
    assert verdicts(page)["Q/2"] == "Active"
    assert "Quiet: nothing held in 4 years" in page.rules.text()
    assert portfolio_desk.desk.read(portfolio.read_thresholds) == portfolio.Thresholds(
        quiet_years=4, dormant_years=6
    )


def test_a_past_day_recomputes_the_verdicts(qtbot, portfolio_desk):
    page = open_portfolio(qtbot, portfolio_desk.desk)
    assert page.as_of.date() == QDate(2026, 11, 23)  # today, on the one clock
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.as_of.setDate(QDate(2024, 1, 1))
    # On New Year's Day 2024 the workshop of May 2023 was recent; A/1 had nothing held yet.
    assert verdicts(page)["Q/2"] == "Active"
    assert page.review.as_of == date(2024, 1, 1)
    assert page.status.text().endswith("as of 1 January 2024")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.today_button, LEFT)
    assert verdicts(page)["Q/2"] == "Quiet"


def _double_click(qtbot, page: PortfolioPage, label: str, column: int) -> None:
    shown = page.table.model()
    row = next(r for r in range(shown.rowCount()) if shown.index(r, LABEL).data() == label)
    index = shown.index(row, column)
    page.table.scrollTo(index)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), LEFT, pos=rect.center())


def test_an_activities_figure_opens_exactly_the_activities_it_counts(qtbot, portfolio_desk):
    window = open_window(qtbot, portfolio_desk.desk)
    window.show_page("portfolio")
    page = window.portfolio
    qtbot.waitUntil(lambda: page.review is not None, timeout=10_000)
    activities = window.list_pages["activity"]
    with qtbot.waitSignal(activities.model.refreshed, timeout=10_000):
        _double_click(qtbot, page, "A/1", ACTIVITIES)
    assert window.current_key() == "activity"
    listed = {activities.model.id_at(r) for r in range(activities.model.rowCount())}
    assert listed == set(portfolio_desk.workshops)
    assert activities.filters.narrowed.isVisible()
    assert activities.filters.narrowed_label.text() == "3 records from the portfolio"
    # Shown all again: the workshops under the other agreements and under none come back.
    with qtbot.waitSignal(activities.model.refreshed, timeout=10_000):
        qtbot.mouseClick(activities.filters.show_all, LEFT)
    assert activities.model.rowCount() == 5
    assert not activities.filters.narrowed.isVisible()

    # One workshop behind the figure: that workshop is opened.
    window.show_page("portfolio")
    with qtbot.waitSignal(activities.model.refreshed, timeout=10_000):
        _double_click(qtbot, page, "Q/2", ACTIVITIES)
    assert window.current_key() == "activity"
    qtbot.waitUntil(lambda: activities.current_id() == portfolio_desk.lone, timeout=5000)
    assert not activities.filters.narrowed.isVisible()


def test_an_empty_store_says_so(qtbot, desk):
    page = open_portfolio(qtbot, desk)
    assert page.stack.currentWidget() is page.message
    assert page.message.text().startswith("No agreements recorded yet.")
    assert page.model.rowCount() == 0


def test_a_day_before_any_agreement_says_so(qtbot, portfolio_desk):
    page = open_portfolio(qtbot, portfolio_desk.desk)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.as_of.setDate(QDate(2010, 1, 1))
    assert page.stack.currentWidget() is page.message
    assert page.message.text() == (
        "No agreement was signed, in force or recorded on 1 January 2010."
    )


def test_the_report_is_written_from_the_page_as_of_its_day(qtbot, portfolio_desk, tmp_path):
    from openpyxl import load_workbook

    from desktop.dialogs.portfolio_report import XLSX, PortfolioReportDialog
    from tests.desktop.briefing.helpers import text_of

    page = open_portfolio(qtbot, portfolio_desk.desk)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.as_of.setDate(QDate(2024, 1, 1))
    qtbot.mouseClick(page.report_button, LEFT)
    dialog = page.findChild(PortfolioReportDialog)
    assert dialog is not None and dialog.isVisible()
    assert "1 January 2024" in dialog.findChildren(type(page.status))[0].text()

    # In French, as a PDF: the day of the page and its verdicts.
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    pdf = tmp_path / "revue.pdf"
    dialog.save_to(pdf, open_it=False)
    qtbot.waitUntil(lambda: dialog.written == pdf, timeout=20_000)
    text = text_of(pdf)
    assert "Le portefeuille au 1er janvier 2024" in text
    assert "Q/2" in text and "Actif" in text

    # As a workbook: only the format and language apply; the rows are the page's.
    dialog.format.setCurrentIndex(dialog.format.findData(XLSX))
    assert not dialog.paper.isEnabled() and not dialog.sections["rules"].isEnabled()
    workbook = tmp_path / "review.xlsx"
    dialog.save_to(workbook, open_it=False)
    qtbot.waitUntil(lambda: dialog.written == workbook, timeout=20_000)
    sheet = load_workbook(workbook).worksheets[0]
    labels = {row[0].value for row in sheet.iter_rows(min_row=2)}
    assert labels == {"A/1", "Q/2", "D/3"}
    assert dialog.status.text().startswith("Saved ")
    assert "(3 agreements)" in dialog.status.text()


def test_a_report_without_a_section_cannot_be_saved(qtbot, portfolio_desk):
    from desktop.dialogs.portfolio_report import PortfolioReportDialog

    page = open_portfolio(qtbot, portfolio_desk.desk)
    dialog = PortfolioReportDialog(portfolio_desk.desk, date(2026, 11, 23), page)
    for box in dialog.sections.values():
        box.setChecked(False)
    assert not dialog.save_button.isEnabled()
    assert dialog.status.text() == "Tick a section."
    dialog.sections["summary"].setChecked(True)
    assert dialog.save_button.isEnabled()
