"""The thematic areas page as an officer uses it: typing in the tree, clicking the buttons,
answering the dialogs; then what the tree shows and what the store holds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.queries import listing
from db.queries.listing import AreaNode, ListFilter
from db.queries.thematic_areas import subtree_ids
from desktop.dialogs.area_picker import AreaPickerDialog
from desktop.models.thematic_tree import ID_ROLE, ThematicTreeModel
from desktop.views.thematic_page import ThematicAreasPage
from desktop.widgets.area_tree import greyed

from .conftest import TODAY

PLACED_UNDER_ITSELF = "cannot be placed under itself or under one of its own sub-"


# -- helpers ------------------------------------------------------------------------------------------
@pytest.fixture
def page(desk, qtbot) -> ThematicAreasPage:
    shown = ThematicAreasPage(desk)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    shown.activate()
    return shown


def stored(desk, *, archived: bool = False) -> list[AreaNode]:
    return desk.read(listing.area_tree, include_archived=archived)


def area(desk, code: str) -> AreaNode:
    return next(n for n in stored(desk, archived=True) if n.code == code)


def named(desk, name: str) -> AreaNode | None:
    return next((n for n in stored(desk, archived=True) if n.name == name), None)


def shown_rows(page: ThematicAreasPage) -> list[tuple[int, str, str]]:
    """(depth, code, name) of every row of the tree, top to bottom."""
    rows = []
    model = page.model

    def walk(parent, depth):
        for r in range(model.rowCount(parent)):
            code = model.index(r, 0, parent)
            rows.append((depth, code.data() or "", model.index(r, 1, parent).data()))
            walk(code, depth + 1)

    walk(QModelIndex(), 0)
    return rows


def button(page: ThematicAreasPage, name: str) -> QToolButton:
    found = page.findChild(QToolButton, f"button_{name}")
    assert found is not None, name
    return found


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_editor(page: ThematicAreasPage):
    editor = page.view.indexWidget(page.view.currentIndex())
    assert editor is not None, "no editor open in the tree"
    return editor


def type_in_editor(qtbot, page: ThematicAreasPage, text: str, *, replace: bool = False) -> None:
    editor = open_editor(page)
    if replace:
        editor.selectAll()
    qtbot.keyClicks(editor, text)
    press_return(qtbot, page, editor)


def press_return(qtbot, page: ThematicAreasPage, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)


def select(qtbot, page: ThematicAreasPage, code: str, column: int = ThematicTreeModel.NAME) -> None:
    """Click on an area's row in the tree."""
    index = page.model.index_of(area(page.desk, code).id, column)
    assert index.isValid(), f"{code} is not shown"
    page.view.scrollTo(index)
    point = page.view.visualRect(index).center()
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert page.current_area_id() == area(page.desk, code).id


def settled(qtbot, page: ThematicAreasPage) -> None:
    """Let the page reload after the store announced a change."""
    qtbot.waitUntil(lambda: not page._reload_timer.isActive() and not page.busy)


# -- the tree -----------------------------------------------------------------------------------------
def test_the_tree_shows_the_default_areas_expanded_with_code_and_name(page, desk, qtmodeltester):
    rows = shown_rows(page)
    assert len(rows) == len(stored(desk))
    assert (0, "BM", "Border management") in rows
    assert (1, "BM.OSBP", "One Stop Border Posts") in rows
    assert rows.index((0, "BM", "Border management")) < rows.index(
        (1, "BM.OSBP", "One Stop Border Posts")
    )
    border = page.model.index_of(area(desk, "BM").id)
    assert page.view.isExpanded(border)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Code"
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    qtmodeltester.check(page.model)


def test_the_selected_area_is_described_beside_the_tree(page, desk, qtbot):
    select(qtbot, page, "BM.OSBP")
    assert page.details.heading.text() == "BM.OSBP One Stop Border Posts"
    assert "Border management" in page.details.placement.text()
    assert (
        page.details.description.toPlainText()
        == desk.get("thematic_area", area(desk, "BM.OSBP").id)["description"]
    )


def test_a_change_made_elsewhere_shows_in_the_tree(page, desk, qtbot):
    desk.save(
        "thematic_area",
        {"name": "Migration and health", "code": "PH.MH", "parent_id": area(desk, "PH").id},
    )
    qtbot.waitUntil(lambda: (1, "PH.MH", "Migration and health") in shown_rows(page))


