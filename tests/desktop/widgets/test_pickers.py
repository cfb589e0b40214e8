"""Pickers in a narrow field, as in an editor beside the list on a laptop: the pop-up shows whole
names (as wide as they need, within the screen), and a long label shows its beginning (an
agreement's reference) once chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.widgets.pickers import RecordPicker
from tests.desktop.typing import type_text

PARTNERS = [
    ("a", "Al-Manara Centre for Border Studies (AMCBS)"),
    ("b", "International Centre for Migration Policy Development (ICMPD)"),
    ("c", "International Organization for Migration (IOM)"),
    ("d", "Zambezi Corridor Border Agencies Forum (ZCBAF)"),
]
AGREEMENTS = [
    ("m", "WCO/ICMPD/MOU/1999 — Memorandum of Understanding on Co-operation between the "
     "International Centre for Migration Policy Development (ICMPD) and the World Customs "
     "Organization (WCO)"),
    ("n", "WCO/IOM/MOU/2018 — Memorandum of Understanding between the International "
     "Organization for Migration and the World Customs Organization"),
]  # fmt: skip


def narrow_picker(qtbot, options) -> RecordPicker:
    picker = RecordPicker(keep_typed=True)
    qtbot.addWidget(picker)
    picker.set_options(options)
    picker.setMinimumContentsLength(10)
    picker.setSizeAdjustPolicy(RecordPicker.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    picker.resize(200, picker.sizeHint().height())  # a field as narrow as beside the list
    picker.move(300, 300)
    picker.show()
    qtbot.waitExposed(picker)
    return picker


def names_fit(view, popup, screen) -> bool:
    whole = view.sizeHintForColumn(0) <= view.viewport().width()
    return whole and screen.contains(popup.geometry())


def test_the_partner_list_shows_whole_names(qtbot):
    picker = narrow_picker(qtbot, PARTNERS)
    picker.showPopup()
    view = picker.view()
    qtbot.waitUntil(view.isVisible)
    screen = picker.screen().availableGeometry()
    assert view.width() > picker.width()
    assert names_fit(view, view.window(), screen)


def test_the_names_completed_as_one_types_are_whole(qtbot):
    picker = narrow_picker(qtbot, PARTNERS)
    picker.setFocus()
    type_text(qtbot, picker.lineEdit(), "Inter")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 2
    assert names_fit(popup, popup, picker.screen().availableGeometry())
    type_text(qtbot, picker.lineEdit(), "national C")  # the pop-up placed anew at each key
    assert names_fit(popup, popup, picker.screen().availableGeometry())


def test_a_wider_list_than_the_screen_stays_on_it(qtbot):
    long_names = [(str(i), f"{name} " * 12) for i, (_id, name) in enumerate(PARTNERS)]
    picker = narrow_picker(qtbot, long_names)
    picker.showPopup()
    popup = picker.view().window()
    qtbot.waitUntil(popup.isVisible)
    screen = picker.screen().availableGeometry()
    assert popup.width() <= screen.width() and screen.contains(popup.geometry())


def test_a_chosen_agreement_shows_its_reference(qtbot):
    picker = narrow_picker(qtbot, AGREEMENTS)
    picker.setFocus()
    picker.showPopup()
    qtbot.waitUntil(picker.view().isVisible)
    picker.view().setCurrentIndex(picker.model().index(2, 0))
    qtbot.keyClick(picker.view(), Qt.Key.Key_Return)  # the second agreement, picked
    line = picker.lineEdit()
    assert picker.value() == "n"
    assert line.cursorPosition() == 0  # the field shows the label from its start
    assert line.cursorRect().left() < line.fontMetrics().averageCharWidth() * 2
    assert "WCO/IOM/MOU/2018" in picker.toolTip()
    picker.set_value("m")  # an agreement opened in the editor
    assert line.cursorPosition() == 0
