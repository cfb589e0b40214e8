"""The editor as an officer opens it: the first follow-up of a session shows the record it came
from, and saving keeps that link."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from db.queries import listing
from db.records import services
from tests.desktop.pages import edit, open_page
from tests.desktop.typing import type_text
from tests.desktop.waiting import list_read_after_write


def test_the_first_follow_up_opened_shows_its_source_and_saving_keeps_it(qtbot, sample_desk):
    desk = sample_desk
    follow_ups = desk.read(listing.matching_ids, "follow_up", listing.ListFilter(), desk.today())
    record = next(
        f
        for f in (services.get_exchange(desk.store, "follow_up", i) for i in follow_ups)
        if f["source_kind"] == "consultation"
    )
    meeting = services.get_exchange(desk.store, "consultation", record["source_id"])
    page = open_page(qtbot, desk, "follow_up")
    edit(qtbot, page, record["id"])
    editor = page.editor
    source = editor.inputs["source_id"].widget
    assert source.currentText().startswith(meeting["title"])
    assert editor.inputs["source_id"].get() == record["source_id"]
    assert not editor.messages["source_id"].isVisible()
    assert not editor.banner.isVisible()
    assert editor.save_button.isEnabled(), editor.problems
    assert not editor.is_dirty()

    who = editor.inputs["owner"].widget
    who.setFocus()
    who.selectAll()
    type_text(qtbot, who, "WCO Partnerships Office")
    editor.validate()
    with list_read_after_write(qtbot, page):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = services.get_exchange(desk.store, "follow_up", record["id"])
    assert (saved["source_kind"], saved["source_id"], saved["owner"]) == (
        "consultation",
        record["source_id"],
        "WCO Partnerships Office",
    )


def test_a_follow_up_from_an_archived_meeting_keeps_its_link(qtbot, sample_desk):
    desk = sample_desk
    follow_ups = desk.read(listing.matching_ids, "follow_up", listing.ListFilter(), desk.today())
    record = next(
        f
        for f in (services.get_exchange(desk.store, "follow_up", i) for i in follow_ups)
        if f["source_kind"] == "consultation"
    )
    services.archive(desk.store, "consultation", record["source_id"])
    page = open_page(qtbot, desk, "follow_up")
    edit(qtbot, page, record["id"])
    assert page.editor.inputs["source_id"].get() == record["source_id"]
    assert page.editor.inputs["source_id"].widget.currentText() == "(archived or missing record)"


def test_changing_where_a_follow_up_comes_from_offers_that_kinds_records(qtbot, sample_desk):
    desk = sample_desk
    page = open_page(qtbot, desk, "follow_up")
    page.new_record()
    editor = page.editor
    kind = editor.inputs["source_kind"].widget
    kind.setCurrentIndex(kind.findData("agreement"))
    source = editor.inputs["source_id"].widget
    offered = [source.itemText(i) for i in range(1, source.count())]
    assert offered == [label for _i, label in desk.read(listing.options, "agreement")]


def test_a_meetings_duration_is_typed_and_shown_in_days_or_hours(qtbot, desk):
    from tests.desktop.unoct import enter_unoct_and_the_visit

    entered = enter_unoct_and_the_visit(desk.store)
    page = open_page(qtbot, desk, "consultation")
    page.table.selectRow(page.model.row_of(entered.visit))
    qtbot.waitUntil(lambda: page.detail.shown == ("consultation", entered.visit), timeout=5000)
    assert "Duration\n2 days" in page.detail.browser.toPlainText()  # not "2,880"
    edit(qtbot, page, entered.visit)
    duration = page.editor.inputs["duration_minutes"]
    assert (duration.number.text(), duration.unit.currentText()) == ("2", "days")
    # The visit was cut to a day and a half: 36 hours.
    duration.number.setFocus()
    duration.number.selectAll()
    type_text(qtbot, duration.number, "36")
    duration.unit.setCurrentIndex(duration.unit.findText("hours"))
    page.editor.validate()
    with list_read_after_write(qtbot, page):
        qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert (
        services.get_exchange(desk.store, "consultation", entered.visit)["duration_minutes"]
        == 36 * 60
    )


def shown_texts(widget) -> str:
    """Every text the officer can read in the editor now."""
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisible() and label.text()
    )


def test_an_agreement_without_parties_says_why_save_waits(qtbot, desk):
    page = open_page(qtbot, desk, "agreement")
    page.new_record()
    editor = page.editor
    title = editor.inputs["title"].widget
    title.setFocus()
    type_text(qtbot, title, "Arrangement on Cooperation between UNOCT and the WCO")
    kind = editor.inputs["kind"].widget
    kind.setFocus()
    qtbot.keyClicks(kind, "Arrangement on cooperation")
    editor.validate()
    assert not editor.save_button.isEnabled()
    shown = shown_texts(editor)
    assert "An agreement needs at least two parties (it has 0)." in shown
    assert "Kind is required" not in shown and "Title is required" not in shown
    assert "parties" in editor.save_button.toolTip()


def test_a_country_typed_by_a_name_not_in_the_list_says_where_to_find_it(qtbot, desk):
    from tests.desktop.unoct import enter_unoct_and_the_visit

    entered = enter_unoct_and_the_visit(desk.store)
    page = open_page(qtbot, desk, "organization", active=True)
    edit(qtbot, page, entered.unoct)
    editor = page.editor
    country = editor.inputs["country"].widget
    line = country.lineEdit()

    def type_country(text: str) -> None:
        country.setFocus()
        line.selectAll()
        type_text(qtbot, line, text)
        qtbot.keyClick(QApplication.activePopupWidget() or line, Qt.Key.Key_Tab)
        editor.validate()

    type_country("Suise")
    message = editor.messages["country"]
    assert message.isVisible()
    assert message.text() == (
        "“Suise” is not a country of the list: choose it there, typing part of its name or its "
        "two-letter code (Switzerland, CH)."
    )
    assert "ISO 3166" not in shown_texts(editor)
    assert not editor.save_button.isEnabled()

    type_country("Switzerland")  # over "United States (US)", left with Tab
    assert not message.isVisible()
    with list_read_after_write(qtbot, page):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert services.get_exchange(desk.store, "organization", entered.unoct)["country"] == "CH"


def test_each_record_opens_at_the_top_of_its_form(qtbot, sample_desk):
    from tests.desktop.widgets.test_wheel import turn_wheel_over

    page = open_page(qtbot, sample_desk, "agreement")
    first, second = (page.model.id_at(row) for row in (0, 1))
    edit(qtbot, page, first)
    editor = page.editor
    bar = editor.scroll.verticalScrollBar()
    turn_wheel_over(editor.scroll.viewport(), notches=-40)  # down to the amendments
    assert bar.value() == bar.maximum() > 0
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    assert not page.editing()
    edit(qtbot, page, second)
    assert bar.value() == 0
    assert not editor.inputs["reference"].widget.visibleRegion().isEmpty()
    title = editor.inputs["title"].widget
    assert title.cursorPosition() == 0  # "Memorandum of…" seen, not "…Customs Organization"
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    page.new_record()
    assert bar.value() == 0


def test_a_meeting_can_be_a_high_level_visit(qtbot, desk):
    page = open_page(qtbot, desk, "consultation")
    page.new_record()
    kind = page.editor.inputs["kind"].widget
    offered = [kind.itemText(i) for i in range(kind.count())]
    assert "High-level visit" in offered and "High level visit" not in offered
