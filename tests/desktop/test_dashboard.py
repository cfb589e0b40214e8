"""The dashboard page: what an officer sees first, read from the store off the GUI thread, and
where a row or a count takes them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from db.queries import dashboard
from db.queries.listing import ListFilter
from desktop.settings import Options
from desktop.views.dashboard import DashboardPage
from tests.desktop.conftest import TODAY
from tests.desktop.test_new_officer import detail_text, open_window

MOU_2018 = "WCO/IOM/MOU/2018"


@pytest.fixture
def open_page(qtbot):
    """Show the dashboard at the size of a laptop window and wait for its first reading."""

    def make(desk, horizon: int | None = None) -> DashboardPage:
        options = Options()
        if horizon is not None:
            options.dashboard_horizon_days = horizon
        page = DashboardPage(desk, options)
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        with qtbot.waitSignal(page.refreshed):
            page.activate()
        return page

    return make


def shown(model, column: int) -> list[str]:
    """What a column of a table shows, top to bottom."""
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def short_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def double_click(qtbot, view, index) -> None:
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_late_follow_ups_come_first_marked_late_in_red(sample_desk, open_page):
    page = open_page(sample_desk)
    model = page.follow_ups_model

    assert shown(model, 1) == ["Late", "Late", "Late", "In progress"]
    texts = shown(model, 2)
    assert texts[0].startswith("Run the six-month follow-up survey of cohort 1 trainers")
    assert texts[1].startswith("Submit the overdue joint 2025 progress report")
    assert texts[2].startswith("Send ICMPD the list of WCO Regional Training Centres")
    assert texts[3].startswith("Confirm the venue and French–English interpretation")
    assert shown(model, 0)[0] == short_date(date(2025, 4, 30))
    assert shown(model, 3)[:2] == ["IOM project team", "Daniel Okafor (IOM)"]
    assert shown(model, 4)[1] == "Consultation: IOM–WCO annual bilateral consultation 2025"

    late_colour = model.data(model.index(0, 2), Qt.ItemDataRole.ForegroundRole).color()
    assert late_colour.red() > 150 and late_colour.green() < 80
    assert model.data(model.index(0, 1), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(3, 2), Qt.ItemDataRole.ForegroundRole) is None
    assert page.follow_ups.view.isVisible()
    assert page.follow_ups.title.text() == "Follow-ups (4)"
    assert page.follow_ups.hint.text().startswith("3 late")


def test_the_2018_mou_review_shows_with_a_180_day_horizon_not_a_30_day_one(
    sample_desk, open_page, qtbot
):
    page = open_page(sample_desk, horizon=30)
    model = page.deadlines_model

    def mou_review_shown() -> bool:
        return any(text.startswith(MOU_2018) for text in shown(model, 2))

    assert page.horizon.currentText() == "30 days"
    assert not mou_review_shown()
    assert page.deadlines.empty.isVisible()

    qtbot.keyClicks(page.horizon, "180")  # a closed combo box selects by typing, as people do
    assert page.horizon.currentText() == "180 days"
    qtbot.waitUntil(mou_review_shown)
    row = next(r for r, text in enumerate(shown(model, 2)) if text.startswith(MOU_2018))
    assert shown(model, 0)[row] == short_date(date(2027, 3, 31))
    assert shown(model, 1)[row] == "Next review"
    assert shown(model, 3)[row] == "IOM, WCO"
    assert page.deadlines.view.isVisible()
    assert Options().dashboard_horizon_days == 180  # remembered for the next start

    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a pause starts a new search
    qtbot.keyClicks(page.horizon, "30")
    qtbot.waitUntil(lambda: not mou_review_shown())
    assert page.deadlines.empty.isVisible()
    assert page.deadlines.empty.text() == "No agreement deadline in the next 30 days."
    assert Options().dashboard_horizon_days == 30


def test_clicking_a_count_lists_the_activities_of_that_area_and_year(sample_desk, open_page, qtbot):
    page = open_page(sample_desk)
    counts = sample_desk.read(dashboard.activity_counts_by_area_and_year)
    capacity = next(a for a in counts.areas if a.name == "Capacity building and training")
    model, view = page.counts_model, page.counts_view
    areas = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    years = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    cell = model.index(areas.index(capacity.name), years.index("2027"))
    assert model.data(cell) == "2"

    view.scrollTo(cell)
    with qtbot.waitSignal(page.open_list, timeout=2000) as opened:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center()
        )
    assert opened.args == [
        "activity",
        ListFilter(
            thematic_area_id=capacity.area_id,
            date_from=date(2027, 1, 1),
            date_to=date(2027, 12, 31),
        ),
    ]

    empty_cell = model.index(areas.index(capacity.name), years.index("2020"))
    assert model.data(empty_cell) == ""
    view.scrollTo(empty_cell)
    with qtbot.assertNotEmitted(page.open_list, wait=100):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(empty_cell).center()
        )


def test_a_double_click_on_a_count_opens_the_list_once(sample_desk, open_page, qtbot):
    page = open_page(sample_desk)
    model, view = page.counts_model, page.counts_view
    cell = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.data(model.index(r, c))
    )
    opened = []
    page.open_list.connect(lambda kind, flt: opened.append((kind, flt)))
    double_click(qtbot, view, cell)
    assert len(opened) == 1


def test_double_clicking_a_follow_up_opens_it(sample_desk, open_page, qtbot):
    page = open_page(sample_desk)
    first_late = sample_desk.read(dashboard.follow_ups_due, TODAY, 14)[0]
    opened = []
    page.open_record.connect(lambda kind, record_id: opened.append((kind, record_id)))
    double_click(qtbot, page.follow_ups_view, page.follow_ups_model.index(0, 2))
    assert opened == [("follow_up", first_late.follow_up_id)]  # once, not once per click


def test_enter_on_an_agreement_deadline_opens_the_agreement(sample_desk, open_page, qtbot):
    page = open_page(sample_desk, horizon=180)
    [deadline] = sample_desk.read(dashboard.agreement_deadlines, TODAY, 180)
    view = page.deadlines_view
    view.setFocus()
    view.setCurrentIndex(page.deadlines_model.index(0, 0))
    with qtbot.waitSignal(page.open_record, timeout=2000) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == ["agreement", deadline.agreement_id]


def test_coming_up_lists_consultations_and_activities_soonest_first(sample_desk, open_page, qtbot):
    page = open_page(sample_desk, horizon=180)
    model = page.coming_up_model
    titles = shown(model, 2)
    assert titles[0].startswith("Réunion technique tripartite")  # 10 December 2026
    assert titles[1] == "IOM–WCO annual bilateral consultation 2027"  # 17 February 2027
    assert any("cohort 3" in title for title in titles[2:])  # the activity in March 2027
    assert shown(model, 3)[1] == "IOM Headquarters, Geneva"
    assert shown(model, 4)[1] == "IOM, WCO"
    assert page.coming_up.title.text() == f"Coming up ({len(titles)})"

    consultation = sample_desk.read(dashboard.upcoming_consultations, TODAY, 180)[1]
    with qtbot.waitSignal(page.open_record, timeout=2000) as opened:
        double_click(qtbot, page.coming_up_view, model.index(1, 2))
    assert opened.args == ["consultation", consultation.consultation_id]


def test_the_page_follows_the_store_while_it_is_shown(sample_desk, open_page, qtbot):
    page = open_page(sample_desk)
    first = sample_desk.read(dashboard.follow_ups_due, TODAY, 14)[0]
    raw = sample_desk.get("follow_up", first.follow_up_id)
    raw.update(status="done", completed_on=TODAY.isoformat())

    sample_desk.save("follow_up", raw)  # announces the change

    qtbot.waitUntil(lambda: page.follow_ups_model.rowCount() == 3)
    assert shown(page.follow_ups_model, 1) == ["Late", "Late", "In progress"]


def test_an_empty_store_says_so_in_one_line_per_section(desk, open_page):
    page = open_page(desk)
    expected = {
        page.deadlines: "No agreement deadline in the next 90 days.",
        page.follow_ups: "No follow-up late or due in the next 14 days.",
        page.coming_up: "No consultation or joint activity in the next 90 days.",
        page.counts: "No joint activity linked to a thematic area yet.",
    }
    for section, text in expected.items():
        assert section.empty.isVisible()
        assert not section.view.isVisible()
        assert section.empty.text() == text
        # one line: the label is no taller than a line of its font plus its margins
        line = section.empty.fontMetrics().height()
        assert section.empty.heightForWidth(section.empty.width()) < 2 * line + 12


@pytest.mark.parametrize("with_sample", [True, False], ids=["sample", "empty"])
def test_every_model_of_the_page_passes_the_model_tester(
    desk, open_page, qtmodeltester, with_sample
):
    if with_sample:
        from db.exchange.sample import load_sample

        load_sample(desk.store, today=TODAY)
    page = open_page(desk, horizon=365)
    models = [page.deadlines_model, page.follow_ups_model, page.coming_up_model, page.counts_model]
    if with_sample:
        assert all(model.rowCount() > 0 for model in models)
    for model in models:
        qtmodeltester.check(model)


def test_counts_are_shaded_by_how_many(sample_desk, open_page):
    page = open_page(sample_desk)
    model = page.counts_model
    shades = {
        model.data(model.index(r, c)): model.data(model.index(r, c), Qt.ItemDataRole.BackgroundRole)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    }
    assert shades[""] is None
    assert isinstance(shades["2"].color(), QColor)
    assert shades["2"].color().alpha() > shades["1"].color().alpha()


def test_a_long_list_shows_the_most_pressing_rows_and_links_to_the_whole_list(
    desk, open_page, qtbot
):
    from db.queries.dashboard_reading import SHOWN_ROWS
    from db.records import services

    late = [
        ("follow_up", {"text": f"Late action {n:02d}", "due_on": f"2026-10-{n + 1:02d}"})
        for n in range(SHOWN_ROWS + 5)
    ]
    services.save_many(desk.store, late)
    page = open_page(desk)
    model = page.follow_ups.view.model()
    assert model.rowCount() == SHOWN_ROWS
    assert shown(model, 2)[0] == "Late action 00"  # the longest overdue first
    assert page.follow_ups.more.isVisible()
    assert f"Showing {SHOWN_ROWS} of {SHOWN_ROWS + 5}." in page.follow_ups.more.text()
    assert f"({SHOWN_ROWS + 5})" in page.follow_ups.title.text()
    with qtbot.waitSignal(page.open_list) as opened:
        page.follow_ups.more.linkActivated.emit("follow_up/late")
    assert opened.args == ["follow_up", ListFilter(late_only=True)]


# -- planned but past ---------------------------------------------------------------------------------
def test_a_workshop_planned_for_last_week_asks_for_an_update_and_opens_from_there(
    sample_desk, qtbot
):
    page_alone = DashboardPage(sample_desk, Options())
    qtbot.addWidget(page_alone)
    with qtbot.waitSignal(page_alone.refreshed):
        page_alone.activate()
    assert not page_alone.to_update.isVisibleTo(page_alone)  # the sample is up to date

    workshop = sample_desk.save(
        "activity",
        {
            "title": "Regional workshop on coordinated border management, Nairobi",
            "kind": "workshop",
            "status": "planned",
            "start_on": "2026-11-16",  # last week, TODAY being 23 November 2026
            "end_on": "2026-11-18",
            "city": "Nairobi",
            "country": "KE",
        },
    )
    window = open_window(qtbot, sample_desk)
    page = window.dashboard
    qtbot.waitUntil(lambda: page.to_update_model.rowCount() == 1, timeout=5000)
    section = page.to_update
    assert section.isVisible()
    assert section.title.text() == "Planned but past — record what happened (1)"
    model = page.to_update_model
    assert shown(model, 1) == ["Planned"]
    assert shown(model, 2) == ["Regional workshop on coordinated border management, Nairobi"]
    assert shown(model, 0) == [
        f"{short_date(date(2026, 11, 16))} to {short_date(date(2026, 11, 18))}"
    ]

    double_click(qtbot, page.to_update_view, model.index(0, 2))
    activities = window.list_pages["activity"]
    assert window.current_key() == "activity"
    qtbot.waitUntil(lambda: activities.current_id() == workshop, timeout=5000)
    text = detail_text(activities)
    assert "Planned but past: its dates have passed and its status is still “Planned”." in text

    # Recorded as held, it no longer asks.
    raw = sample_desk.get("activity", workshop)
    sample_desk.save("activity", {**raw, "status": "completed", "participants_total": 26})
    assert "Planned but past" not in detail_text(activities)
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: not section.isVisible(), timeout=5000)
    assert model.rowCount() == 0
