"""Each record kind entered, edited and archived through its page, typing and clicking as an
officer would; then what the list and the store show."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from db.queries import listing
from db.queries.related import SHOWN
from db.records import services
from desktop.drafts import Drafts
from desktop.views.list_page import RecordListPage
from desktop.worker import wait_for_background_work
from tests.desktop.conftest import TODAY
from tests.desktop.pages import open_page
from tests.desktop.typing import type_text
from tests.desktop.waiting import list_read_after_write


def shown_rows(page: RecordListPage, column: int = 0) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def column_of(page: RecordListPage, key: str) -> int:
    return [c.key for c in page.model.spec.columns].index(key)


def type_into(qtbot, page, field: str, text: str) -> None:
    widget = page.editor.inputs[field].widget
    widget.setFocus()
    type_text(qtbot, widget, text)


def choose(page, field: str, value: str) -> None:
    combo = page.editor.inputs[field].widget
    combo.setCurrentIndex(combo.findData(value))


def type_part(qtbot, page, field: str, row: int, column: int, text: str) -> None:
    parts = page.editor.inputs[field]
    index = parts.model.index(row, column)
    parts.view.setCurrentIndex(index)  # opens the cell's editor, as a click would
    if parts.view.state() != QAbstractItemView.State.EditingState:
        parts.view.edit(index)
    editor = QApplication.focusWidget()
    line = editor.lineEdit() if hasattr(editor, "lineEdit") and editor.lineEdit() else editor
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Tab)


def save(qtbot, page) -> None:
    page.editor.validate()
    assert page.editor.save_button.isEnabled(), page.editor.problems
    with list_read_after_write(qtbot, page):
        qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)


def two_partners(desk) -> tuple[str, str]:
    iom = services.save(
        desk.store,
        "organization",
        {
            "name": "International Organization for Migration",
            "acronym": "IOM",
            "kind": "intergovernmental_organization",
        },
    )
    wco = services.save(
        desk.store,
        "organization",
        {
            "name": "World Customs Organization",
            "acronym": "WCO",
            "kind": "intergovernmental_organization",
        },
    )
    return iom, wco


def test_a_partner_is_added_edited_and_archived(qtbot, desk):
    page = open_page(qtbot, desk, "organization")
    page.new_record()
    type_into(qtbot, page, "name", "Organisation mondiale des douanes")
    type_into(qtbot, page, "acronym", "OMD")
    choose(page, "kind", "intergovernmental_organization")
    page.editor.inputs["country"].set("BE")
    save(qtbot, page)
    assert "Organisation mondiale des douanes" in shown_rows(page)
    [record_id] = [i for i, label in desk.read(listing.options, "organization") if "OMD" in label]
    assert services.get(desk.store, "organization", record_id)["country"] == "BE"

    page.select_record(record_id)
    qtbot.waitUntil(lambda: page.current_id() == record_id)
    page.edit_current()
    line = page.editor.inputs["acronym"].widget
    line.selectAll()
    qtbot.keyClicks(line, "WCO")
    save(qtbot, page)
    assert services.get(desk.store, "organization", record_id)["acronym"] == "WCO"
    assert (
        page.model.index(page.model.row_of(record_id), column_of(page, "acronym")).data() == "WCO"
    )

    with list_read_after_write(qtbot, page):
        page.archive_current()
    assert "Organisation mondiale des douanes" not in shown_rows(page)
    assert services.get(desk.store, "organization", record_id)["archived"] is True
    with list_read_after_write(qtbot, page):
        page.undo_stack.undo()
    assert services.get(desk.store, "organization", record_id)["archived"] is False
    assert "Organisation mondiale des douanes" in shown_rows(page)


def test_the_2018_memorandum_is_recorded_with_both_signatures(qtbot, desk):
    iom, wco = two_partners(desk)
    page = open_page(qtbot, desk, "agreement")
    page.new_record()
    type_into(qtbot, page, "reference", "WCO/IOM/MOU/2018")
    type_into(qtbot, page, "title", "Memorandum of Understanding between IOM and WCO")
    choose(page, "kind", "memorandum_of_understanding")
    choose(page, "status", "in_force")
    parties = page.editor.inputs["parties"]
    qtbot.mouseClick(parties.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.mouseClick(parties.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    type_part(qtbot, page, "parties", 0, 0, "International Organization for Migration")
    type_part(qtbot, page, "parties", 0, 1, "William Lacy Swing")
    type_part(qtbot, page, "parties", 0, 4, "Geneva")
    type_part(qtbot, page, "parties", 1, 0, "WCO")  # a name or an acronym, in full
    type_part(qtbot, page, "parties", 1, 1, "Kunio Mikuriya")
    type_part(qtbot, page, "parties", 1, 4, "Brussels")
    parties.model.setData(parties.model.index(0, 3), "2018-05-07")
    parties.model.setData(parties.model.index(1, 3), "2018-05-08")
    page.editor.inputs["entry_into_force"].set("2018-05-08")
    page.editor.inputs["notice_months"].widget.setFocus()
    qtbot.keyClicks(page.editor.inputs["notice_months"].widget, "6")
    save(qtbot, page)
    [record_id] = [i for i, label in desk.read(listing.options, "agreement")]
    saved = services.get_exchange(desk.store, "agreement", record_id)
    assert [
        (p["organization_id"], p["signatory_name"], p["signed_at"], p["signed_on"])
        for p in saved["parties"]
    ] == [
        (iom, "William Lacy Swing", "Geneva", "2018-05-07"),
        (wco, "Kunio Mikuriya", "Brussels", "2018-05-08"),
    ]
    assert saved["notice_months"] == 6
    assert page.model.index(0, column_of(page, "parties")).data() == "IOM, WCO"


def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(qtbot, desk):
    page = open_page(qtbot, desk, "contact")
    page.new_record()
    type_into(qtbot, page, "name", "Amina Diallo")
    type_into(qtbot, page, "email", "amina.diallo(at)example.org")
    message = page.editor.messages["email"]
    qtbot.waitUntil(lambda: message.isVisible(), timeout=3000)
    assert "does not look like an email address" in message.text()
    assert not page.editor.save_button.isEnabled()
    assert not page.editor.save()
    assert desk.read(listing.options, "contact") == []
    line = page.editor.inputs["email"].widget
    line.selectAll()
    qtbot.keyClicks(line, "amina.diallo@example.org")
    qtbot.waitUntil(lambda: not message.isVisible(), timeout=3000)
    assert page.editor.save_button.isEnabled()


@pytest.mark.parametrize(
    ("kind", "fill", "expected"),
    [
        (
            "consultation",
            lambda p: (
                p.editor.inputs["title"].widget.setText("Annual consultation"),
                p.editor.inputs["title"].changed.emit(),
                p.editor.inputs["kind"].set("bilateral_consultation"),
            ),
            "Annual consultation",
        ),
        (
            "activity",
            lambda p: (
                p.editor.inputs["title"].widget.setText("Joint workshop on OSBPs"),
                p.editor.inputs["title"].changed.emit(),
                p.editor.inputs["kind"].set("workshop"),
            ),
            "Joint workshop on OSBPs",
        ),
        (
            "follow_up",
            lambda p: (
                p.editor.inputs["text"].widget.setText("Send the curriculum"),
                p.editor.inputs["text"].changed.emit(),
                p.editor.inputs["due_on"].set("2026-12-01"),
            ),
            "Send the curriculum",
        ),
    ],
)
def test_each_kind_is_created_edited_and_archived(qtbot, desk, kind, fill, expected):
    page = open_page(qtbot, desk, kind)
    page.new_record()
    fill(page)
    save(qtbot, page)
    text_column = column_of(page, "text" if kind == "follow_up" else "title")
    assert expected in shown_rows(page, text_column)
    record_id = page.editor.record_id
    first_field = "text" if kind == "follow_up" else "title"
    line = page.editor.inputs[first_field].widget
    line.selectAll()
    qtbot.keyClicks(line, expected + " (revised)")
    save(qtbot, page)
    assert services.get(desk.store, kind, record_id)[first_field] == expected + " (revised)"
    page.select_record(record_id)
    qtbot.waitUntil(lambda: page.current_id() == record_id)
    with list_read_after_write(qtbot, page):
        page.archive_current()
    assert page.model.rowCount() == 0
    assert services.get(desk.store, kind, record_id)["archived"] is True


def test_undo_and_redo_in_the_editor(qtbot, desk):
    page = open_page(qtbot, desk, "organization")
    page.new_record()
    type_into(qtbot, page, "name", "Agence")
    type_into(qtbot, page, "acronym", "AG")
    page.editor.undo_stack.undo()
    assert page.editor.inputs["acronym"].get() is None
    assert page.editor.inputs["name"].get() == "Agence"
    page.editor.undo_stack.undo()
    assert page.editor.inputs["name"].get() is None
    page.editor.undo_stack.redo()
    assert page.editor.inputs["name"].get() == "Agence"


def test_leaving_unsaved_edits_asks_and_cancel_keeps_them(qtbot, desk, monkeypatch):
    page = open_page(qtbot, desk, "organization")
    page.new_record()
    type_into(qtbot, page, "name", "Agence")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel,
    )
    assert page.maybe_leave() is False
    assert asked and page.editor.inputs["name"].get() == "Agence"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert page.maybe_leave() is True


def test_typing_survives_a_crash_as_a_draft(qtbot, desk, monkeypatch):
    page = open_page(qtbot, desk, "organization")
    page.new_record()
    type_into(qtbot, page, "name", "Agence nationale des frontières")
    record_id = page.editor.record_id
    qtbot.waitUntil(lambda: Drafts(desk.store.path).pending() != [], timeout=5000)
    # The application dies here: nothing is saved in the store, but the draft is on disk.
    [draft] = Drafts(desk.store.path).pending()
    assert (draft.kind, draft.record_id, draft.is_new) == ("organization", record_id, True)
    assert draft.raw["name"] == "Agence nationale des frontières"
    fresh = open_page(qtbot, desk, "organization")
    fresh.edit_draft(draft.record_id, draft.raw, is_new=draft.is_new)
    assert fresh.editor.inputs["name"].get() == "Agence nationale des frontières"
    assert fresh.editor.is_dirty()
    fresh.editor.inputs["kind"].set("national_administration")
    assert fresh.editor.save()
    assert Drafts(desk.store.path).pending() == []


def test_list_filters_narrow_what_is_shown(qtbot, sample_desk):
    page = open_page(qtbot, sample_desk, "follow_up")
    everything = page.model.rowCount()
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.filters.late.setChecked(True)
    late = page.model.rowCount()
    assert 0 < late < everything
    assert all(page.model.index(r, column_of(page, "late")).data() for r in range(late))
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.filters.late.setChecked(False)
    type_text(qtbot, page.filters.text, "lome")  # accents need not be typed
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert "cohort 3 in Lomé" in page.model.index(0, column_of(page, "text")).data()


def test_the_list_model_passes_the_model_tester(qtbot, sample_desk, qtmodeltester):
    for kind in ("organization", "agreement", "consultation", "activity", "follow_up", "contact"):
        page = open_page(qtbot, sample_desk, kind)
        qtmodeltester.check(page.model)


def test_the_parts_model_passes_the_model_tester(qtbot, sample_desk, qtmodeltester):
    page = open_page(qtbot, sample_desk, "agreement")
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.edit_current()
    qtmodeltester.check(page.editor.inputs["parties"].model)
    qtmodeltester.check(page.editor.inputs["provisions"].model)


def test_a_detail_view_shows_related_records_and_history(qtbot, sample_desk):
    page = open_page(qtbot, sample_desk, "organization")
    [iom] = [
        i for i, label in sample_desk.read(listing.options, "organization") if "(IOM)" in label
    ]
    page.select_record(iom)
    qtbot.waitUntil(lambda: page.current_id() == iom)
    qtbot.waitUntil(lambda: page.detail.shown == ("organization", iom))
    text = page.detail.browser.toPlainText()
    assert "International Organization for Migration" in text
    assert "Agreements (" in text and "WCO/IOM/MOU/2018" in text
    assert "Consultations (" in text and "History" in text
    assert text.count("Created") == 1  # one line for the record's creation, not one per field
    wait_for_background_work()
    assert TODAY  # the clock used for "late" is the fixed one


def test_a_contact_is_added_edited_and_archived(qtbot, desk):
    iom, _wco = two_partners(desk)
    page = open_page(qtbot, desk, "contact")
    page.new_record()
    type_into(qtbot, page, "name", "Élodie Marchand")
    page.editor.inputs["organization_id"].set(iom)
    page.editor.inputs["organization_id"].changed.emit()
    choose(page, "role", "focal_point")
    type_into(qtbot, page, "email", "elodie.marchand@example.org")
    save(qtbot, page)
    record_id = page.editor.record_id
    assert (
        page.model.index(page.model.row_of(record_id), column_of(page, "organization")).data()
        == "IOM"
    )
    line = page.editor.inputs["title"].widget
    type_text(qtbot, line, "Chargée de partenariats")
    save(qtbot, page)
    assert services.get(desk.store, "contact", record_id)["title"] == "Chargée de partenariats"
    page.select_record(record_id)
    qtbot.waitUntil(lambda: page.current_id() == record_id)
    with list_read_after_write(qtbot, page):
        page.archive_current()
    assert services.get(desk.store, "contact", record_id)["archived"] is True
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.filters.archived.setChecked(True)
    assert shown_rows(page) == ["Élodie Marchand"]


def test_an_agreement_is_edited_and_archived_from_its_list(qtbot, sample_desk):
    page = open_page(qtbot, sample_desk, "agreement")
    [(record_id, _)] = [
        o for o in sample_desk.read(listing.options, "agreement") if "MOU/2018" in o[1]
    ]
    page.select_record(record_id)
    qtbot.waitUntil(lambda: page.current_id() == record_id)
    page.edit_current()
    review = page.editor.inputs["review_on"].widget
    review.line.selectAll()
    qtbot.keyClicks(review.line, "2027-06-30")
    qtbot.keyClick(review.line, Qt.Key.Key_Tab)
    save(qtbot, page)
    assert (
        services.get(sample_desk.store, "agreement", record_id)["review_on"].isoformat()
        == "2027-06-30"
    )
    with list_read_after_write(qtbot, page):
        page.archive_current()
    assert record_id not in [page.model.id_at(r) for r in range(page.model.rowCount())]


def test_a_dropped_file_is_attached_and_listed(qtbot, sample_desk, tmp_path):
    page = open_page(qtbot, sample_desk, "agreement")
    page.table.selectRow(0)
    record_id = page.current_id()
    qtbot.waitUntil(lambda: page.detail.record_id == record_id)
    scan = tmp_path / "signed copy — 2018.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    page.detail.attach([str(scan)])
    qtbot.waitUntil(lambda: "Attached files" in page.detail.browser.toPlainText(), timeout=5000)
    assert "signed copy — 2018.pdf" in page.detail.browser.toPlainText()
    [attachment] = services.attachments_of(sample_desk.store, "agreement", record_id)
    assert services.attachment_bytes(sample_desk.store, attachment.id) == b"%PDF-1.4 signed"


def test_the_follow_ups_dialog_model_passes_the_model_tester(qtbot, sample_desk, qtmodeltester):
    from desktop.dialogs.follow_ups_from_decisions import FollowUpsFromDecisions

    [(meeting, _)] = [
        o for o in sample_desk.read(listing.options, "consultation") if "2025" in o[1]
    ]
    dialog = FollowUpsFromDecisions(sample_desk, meeting)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)


def test_a_typed_date_is_kept_and_a_wrong_one_is_named_next_to_the_field(qtbot, desk):
    page = open_page(qtbot, desk, "follow_up")
    page.new_record()
    type_into(qtbot, page, "text", "Send the curriculum")
    due = page.editor.inputs["due_on"].widget
    due.line.setFocus()
    qtbot.keyClicks(due.line, "2026-02-30")
    qtbot.keyClick(due.line, Qt.Key.Key_Tab)
    message = page.editor.messages["due_on"]
    qtbot.waitUntil(lambda: message.isVisible(), timeout=3000)
    assert "2026-02-30 is not a real date" in message.text()
    assert not page.editor.save()
    due.line.selectAll()
    qtbot.keyClicks(due.line, "2026-12-01")
    qtbot.keyClick(due.line, Qt.Key.Key_Tab)
    save(qtbot, page)
    assert (
        services.get(desk.store, "follow_up", page.editor.record_id)["due_on"].isoformat()
        == "2026-12-01"
    )


def test_ctrl_s_with_a_table_cell_still_open_keeps_what_was_typed(qtbot, desk):
    iom, wco = two_partners(desk)
    page = open_page(qtbot, desk, "agreement")
    page.new_record()
    type_into(qtbot, page, "title", "Memorandum")
    choose(page, "kind", "memorandum_of_understanding")
    parties = page.editor.inputs["parties"]
    parties.set([{"organization_id": iom}, {"organization_id": wco}])
    index = parties.model.index(1, 1)
    parties.view.setCurrentIndex(index)
    if parties.view.state() != QAbstractItemView.State.EditingState:
        parties.view.edit(index)
    qtbot.keyClicks(QApplication.focusWidget(), "Kunio Mikuriya")
    assert page.editor.save()
    saved = services.get(desk.store, "agreement", page.editor.record_id)
    assert saved["parties"][1]["signatory_name"] == "Kunio Mikuriya"


def test_a_partner_with_more_activities_than_a_view_lists_says_how_many_more(qtbot, desk):
    iom, _wco = two_partners(desk)
    count = SHOWN + 3
    services.save_many(
        desk.store,
        [
            ("activity", {"title": f"Workshop {n:03}", "kind": "workshop",
                          "start_on": f"2025-{1 + n // 28:02}-{1 + n % 28:02}",
                          "lead_organization_id": iom})
            for n in range(count)
        ],
    )  # fmt: skip
    page = open_page(qtbot, desk, "organization")
    page.select_record(iom)
    qtbot.waitUntil(lambda: page.detail.shown == ("organization", iom), timeout=5000)
    text = page.detail.browser.toPlainText()
    assert f"Joint activities ({count})" in text
    assert "… and 3 more, not listed here." in text
    assert text.count("Workshop ") == SHOWN