# -- adding and renaming -------------------------------------------------------------------------------
def test_add_a_top_level_area_then_a_sub_area_by_typing_their_names(page, desk, qtbot):
    before = len(stored(desk))
    click(qtbot, button(page, "add_area"))
    type_in_editor(qtbot, page, "Environmental crime")
    settled(qtbot, page)
    added = named(desk, "Environmental crime")
    assert added is not None and added.parent_id is None and added.depth == 0
    assert page.current_area_id() == added.id
    assert (0, "", "Environmental crime") in shown_rows(page)

    qtbot.keyClick(
        page.view,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    type_in_editor(qtbot, page, "Wildlife trafficking")
    settled(qtbot, page)
    sub = named(desk, "Wildlife trafficking")
    assert sub is not None and sub.parent_id == added.id
    assert (1, "", "Wildlife trafficking") in shown_rows(page)
    assert len(stored(desk)) == before + 2


def test_insert_adds_a_sub_area_under_the_selected_one(page, desk, qtbot):
    select(qtbot, page, "CB")
    qtbot.keyClick(page.view, Qt.Key.Key_Insert)
    type_in_editor(qtbot, page, "Distance learning")
    settled(qtbot, page)
    added = named(desk, "Distance learning")
    assert added is not None and added.parent_id == area(desk, "CB").id


def test_an_empty_name_is_refused_with_the_rules_message_and_nothing_is_saved(page, desk, qtbot):
    before = stored(desk)
    select(qtbot, page, "TS")
    click(qtbot, button(page, "add_sub_area"))
    press_return(qtbot, page, open_editor(page))
    assert page.tree.notice.isVisible()
    assert "Name cannot be empty." in page.tree.notice.text()
    qtbot.waitUntil(lambda: len(shown_rows(page)) == len(before))
    assert stored(desk) == before


def test_escape_on_a_new_row_takes_it_away(page, desk, qtbot):
    before = stored(desk)
    select(qtbot, page, "TS")
    click(qtbot, button(page, "add_sub_area"))
    assert page.details.heading.text() == "New area"
    qtbot.keyClicks(open_editor(page), "Half typed")
    qtbot.keyClick(open_editor(page), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(shown_rows(page)) == len(before))
    assert stored(desk) == before
    assert page.current_area_id() == area(desk, "TS").id


def test_f2_renames_an_area_in_place(page, desk, qtbot):
    select(qtbot, page, "CH")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    type_in_editor(qtbot, page, "Cultural heritage and looted artefacts", replace=True)
    settled(qtbot, page)
    assert area(desk, "CH").name == "Cultural heritage and looted artefacts"
    assert (0, "CH", "Cultural heritage and looted artefacts") in shown_rows(page)
    assert page.details.heading.text() == "CH Cultural heritage and looted artefacts"


def test_f2_renames_even_when_the_window_has_an_f2_action(desk, qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    edit_record = QAction("Edit", window)
    edit_record.setShortcut("F2")
    window.addAction(edit_record)
    page = ThematicAreasPage(desk, window)
    QVBoxLayout(window).addWidget(page)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.activate()
    select(qtbot, page, "PH")
    with qtbot.assertNotEmitted(edit_record.triggered):
        qtbot.keyClick(page.view, Qt.Key.Key_F2)
    type_in_editor(qtbot, page, "Public health and pandemics", replace=True)
    assert area(desk, "PH").name == "Public health and pandemics"


def test_double_click_on_the_code_edits_the_code(page, desk, qtbot):
    ch = area(desk, "CH")
    select(qtbot, page, "CH", ThematicTreeModel.CODE)
    point = page.view.visualRect(page.model.index_of(ch.id, ThematicTreeModel.CODE)).center()
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    type_in_editor(qtbot, page, "CULT", replace=True)
    settled(qtbot, page)
    assert desk.get("thematic_area", ch.id)["code"] == "CULT"
    assert (0, "CULT", "Cultural heritage") in shown_rows(page)


def test_renaming_to_an_empty_name_is_refused_and_the_name_stays(page, desk, qtbot):
    select(qtbot, page, "PH")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = open_editor(page)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    press_return(qtbot, page, editor)
    assert "Name cannot be empty." in page.tree.notice.text()
    assert area(desk, "PH").name == "Public health"
    assert (0, "PH", "Public health") in shown_rows(page)


# -- the description ----------------------------------------------------------------------------------
def test_the_description_is_saved_with_the_save_button(page, desk, qtbot):
    select(qtbot, page, "TI")
    save = page.findChild(QPushButton, "saveDescription")
    assert not save.isEnabled()
    page.details.description.selectAll()
    qtbot.keyClicks(page.details.description, "Biometrics and e-gates")
    page.details.description.insertPlainText(" — مراقبة الحدود")  # pasted: QTest types ASCII only
    assert save.isEnabled()
    click(qtbot, save)
    assert (
        desk.get("thematic_area", area(desk, "TI").id)["description"]
        == "Biometrics and e-gates — مراقبة الحدود"
    )
    assert not save.isEnabled()


def test_a_description_being_typed_is_kept_when_another_area_is_selected(page, desk, qtbot):
    select(qtbot, page, "RES")
    page.details.description.selectAll()
    qtbot.keyClicks(page.details.description, "Joint studies")
    select(qtbot, page, "TI")
    assert desk.get("thematic_area", area(desk, "RES").id)["description"] == "Joint studies"


# -- moving -------------------------------------------------------------------------------------------
def test_move_an_area_under_another_through_the_dialog(page, desk, qtbot):
    select(qtbot, page, "CT.API")
    border, own = area(desk, "BM"), area(desk, "CT.API")
    seen = {}

    def answer_the_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AreaPickerDialog)
        seen["own_allowed"] = dialog.choose(own.id)
        qtbot.keyClicks(dialog.filter, "Border management")
        seen["choice"] = dialog.chosen_id()
        click(qtbot, dialog.ok_button)

    QTimer.singleShot(0, answer_the_dialog)
    click(qtbot, button(page, "move"))
    settled(qtbot, page)
    assert seen == {"own_allowed": False, "choice": border.id}
    assert area(desk, "CT.API").parent_id == border.id
    assert (1, "CT.API", "Advance Passenger Information") in shown_rows(page)
    assert page.current_area_id() == own.id
    assert "is now under" in page.tree.notice.text()


def test_move_an_area_to_the_top_level(page, desk, qtbot, monkeypatch):
    select(qtbot, page, "TF.PPP")

    def choose_top_level(dialog):
        assert dialog.choose(None)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AreaPickerDialog, "exec", choose_top_level)
    qtbot.keyClick(
        page.view,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    settled(qtbot, page)
    assert area(desk, "TF.PPP").parent_id is None
    assert (0, "TF.PPP", "Public-private partnerships") in shown_rows(page)


def test_a_move_under_its_own_sub_area_is_refused_with_the_rules_message(page, desk, qtbot):
    before = stored(desk)
    select(qtbot, page, "BM")
    assert page.move_selected_under(area(desk, "BM.OSBP").id) is False
    assert page.tree.notice.isVisible()
    assert PLACED_UNDER_ITSELF in page.tree.notice.text()
    assert stored(desk) == before
    assert page.move_selected_under(area(desk, "BM").id) is False
    assert stored(desk) == before


def test_the_move_dialog_greys_the_area_and_its_sub_areas(desk, qtbot, qtmodeltester):
    nodes = stored(desk)
    border = area(desk, "BM")
    dialog = AreaPickerDialog(
        nodes,
        title="Move",
        prompt="Place under:",
        accept_text="Move here",
        excluded=subtree_ids(nodes, border.id),
        top_level="(Top level)",
    )
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert not dialog.choose(border.id)
    assert not dialog.choose(area(desk, "BM.SOP").id)
    assert dialog.choose(area(desk, "CB").id) and dialog.chosen_id() == area(desk, "CB").id
    assert dialog.choose(None) and dialog.chosen_id() is None
    qtbot.keyClicks(dialog.filter, "smuggling")
    shown = dialog.view.currentIndex().siblingAtColumn(0).data(ID_ROLE)
    assert shown in {area(desk, "TS").id, area(desk, "TS.SOM").id}
    assert dialog.ok_button.isEnabled()


# -- archiving -----------------------------------------------------------------------------------------
def test_archive_then_restore_an_area(page, desk, qtbot):
    sop = area(desk, "BM.SOP")
    select(qtbot, page, "BM.SOP")
    assert button(page, "archive").text() == "Archive"
    click(qtbot, button(page, "archive"))
    settled(qtbot, page)
    assert sop.id not in {n.id for n in stored(desk)}
    assert area(desk, "BM.SOP").archived
    assert (1, "BM.SOP", "Standard operating procedures") not in shown_rows(page)
    assert page.current_area_id() == area(desk, "BM").id  # its parent, not nowhere

    click(qtbot, page.tree.show_archived)
    assert page.tree.show_archived.isChecked()
    assert (1, "BM.SOP", "Standard operating procedures") in shown_rows(page)
    name = page.model.index_of(sop.id, ThematicTreeModel.NAME)
    assert name.data(Qt.ItemDataRole.FontRole).italic()
    assert name.data(Qt.ItemDataRole.ForegroundRole).color() == greyed(page)
    assert not (page.model.flags(name) & Qt.ItemFlag.ItemIsEditable)
    select(qtbot, page, "BM.SOP")
    assert button(page, "archive").text() == "Restore"
    assert not button(page, "move").isEnabled()
    click(qtbot, button(page, "archive"))
    settled(qtbot, page)
    assert not area(desk, "BM.SOP").archived
    assert sop.id in {n.id for n in stored(desk)}
    font = page.model.index_of(sop.id, ThematicTreeModel.NAME).data(Qt.ItemDataRole.FontRole)
    assert font is None or not font.italic()


# -- merging -----------------------------------------------------------------------------------------
def activity_filed_under(desk, area_id: str) -> str:
    return desk.save(
        "activity",
        {
            "title": "Regional workshop on training manuals",
            "kind": "workshop",
            "thematic_area_ids": [area_id],
        },
    )


def activities_under(desk, area_id: str) -> list[str]:
    return desk.read(listing.matching_ids, "activity", ListFilter(thematic_area_id=area_id), TODAY)


def test_merge_two_areas_moves_their_links(page, desk, qtbot, monkeypatch):
    source, target = area(desk, "CB.MAT"), area(desk, "AWR")
    activity = activity_filed_under(desk, source.id)
    assert activity not in activities_under(desk, target.id)
    settled(qtbot, page)
    select(qtbot, page, "CB.MAT")
    asked = []

    def confirm(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)

    def pick_target(dialog):
        assert not dialog.choose(source.id)
        assert dialog.choose(target.id)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AreaPickerDialog, "exec", pick_target)
    click(qtbot, button(page, "merge"))
    qtbot.waitUntil(lambda: area(desk, "CB.MAT").archived)
    settled(qtbot, page)

    assert activity in activities_under(desk, target.id)
    assert desk.get("activity", activity)["thematic_area_ids"] == [target.id]
    assert len(asked) == 1
    assert "Merge “CB.MAT Training manuals, tools and guidance” into “AWR" in asked[0]
    assert "joint activities: 1" in asked[0]
    assert "archived" in asked[0]
    assert (1, "CB.MAT", "Training manuals, tools and guidance") not in shown_rows(page)
    assert page.current_area_id() == target.id
    assert "Merged" in page.tree.notice.text()


