"""A name typed where a partner goes, that is not a partner yet: the WCO visit to United Nations
Headquarters (2019) entered by a new officer, whose store knows UNOCT but not the United Nations
itself nor OCHA. What was typed stays as typed (never UNOCT, never blank), the form says why it
cannot be saved yet, and offers to make the partner right there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QDialog, QLineEdit

from db.queries import listing
from db.records import services
from desktop.drafts import Drafts
from desktop.settings import Options
from desktop.views.list_page import RecordListPage
from tests.desktop.modal import answer_dialog, child
from tests.desktop.typing import type_text

LEFT = Qt.MouseButton.LeftButton


def partners(desk) -> dict[str, str]:
    made = {}
    for name, acronym, kind, ours in (
        ("World Customs Organization", "WCO", "intergovernmental_organization", True),
        ("United Nations Office of Counter-Terrorism", "UNOCT", "un_entity", False),
    ):
        made[acronym] = services.save(
            desk.store,
            "organization",
            {"name": name, "acronym": acronym, "kind": kind, "is_ours": ours},
        )
    return made


def new_consultation(qtbot, desk) -> RecordListPage:
    page = RecordListPage(desk, "consultation", Drafts(desk.store.path), Options())
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.activate()
    page.new_record()
    title = page.editor.inputs["title"].widget
    title.setFocus()
    type_text(qtbot, title, "WCO visit to United Nations Headquarters")
    kind = page.editor.inputs["kind"].widget
    kind.setCurrentIndex(kind.findData("high_level_visit"))
    return page


def type_in_cell(qtbot, page, field: str, row: int, column: str, text: str) -> None:
    parts = page.editor.inputs[field]
    col = [sub.name for sub in parts.spec.fields].index(column)
    index = parts.model.index(row, col)
    parts.view.setCurrentIndex(index)
    if parts.view.state() != QAbstractItemView.State.EditingState:
        parts.view.edit(index)
    cell = QApplication.focusWidget()
    line = cell.lineEdit() if isinstance(cell, QComboBox) else cell
    line.selectAll()
    type_text(qtbot, line, text)
    qtbot.keyClick(QApplication.activePopupWidget() or line, Qt.Key.Key_Tab)
    if parts.view.state() == QAbstractItemView.State.EditingState:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def add_participant(qtbot, page, name: str, organization: str) -> int:
    parts = page.editor.inputs["participants"]
    qtbot.mouseClick(parts.add_button, LEFT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    row = parts.model.rowCount() - 1
    type_in_cell(qtbot, page, "participants", row, "name", name)
    type_in_cell(qtbot, page, "participants", row, "organization_id", organization)
    return row


def shown_cell(page, row: int, column: str) -> str:
    parts = page.editor.inputs["participants"]
    col = [sub.name for sub in parts.spec.fields].index(column)
    return parts.model.index(row, col).data()


def test_a_participants_organization_typed_stays_as_typed_and_becomes_a_partner(qtbot, desk):
    made = partners(desk)
    page = new_consultation(qtbot, desk)
    row = add_participant(qtbot, page, "António Guterres", "United Nations")
    # Not UNOCT, whose name begins with the same words; not blank either.
    assert shown_cell(page, row, "organization_id") == "United Nations"
    assert page.editor.inputs["participants"].get()[row]["organization_id"] != made["UNOCT"]
    page.editor.validate()
    message = page.editor.messages["participants"]
    assert message.isVisible()
    assert "“United Nations” is not a partner yet" in message.text()
    assert not page.editor.save_button.isEnabled()

    create = page.editor.inputs["participants"].create_button
    assert create.isVisible() and create.text() == "Create partner “United Nations”…"

    def add_it(dialog: QDialog) -> None:
        name = child(dialog, QLineEdit, "newPartnerName")
        assert name.text() == "United Nations"
        kind = child(dialog, QComboBox, "newPartnerKind")
        kind.setCurrentIndex(kind.findData("un_entity"))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), LEFT)

    answer_dialog(lambda: qtbot.mouseClick(create, LEFT), add_it)
    [united_nations] = [
        i for i, label in desk.read(listing.options, "organization") if label == "United Nations"
    ]
    assert page.editor.inputs["participants"].get()[row]["organization_id"] == united_nations
    assert shown_cell(page, row, "organization_id") == "United Nations"
    assert not create.isVisible()
    page.editor.validate()
    assert page.editor.save_button.isEnabled(), page.editor.problems


def test_an_acronym_typed_in_a_cell_is_never_blanked(qtbot, desk):
    partners(desk)
    page = new_consultation(qtbot, desk)
    row = add_participant(qtbot, page, "Martin Griffiths", "OCHA")
    assert shown_cell(page, row, "organization_id") == "OCHA"
    assert page.editor.inputs["participants"].get()[row]["organization_id"] == "OCHA"
    # A partner named exactly (its acronym) is that partner.
    row = add_participant(qtbot, page, "Vladimir Voronkov", "UNOCT")
    assert shown_cell(page, row, "organization_id") == (
        "United Nations Office of Counter-Terrorism (UNOCT)"
    )


def test_organizations_present_offers_to_add_a_partner_typed_there(qtbot, desk):
    partners(desk)
    page = new_consultation(qtbot, desk)
    present = page.editor.inputs["organization_ids"]
    present.filter.setFocus()
    type_text(qtbot, present.filter, "OCHA")
    assert present.create_button.isVisible()
    assert present.create_button.text() == "Create partner “OCHA”…"

    def add_it(dialog: QDialog) -> None:
        assert child(dialog, QLineEdit, "newPartnerAcronym").text() == "OCHA"
        name = child(dialog, QLineEdit, "newPartnerName")
        name.setFocus()
        type_text(qtbot, name, "Office for the Coordination of Humanitarian Affairs")
        kind = child(dialog, QComboBox, "newPartnerKind")
        kind.setCurrentIndex(kind.findData("un_entity"))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), LEFT)

    answer_dialog(lambda: qtbot.mouseClick(present.create_button, LEFT), add_it)
    ticked = [present.items.by_id[i].text() for i in present.get()]
    assert ticked == ["Office for the Coordination of Humanitarian Affairs (OCHA)"]
    assert not present.create_button.isVisible()
    # Typing a partner that exists offers nothing to create.
    type_text(qtbot, present.filter, "UNOCT")
    assert not present.create_button.isVisible()
