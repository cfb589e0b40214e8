"""A record's history as the officer reads it beside the list: names, not ids; words, not codes."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from db.queries import listing
from db.records import services
from desktop.views.list_page import RecordListPage
from tests.desktop.pages import edit, open_page
from tests.desktop.unoct import enter_unoct_and_the_visit
from tests.desktop.waiting import list_read_after_write

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def history_shown(qtbot, page: RecordListPage, record_id: str, *, archived: bool = False) -> str:
    page.select_record(record_id, archived=archived)
    qtbot.waitUntil(lambda: page.detail.shown == (page.kind, record_id), timeout=5000)
    text = page.detail.browser.toPlainText()
    return text[text.index("History") :]


def test_the_history_names_records_and_says_choices_in_words(qtbot, desk):
    entered = enter_unoct_and_the_visit(desk.store)
    services.set_officer_name(desk.store, "Amina Diallo")
    arrangement = services.get_exchange(desk.store, "agreement", entered.arrangement)
    arrangement["status"] = "expired"
    arrangement["parties"][0]["organization_id"] = entered.united_nations
    arrangement["parties"][0]["signed_on"] = "2022-06-20"
    arrangement["thematic_area_ids"] = arrangement["thematic_area_ids"][:1]
    services.save(desk.store, "agreement", arrangement)
    history = history_shown(qtbot, open_page(qtbot, desk, "agreement"), entered.arrangement)
    assert not UUID.search(history), history
    assert "Status\nIn force → Expired" in history
    assert (
        "Party 1: Organization\nUnited Nations Office of Counter-Terrorism (UNOCT) → United Nations"
        in history
    )
    assert "Party 1: Date of signature\nTuesday, 21 June 2022 → Monday, 20 June 2022" in history
    assert "Thematic areas\nCT Counter-terrorism and passenger data, CT.API Advance Passenger" in (
        history
    )
    assert "Amina Diallo" in history


def test_a_partner_changed_in_its_editor_reads_in_words_in_its_history(qtbot, desk):
    entered = enter_unoct_and_the_visit(desk.store)
    page = open_page(qtbot, desk, "organization", active=True)
    edit(qtbot, page, entered.unoct)
    editor = page.editor
    status = editor.inputs["status"].widget
    status.setFocus()
    qtbot.keyClicks(status, "Dormant")
    parent = editor.inputs["parent_id"].widget
    parent.setFocus()
    qtbot.keyClicks(parent, "United Nations")
    assert parent.currentText() == "United Nations"
    country = editor.inputs["country"].widget
    country.setFocus()
    country.lineEdit().selectAll()
    qtbot.keyClicks(country.lineEdit(), "Switzerland")
    popup = country.completer().popup()
    assert popup.isVisible()  # "Switzerland (CH)" offered as it was typed
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert country.currentData() == "CH"
    editor.validate()
    with list_read_after_write(qtbot, page):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = services.get_exchange(desk.store, "organization", entered.unoct)
    assert (saved["status"], saved["country"]) == ("dormant", "CH")
    with list_read_after_write(qtbot, page):
        page.archive_current()
    with list_read_after_write(qtbot, page):
        page.undo_stack.undo()  # back from the archive
    history = history_shown(qtbot, page, entered.unoct)
    assert not UUID.search(history), history
    assert "Relationship status\nActive → Dormant" in history
    assert "Country\nUnited States → Switzerland" in history
    assert "Parent organization\n— → United Nations" in history
    assert "Archived" in history and "Restored" in history
    assert "true" not in history and "false" not in history


def test_a_participant_added_reads_by_name_in_the_history_without_its_row_id(qtbot, sample_desk):
    page = open_page(qtbot, sample_desk, "activity")
    record_id = page.model.id_at(0)
    record = sample_desk.get("activity", record_id)
    participant = {"name": "Chanda Mwale", "organization_name": "Zambia Revenue Authority"}
    sample_desk.save("activity", {**record, "participants": [{**participant, "country": "ZM"}]})
    history = history_shown(qtbot, page, record_id)
    assert "Participant 1\n— → Chanda Mwale, Zambia Revenue Authority, Zambia" in history
    assert not UUID.search(history), history


def test_a_participant_list_fits_beside_the_list(qtbot, sample_desk):
    """A partner or the organization typed in one column, by its acronym; no empty column."""
    page = open_page(qtbot, sample_desk, "activity")
    record_id = page.model.id_at(0)
    record = sample_desk.get("activity", record_id)
    [iom] = [i for i, name in sample_desk.read(listing.options, "organization") if "(IOM)" in name]
    people = [
        {"name": "Chanda Mwale", "organization_name": "Zambia Revenue Authority", "country": "ZM"},
        {"name": "Amina Diallo", "organization_id": iom, "country": "SN", "role": "organizer"},
    ]
    sample_desk.save("activity", {**record, "participants": people})
    page.select_record(record_id)
    qtbot.waitUntil(lambda: "Chanda Mwale" in page.detail.browser.toPlainText(), timeout=5000)
    text = page.detail.browser.toPlainText()
    listed = text[text.index("Participant list") :]
    lines = listed.split("\n")
    # the counts the list adds up to come first, then the table's header
    assert lines[1].startswith("2 participants") and lines[2:4] == ["Name", "Organization"]
    assert "Organization (not a partner)" not in listed and "Email" not in listed
    assert "Chanda Mwale\nZambia Revenue Authority\nZambia" in listed
    assert "Amina Diallo\nIOM\nSenegal" in listed
    assert page.detail.browser.horizontalScrollBar().maximum() == 0
