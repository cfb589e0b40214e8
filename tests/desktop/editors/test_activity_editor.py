"""A workshop as its organizer records it in the window: planned with the participants expected
and the costs each side carries, postponed (its original dates kept, with the reason), then
held, with its participant list, from which the counts come, and its evaluation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QWidget

from db.records import services
from tests.desktop.test_new_officer import (
    back_to_window,
    close_editor,
    detail_text,
    enter_field_date,
    go_to,
    new_record,
    open_window,
    pick_choice,
    pick_record,
    save_with_ctrl_s,
    type_into,
)
from tests.desktop.typing import type_text

TITLE = "WCO–IOM regional workshop on coordinated border management"


def open_cell(qtbot, page, field: str, row: int, column: str) -> QWidget:
    """Click a cell of a table in the form: its editor opens (the one open before is closed,
    keeping what was typed in it)."""
    parts = page.editor.inputs[field]
    close_open_cell(qtbot, page, field)
    index = parts.model.index(row, [sub.name for sub in parts.model.columns].index(column))
    parts.view.setCurrentIndex(index)
    if parts.view.state() != QAbstractItemView.State.EditingState:
        parts.view.edit(index)
    viewport = parts.view.viewport()
    [editor] = [
        w for w in viewport.findChildren(QWidget) if w.parentWidget() is viewport and w.isVisible()
    ]
    return editor


def fill_cell(qtbot, page, field: str, row: int, column: str, text: str) -> None:
    editor = open_cell(qtbot, page, field, row, column)
    line = editor.lineEdit() if isinstance(editor, QComboBox) and editor.isEditable() else editor
    line.selectAll()
    type_text(qtbot, line, text)
    close_open_cell(qtbot, page, field)


def choose_in_cell(qtbot, page, field: str, row: int, column: str, label: str) -> None:
    """A choice in a table's cell: the cell opens its list; type the entry's first word."""
    combo = open_cell(qtbot, page, field, row, column)
    assert isinstance(combo, QComboBox), (field, column)
    qtbot.keyClicks(combo, label.split(" ")[0])
    assert combo.currentText() == label, (column, combo.currentText())
    close_open_cell(qtbot, page, field)


def choose(qtbot, window, page, field: str, label: str) -> None:
    """A drop-down typed into again: a person does not type within Qt's keyboard-search interval
    of the last time (the letters would be read as one word)."""
    back_to_window(qtbot, window)
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    pick_choice(qtbot, page, field, label)


def close_open_cell(qtbot, page, field: str) -> None:
    page.editor.inputs[field].commit_open_cell()
    QApplication.processEvents()


def add_row(qtbot, page, field: str) -> int:
    parts = page.editor.inputs[field]
    qtbot.mouseClick(parts.add_button, Qt.MouseButton.LeftButton)
    close_open_cell(qtbot, page, field)
    return parts.model.rowCount() - 1


def test_plan_postpone_and_hold_a_workshop(qtbot, sample_desk, clock):
    desk = sample_desk
    window = open_window(qtbot, desk)
    page = go_to(qtbot, window, "activity")
    editor = page.editor

    # Planned: 24 participants expected; IOM pays travel, WCO sends two experts.
    new_record(qtbot, window, page)
    type_into(qtbot, page, "title", TITLE)
    pick_choice(qtbot, page, "kind", "Workshop")
    pick_choice(qtbot, page, "status", "Planned")
    enter_field_date(qtbot, page, "start_on", "2027-03-15")
    enter_field_date(qtbot, page, "end_on", "2027-03-17")
    type_into(qtbot, page, "city", "Nairobi")
    pick_record(qtbot, page, "lead_organization_id", "WCO")
    row = add_row(qtbot, page, "partners")
    fill_cell(qtbot, page, "partners", row, "organization_id", "IOM")
    close_open_cell(qtbot, page, "partners")
    type_into(qtbot, page, "participants_expected", "24")
    row = add_row(qtbot, page, "costs")
    fill_cell(qtbot, page, "costs", row, "organization_id", "IOM")
    choose_in_cell(qtbot, page, "costs", row, "kind", "Travel")
    fill_cell(qtbot, page, "costs", row, "amount", "18450.50")
    fill_cell(qtbot, page, "costs", row, "currency", "USD")
    row = add_row(qtbot, page, "costs")
    fill_cell(qtbot, page, "costs", row, "organization_id", "WCO")
    choose_in_cell(qtbot, page, "costs", row, "kind", "Experts")
    fill_cell(qtbot, page, "costs", row, "amount", "12000")
    fill_cell(qtbot, page, "costs", row, "currency", "EUR")
    fill_cell(qtbot, page, "costs", row, "description", "Two customs experts")
    close_open_cell(qtbot, page, "costs")
    summary = editor.inputs["costs"].summary
    assert summary.isVisible() and summary.text() == "Total: USD 18,450.5 · EUR 12,000"
    workshop = save_with_ctrl_s(qtbot, window, page)
    planned = services.get_exchange(desk.store, "activity", workshop)
    assert planned["participants_expected"] == 24 and planned["participants_total"] is None
    assert [(c["kind"], c["amount"], c["currency"]) for c in planned["costs"]] == [
        ("travel", 18450.5, "USD"),
        ("experts", 12000, "EUR"),
    ]
    cost_ids = [c["id"] for c in planned["costs"]]
    assert all(len(i) == 36 for i in cost_ids)

    # Postponed by five weeks: the dates it had are kept as its original dates.
    choose(qtbot, window, page, "status", "Postponed")
    assert editor.inputs["original_start_on"].get() == "2027-03-15"
    assert editor.inputs["original_end_on"].get() == "2027-03-17"
    enter_field_date(qtbot, page, "start_on", "2027-04-19")
    enter_field_date(qtbot, page, "end_on", "2027-04-21")
    type_into(qtbot, page, "postponement_reason", "Venue unavailable during the elections")
    save_with_ctrl_s(qtbot, window, page)
    postponed = services.get_exchange(desk.store, "activity", workshop)
    assert (
        postponed["status"],
        postponed["start_on"],
        postponed["original_start_on"],
        postponed["original_end_on"],
        postponed["postponement_reason"],
    ) == (
        "postponed",
        "2027-04-19",
        "2027-03-15",
        "2027-03-17",
        "Venue unavailable during the elections",
    )
    assert [c["id"] for c in postponed["costs"]] == cost_ids  # the rows keep their ids

    # Recorded as held before it took place: refused, next to the status.
    choose(qtbot, window, page, "status", "Completed")
    editor.validate()
    assert not editor.save_button.isEnabled()
    assert "cannot lie in the future" in editor.messages["status"].text()

    # Held: the day after it ended, with its participant list and its evaluation.
    clock.move_to("2027-04-22")
    editor.validate()
    assert editor.save_button.isEnabled(), editor.problems
    for name, sex, attended in (
        ("Wanjiru Kamau", "Woman", "Yes"),
        ("Yusuf Abdi Hassan", "Man", "Yes"),
        ("Amina Ochieng", "Woman", "No"),
    ):
        row = add_row(qtbot, page, "participants")
        fill_cell(qtbot, page, "participants", row, "name", name)
        choose_in_cell(qtbot, page, "participants", row, "sex", sex)
        choose_in_cell(qtbot, page, "participants", row, "attended", attended)
    close_open_cell(qtbot, page, "participants")
    counts = [editor.inputs[f"participants_{k}"].widget for k in ("total", "women", "men")]
    assert [c.text() for c in counts] == ["2", "1", "1"]  # Amina did not come
    assert all(c.isReadOnly() for c in counts)
    forms = editor.inputs["evaluation"].inputs
    for name, text in (
        ("forms_returned", "2"),
        ("satisfaction_average", "4.5"),
        ("satisfaction_scale_max", "5"),
    ):
        widget = forms[name].widget
        widget.setFocus()
        qtbot.keyClicks(widget, text)
    type_into(qtbot, page, "report", "The workshop met its objectives.")
    save_with_ctrl_s(qtbot, window, page)
    held = services.get_exchange(desk.store, "activity", workshop)
    assert held["status"] == "completed"
    assert (held["participants_total"], held["participants_women"], held["participants_men"]) == (
        2,
        1,
        1,
    )
    assert [(p["name"], p["sex"], p["attended"]) for p in held["participants"]] == [
        ("Wanjiru Kamau", "woman", True),
        ("Yusuf Abdi Hassan", "man", True),
        ("Amina Ochieng", "woman", False),
    ]
    assert held["participants_expected"] == 24 and held["original_start_on"] == "2027-03-15"
    assert held["evaluation"] == {
        "forms_returned": 2,
        "satisfaction_average": 4.5,
        "satisfaction_scale_max": 5,
        "feedback": None,
    }
    assert held["report"] == "The workshop met its objectives."
    # The record as the page shows it beside the list, once the editor is closed.
    close_editor(qtbot, page)
    text = detail_text(page)
    for shown in (
        "Participants expected",
        "Original start date",
        "Venue unavailable during the elections",
        "Wanjiru Kamau",
        "Average satisfaction",
        "18,450.5",
    ):
        assert shown in text, shown


SERIES = "ICMPD–WCO webinar series on trade facilitation"


def test_a_webinar_series_of_four_sessions_is_four_calendar_events(qtbot, sample_desk):
    """The officer records a series held online over months, one row per session; the calendar
    then has one event per session, and a session moved keeps its event (the same UID)."""
    import icalendar

    from db.exchange.calendar import calendar_text

    desk = sample_desk
    window = open_window(qtbot, desk)
    page = go_to(qtbot, window, "activity")
    new_record(qtbot, window, page)
    type_into(qtbot, page, "title", SERIES)
    pick_choice(qtbot, page, "kind", "Seminar")
    pick_choice(qtbot, page, "status", "Confirmed")
    pick_choice(qtbot, page, "mode", "Online")
    enter_field_date(qtbot, page, "start_on", "2027-02-10")
    enter_field_date(qtbot, page, "end_on", "2027-11-10")
    pick_record(qtbot, page, "lead_organization_id", "WCO")
    row = add_row(qtbot, page, "partners")
    fill_cell(qtbot, page, "partners", row, "organization_id", "ICMPD")
    close_open_cell(qtbot, page, "partners")
    for day in ("2027-02-10", "2027-05-12", "2027-08-11", "2027-11-10"):
        row = add_row(qtbot, page, "sessions")
        fill_cell(qtbot, page, "sessions", row, "start_on", day)
        fill_cell(qtbot, page, "sessions", row, "starts_at", f"{day} 14:00")
        choose_in_cell(qtbot, page, "sessions", row, "mode", "Online")
        fill_cell(qtbot, page, "sessions", row, "participants_total", "150")
    close_open_cell(qtbot, page, "sessions")
    series = save_with_ctrl_s(qtbot, window, page)

    stored = services.get_exchange(desk.store, "activity", series)
    assert [(s["start_on"], s["starts_at"], s["mode"]) for s in stored["sessions"]] == [
        (day, f"{day}T14:00", "online")
        for day in ("2027-02-10", "2027-05-12", "2027-08-11", "2027-11-10")
    ]

    def events() -> dict[str, icalendar.Event]:
        calendar = icalendar.Calendar.from_ical(calendar_text(desk.store))
        return {
            str(e["UID"]): e
            for e in calendar.walk("VEVENT")
            if str(e["UID"]).startswith(f"activity-{series}-")
        }

    before = events()
    assert sorted(str(e["SUMMARY"]) for e in before.values()) == [
        f"{SERIES} — session {n} of 4" for n in (1, 2, 3, 4)
    ]
    assert all(str(e["LOCATION"]) == "Online" for e in before.values())

    # The second session moves by a week: its event moves, no event is added or lost.
    fill_cell(qtbot, page, "sessions", 1, "start_on", "2027-05-19")
    fill_cell(qtbot, page, "sessions", 1, "starts_at", "2027-05-19 14:00")
    close_open_cell(qtbot, page, "sessions")
    save_with_ctrl_s(qtbot, window, page)
    after = events()
    assert set(after) == set(before)
    moved = [
        uid for uid in after if after[uid].decoded("DTSTART") != before[uid].decoded("DTSTART")
    ]
    assert len(moved) == 1 and str(after[moved[0]].decoded("DTSTART")) == "2027-05-19 14:00:00"