def test_a_merge_cancelled_at_the_confirmation_changes_nothing(page, desk, qtbot, monkeypatch):
    before = stored(desk, archived=True)
    select(qtbot, page, "TS.GDS")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    page.merge_selected_into(area(desk, "TS.SOM").id)
    assert not page.busy
    assert stored(desk, archived=True) == before


def test_a_merge_into_its_own_sub_area_is_refused_with_the_rules_message(page, desk, qtbot):
    before = stored(desk, archived=True)
    select(qtbot, page, "TS")
    page.merge_selected_into(area(desk, "TS.THB").id, confirm=False)
    qtbot.waitUntil(lambda: not page.busy)
    assert "cannot be merged into its own sub-area" in page.tree.notice.text()
    assert stored(desk, archived=True) == before


# -- the lists -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["agreement", "consultation", "activity"])
def test_the_show_buttons_ask_for_the_list_filed_under_the_area(page, desk, qtbot, kind):
    select(qtbot, page, "DRM")
    shown = page.findChild(QPushButton, f"show_{kind}")
    with qtbot.waitSignal(page.open_list) as blocker:
        click(qtbot, shown)
    assert blocker.args == [kind, ListFilter(thematic_area_id=area(desk, "DRM").id)]


def test_the_show_buttons_count_what_is_filed_under_the_area(page, desk, qtbot):
    activity_filed_under(desk, area(desk, "BM.IRR").id)
    settled(qtbot, page)
    select(qtbot, page, "BM")
    assert page.findChild(QPushButton, "show_activity").text() == "Show joint activities (1)"
    select(qtbot, page, "CH")
    assert page.findChild(QPushButton, "show_activity").text() == "Show joint activities (0)"


def test_the_page_can_be_used_with_the_sample(sample_desk, qtbot, qtmodeltester):
    page = ThematicAreasPage(sample_desk)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtmodeltester.check(page.model)
    assert page.current_area_id() is not None
    assert page.objectName() == "page_thematic_area"
