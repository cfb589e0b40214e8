"""Duplicate: the officer plans next year's edition of a workshop held, from the workshop itself.
The new activity's editor opens filled with what the workshop is (partners, areas, agreement,
place), without what happened there; nothing is saved until the officer saves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db.queries import listing
from tests.desktop.test_new_officer import (
    LEFT,
    back_to_window,
    close_editor,
    detail_text,
    enter_field_date,
    go_to,
    open_window,
    rows,
    save_with_ctrl_s,
)

CHIRUNDU = "Joint workshop on coordinated border management at the Chirundu One Stop Border Post"


def select(qtbot, page, title: str) -> str:
    """Click the activity's row in the list; its view shows beside it."""
    row = rows(page, "title").index(title)
    page.table.scrollTo(page.model.index(row, 0))
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=rect.center())
    assert page.current_id() == page.model.id_at(row)
    detail_text(page)
    return page.current_id()


def activities(desk) -> int:
    return desk.read(listing.count, "activity", listing.ListFilter(), desk.today())


def test_the_officer_duplicates_a_held_workshop_for_its_next_edition(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk)
    page = go_to(qtbot, window, "activity")
    held_id = select(qtbot, page, CHIRUNDU)
    held = sample_desk.get("activity", held_id)
    assert held["status"] == "completed" and held["participants_total"]
    before = activities(sample_desk)

    assert page.detail.duplicate_button.isVisible()
    qtbot.mouseClick(page.detail.duplicate_button, LEFT)

    editor = page.editor
    assert page.editing()
    assert editor.heading.text() == f"Next edition of “{CHIRUNDU}”"
    assert editor.inputs["title"].widget.text() == CHIRUNDU
    assert editor.inputs["status"].widget.currentText() == "Planned"
    assert editor.inputs["start_on"].get() is None and editor.inputs["end_on"].get() is None
    assert editor.inputs["participants_total"].get() is None
    assert editor.save_button.isEnabled()
    assert activities(sample_desk) == before  # nothing saved yet

    enter_field_date(qtbot, page, "start_on", "2027-10-18")
    enter_field_date(qtbot, page, "end_on", "2027-10-20")
    new_id = save_with_ctrl_s(qtbot, window, page)
    close_editor(qtbot, page)

    assert new_id != held_id
    assert rows(page, "title").count(CHIRUNDU) == 2
    assert activities(sample_desk) == before + 1
    shown = detail_text(page)
    assert "Planned" in shown and "Participant list" not in shown
    new = sample_desk.get("activity", new_id)
    for same in ("partners", "thematic_area_ids", "agreement_id", "lead_organization_id", "city"):
        assert new[same] == held[same], same
    assert (new["status"], new["start_on"], new["end_on"]) == (
        "planned",
        "2027-10-18",
        "2027-10-20",
    )
    assert new["participants_total"] is None and new["participants"] == []
    assert new["results"] is None and new["lessons"] is None
    assert sample_desk.get("activity", held_id) == held  # the workshop held is as it was


def test_ctrl_shift_d_then_close_without_saving_leaves_the_store_as_it_was(
    qtbot, sample_desk, monkeypatch
):
    window = open_window(qtbot, sample_desk)
    page = go_to(qtbot, window, "activity")
    select(qtbot, page, CHIRUNDU)
    before = activities(sample_desk)

    back_to_window(qtbot, window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert page.editing() and page.editor.heading.text().startswith("Next edition of")
    assert page.editor.is_dirty()  # a new record, filled: closing it asks

    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Discard,
    )
    close_editor(qtbot, page)
    assert asked == ["Save the changes to this joint activity?"]
    assert activities(sample_desk) == before
    assert rows(page, "title").count(CHIRUNDU) == 1


def test_duplicate_is_offered_for_joint_activities_only(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk)
    duplicate = window.actions_by_key["duplicate"]
    go_to(qtbot, window, "activity")
    assert duplicate.isEnabled()
    page = go_to(qtbot, window, "consultation")
    assert not duplicate.isEnabled()
    page.table.selectRow(0)
    detail_text(page)
    assert not page.detail.duplicate_button.isVisible()
