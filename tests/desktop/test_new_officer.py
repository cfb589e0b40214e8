"""The acceptance scenario of a new partnership officer of the WCO, from an empty store, driven as
a person drives the window: shortcuts, typing into fields, clicking buttons and check boxes.

a. first start: our organization is the World Customs Organization;
b. the partner IOM is added on the Partners page;
c. the 2018 IOM-WCO memorandum (reference/001): signed in Geneva on 7 May 2018 by William Lacy
   Swing and in Brussels on 8 May 2018 by Kunio Mikuriya, in force on signature by both, six
   months' notice, thematic areas ticked in the tree;
d. a consultation with both organizations present, three thematic areas, numbered decisions;
e. two follow-ups made from those decisions (the third line left out), with an owner;
f. a joint workshop planned under the memorandum;
g. each record found again with the global search box, and opened in its list.

Places where the application does not let a person do a step the obvious way are marked
"APP PROBLEM" below, with what a person has to do instead.
"""

from __future__ import annotations

import time
import warnings

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)

from db.queries import listing, related
from db.records import services
from desktop.dialogs.first_start import FirstStartDialog, needs_first_start
from desktop.dialogs.follow_ups_from_decisions import FollowUpsFromDecisions
from desktop.drafts import Drafts
from desktop.main_window import MainWindow
from desktop.settings import Options
from desktop.views.list_page import RecordListPage
from desktop.widgets.pickers import OptionalDateEdit, OptionalDateTimeEdit
from desktop.worker import wait_for_background_work
from tests.desktop.typing import type_text
from tests.desktop.waiting import list_read_after_write

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton

# Dates the officer could not type the obvious way (see enter_date).
# Steps the application gets wrong, each marked "APP PROBLEM" where it is found; reported as
# warnings at the end, so that the rest of the scenario still runs and is checked.
APP_PROBLEMS: list[str] = []


class AppProblem(UserWarning):
    """Something a new officer meets that the application should do otherwise."""


# -- what a person does -------------------------------------------------------------------------
def open_window(qtbot, desk) -> MainWindow:
    window = MainWindow(desk, Options(), Drafts(desk.store.path))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts reach the active window only
        window.show()
        window.activateWindow()
    return window


def go_to(qtbot, window: MainWindow, key: str) -> RecordListPage:
    """Ctrl+1..Ctrl+8: the page, with its list freshly read."""
    number = window.page_keys.index(key) + 1
    page = window.list_pages[key]
    back_to_window(qtbot, window)
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        qtbot.keyClick(window, str(number), CTRL)
    assert window.current_key() == key
    return page


def new_record(qtbot, window: MainWindow, page: RecordListPage) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert page.editing()
    assert page.editor.heading.text().startswith("New ")


def click_into(qtbot, widget: QWidget) -> QWidget:
    """A click in a text field puts the cursor there."""
    target = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
    target = getattr(target, "viewport", lambda: target)()
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.mouseClick(target, LEFT, pos=QPoint(8, min(8, target.height() // 2)))
    return widget


def press(qtbot, widget: QWidget, key: Qt.Key) -> None:
    """A key, as the keyboard delivers it: to an open completion popup first (it grabs the
    keyboard on a real screen; the offscreen platform cannot grab, so send it there ourselves)."""
    top = widget.window()  # a cell editor is gone once Tab has committed it
    qtbot.keyClick(QApplication.activePopupWidget() or widget, key)
    if QApplication.activePopupWidget() is None:
        back_to_window(qtbot, top)


def back_to_window(qtbot, window: QWidget) -> None:
    """A closed popup leaves the offscreen platform without an active window (a real window
    manager gives activation back to the window): give it back, as the screen would."""
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()


def type_into(qtbot, page: RecordListPage, field: str, text: str) -> None:
    widget = page.editor.inputs[field].widget
    click_into(qtbot, widget)
    target = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
    type_text(qtbot, target, text)


def type_lines(qtbot, page: RecordListPage, field: str, lines: list[str]) -> None:
    widget = page.editor.inputs[field].widget
    click_into(qtbot, widget)
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        type_text(qtbot, widget, line)


def pick_choice(qtbot, page: RecordListPage, field: str, label: str) -> None:
    """A closed combo box: focus it and type the start of the wanted entry (keyboard search; a
    space would open the list, so only the first word is typed)."""
    combo = page.editor.inputs[field].widget
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(combo, label.split(" ")[0])
    assert QApplication.activePopupWidget() is None
    assert combo.currentText() == label, (field, combo.currentText())


def pick_record(qtbot, page: RecordListPage, field: str, typed: str) -> None:
    """A record picker: type part of the name, Tab on."""
    combo = page.editor.inputs[field].widget
    click_into(qtbot, combo)
    type_text(qtbot, combo.lineEdit(), typed)
    press(qtbot, combo.lineEdit(), Qt.Key.Key_Tab)


def enter_date(qtbot, edit: OptionalDateEdit | OptionalDateTimeEdit, iso: str) -> None:
    """Type a date into a date field as it is shown (2018-05-07, or 2026-10-14 09:30), then Tab."""
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    edit.line.selectAll()
    qtbot.keyClicks(edit.line, iso)
    qtbot.keyClick(edit.line, Qt.Key.Key_Tab)
    assert edit.exchange_value() == iso.replace(" ", "T"), (iso, edit.text())


def enter_field_date(qtbot, page: RecordListPage, field: str, iso: str) -> None:
    enter_date(qtbot, page.editor.inputs[field].widget, iso)


def tick(qtbot, page: RecordListPage, field: str, *labels: str) -> None:
    """Tick entries of a check list or of the thematic tree: narrow it by typing, click the box."""
    checklist = page.editor.inputs[field]
    for label in labels:
        checklist.filter.clear()
        click_into(qtbot, checklist.filter)
        type_text(qtbot, checklist.filter, label)
        found = [item for item in checklist.items.by_id.values() if label in item.text()]
        assert len(found) >= 1, (field, label)
        item = found[0]
        index = item.index()
        assert not checklist.view.isRowHidden(index.row(), index.parent()), label
        click_check_box(qtbot, checklist.view, index)
        assert item.checkState() == Qt.CheckState.Checked, (field, label)
    checklist.filter.clear()


def click_check_box(qtbot, view: QAbstractItemView, index) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    before = index.data(Qt.ItemDataRole.CheckStateRole)
    qtbot.mouseClick(view.viewport(), LEFT, pos=QPoint(rect.left() + 10, rect.center().y()))
    if index.data(Qt.ItemDataRole.CheckStateRole) == before:  # missed the box: keyboard instead
        view.setCurrentIndex(index)
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert index.data(Qt.ItemDataRole.CheckStateRole) != before


def add_part(qtbot, page: RecordListPage, field: str) -> int:
    parts = page.editor.inputs[field]
    qtbot.mouseClick(parts.add_button, LEFT)
    return parts.model.rowCount() - 1


def part_cell(qtbot, page: RecordListPage, field: str, row: int, column: str) -> QWidget:
    """Click a cell of a parts table: it opens its editor; returns the editor."""
    parts = page.editor.inputs[field]
    col = [sub.name for sub in parts.model.columns].index(column)
    index = parts.model.index(row, col)
    if parts.view.state() == QAbstractItemView.State.EditingState:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # leave the open cell
    parts.view.setCurrentIndex(index)
    if parts.view.state() != QAbstractItemView.State.EditingState:
        parts.view.edit(index)
    return QApplication.focusWidget()


def type_part(qtbot, page: RecordListPage, field: str, row: int, column: str, text: str) -> None:
    editor = part_cell(qtbot, page, field, row, column)
    line = editor.lineEdit() if isinstance(editor, QComboBox) and editor.lineEdit() else editor
    line.selectAll()
    type_text(qtbot, line, text)
    press(qtbot, line, Qt.Key.Key_Tab)


def part_values(page: RecordListPage, field: str) -> list[dict]:
    return page.editor.inputs[field].get()


def save_with_ctrl_s(qtbot, window: MainWindow, page: RecordListPage) -> str:
    page.editor.validate()
    assert page.editor.save_button.isEnabled(), page.editor.problems
    back_to_window(qtbot, window)
    with list_read_after_write(qtbot, page):
        qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert not page.editor.is_dirty()
    assert page.editor.status.text() == "Saved"
    qtbot.waitUntil(lambda: page.current_id() == page.editor.record_id, timeout=5000)
    return page.editor.record_id


def close_editor(qtbot, page: RecordListPage) -> None:
    qtbot.mouseClick(page.editor.cancel_button, LEFT)
    assert not page.editing()


def rows(page: RecordListPage, key: str) -> list[str]:
    column = [c.key for c in page.model.spec.columns].index(key)
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def row_of(page: RecordListPage, record_id: str, key: str) -> str:
    column = [c.key for c in page.model.spec.columns].index(key)
    return page.model.index(page.model.row_of(record_id), column).data()


def detail_text(page: RecordListPage) -> str:
    """What the detail view shows, once it shows the record selected (it is read off the
    window's thread)."""
    selected = (page.kind, page.current_id()) if page.current_id() else None
    deadline = time.monotonic() + 5
    while page.detail.shown != selected and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    assert page.detail.shown == selected, "the detail view did not show the selected record"
    return page.detail.browser.toPlainText()


def while_modal(qtbot, trigger, drive) -> None:
    """Do ``trigger`` (which opens a modal dialog) and drive the dialog while it is open."""
    errors: list[BaseException] = []
    tries = [0]

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(20, step)
            return
        try:
            drive(dialog)
        except BaseException as exc:  # noqa: BLE001 - reported after the dialog is gone
            errors.append(exc)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, step)
    trigger()
    if errors:
        raise errors[0]
    window = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    )
    if not window.isActiveWindow():  # the dialog gone, the window is the active one again
        with qtbot.waitActive(window):
            window.activateWindow()


def search_for(qtbot, window: MainWindow, word: str) -> dict[str, list[tuple[str, str]]]:
    """Ctrl+K, type, Enter; the results page, group by group: {group title: [(id, text)]}."""
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    assert QApplication.focusWidget() is window.search_box
    type_text(qtbot, window.search_box, word)
    with qtbot.waitSignal(window.search_page.finished, timeout=5000):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    # the as-you-type search may answer once more: let it, so the page is stable
    qtbot.wait(500)
    wait_for_background_work()
    QApplication.processEvents()
    assert window.current_key() == "search"
    results = window.search_page.results
    shown: dict[str, list[tuple[str, str]]] = {}
    for g in range(results.rowCount()):
        group = results.item(g)
        shown[group.text()] = [
            (group.child(r).data(Qt.ItemDataRole.UserRole)[1], group.child(r).text())
            for r in range(group.rowCount())
        ]
    return shown


def open_result(qtbot, window: MainWindow, kind: str, record_id: str) -> RecordListPage:
    """Click the result, press Enter: the record's page, the record selected in its list."""
    view, results = window.search_page.view, window.search_page.results
    target = None
    for g in range(results.rowCount()):
        group = results.item(g)
        for r in range(group.rowCount()):
            if group.child(r).data(Qt.ItemDataRole.UserRole)[:2] == (kind, record_id):
                target = group.child(r).index()
    assert target is not None, (kind, record_id)
    view.scrollTo(target)
    rect = view.visualRect(target)
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    assert view.currentIndex() == target
    page = window.list_pages[kind]
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_key() == kind
    qtbot.waitUntil(lambda: page.current_id() == record_id, timeout=5000)
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.id_at(i.row()) for i in selected] == [record_id]
    return page


def options_of(desk, kind: str) -> dict[str, str]:
    return {label: record_id for record_id, label in desk.read(listing.options, kind)}


# -- the scenario ---------------------------------------------------------------------------------
def test_a_new_officer_records_the_2018_memorandum_and_what_follows(qtbot, desk, monkeypatch):
    APP_PROBLEMS.clear()
    questions: list[str] = []  # no question is expected in this scenario; on a failure, none blocks
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, title, text, *a, **k: (
            questions.append(f"{title}: {text}") or QMessageBox.StandardButton.Discard
        ),
    )
    window = open_window(qtbot, desk)

    # a. First start: which organization is ours. -----------------------------------------------
    assert needs_first_start(desk)
    seen_intro: list[str] = []

    def answer_first_start(dialog: QDialog) -> None:
        assert isinstance(dialog, FirstStartDialog)
        seen_intro.append(dialog.windowTitle())
        assert dialog.own.isChecked() and dialog.name.isEnabled()
        # OK with nothing typed: refused, with the rule's words
        qtbot.mouseClick(
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), LEFT
        )
        assert dialog.isVisible() and "Name" in dialog.problem.text()
        click_into(qtbot, dialog.name)
        type_text(qtbot, dialog.name, "World Customs Organization")
        click_into(qtbot, dialog.acronym)
        type_text(qtbot, dialog.acronym, "WCO")
        dialog.kind.setFocus()
        qtbot.keyClicks(dialog.kind, "Intergovernmental")
        assert dialog.kind.currentData() == "intergovernmental_organization"
        qtbot.mouseClick(
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), LEFT
        )

    while_modal(qtbot, lambda: FirstStartDialog(desk, window).exec(), answer_first_start)
    window.show_page("dashboard")  # as desktop.app.show_main_window does after the question
    assert seen_intro == ["Welcome to PartnerDesk"]
    assert not needs_first_start(desk)
    [wco] = [
        i
        for label, i in options_of(desk, "organization").items()
        if label == "World Customs Organization (WCO)"
    ]
    stored_wco = services.get_exchange(desk.store, "organization", wco)
    assert stored_wco["is_ours"] is True and stored_wco["kind"] == "intergovernmental_organization"

    # b. The partner IOM, on the Partners page. ---------------------------------------------------
    partners = go_to(qtbot, window, "organization")
    assert window.nav.currentItem().text() == "Partners"
    assert rows(partners, "name") == ["World Customs Organization"]
    new_record(qtbot, window, partners)
    assert partners.editor.heading.text() == "New partner"
    # the cursor is in the first field, Name: type, Tab, Acronym, Tab, Kind
    assert QApplication.focusWidget() is partners.editor.inputs["name"].widget
    type_text(qtbot, QApplication.focusWidget(), "International Organization for Migration")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "IOM")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is partners.editor.inputs["kind"].widget
    qtbot.keyClicks(QApplication.focusWidget(), "Intergovernmental")
    type_into(qtbot, partners, "address", "17, Route des Morillons, CH-1211 Geneva 19")
    type_into(qtbot, partners, "city", "Geneva")
    type_into(qtbot, partners, "country", "Switzerland")
    press(qtbot, partners.editor.inputs["country"].widget.lineEdit(), Qt.Key.Key_Tab)
    type_into(qtbot, partners, "website", "https://www.iom.int")
    type_into(
        qtbot,
        partners,
        "mandate",
        "The UN Migration Agency: humane and orderly migration, including immigration and border management.",
    )
    iom = save_with_ctrl_s(qtbot, window, partners)
    assert (
        partners.editor.heading.text() == "Partner: International Organization for Migration (IOM)"
    )
    close_editor(qtbot, partners)
    assert rows(partners, "name") == [
        "International Organization for Migration",
        "World Customs Organization",
    ]
    assert row_of(partners, iom, "acronym") == "IOM"
    assert row_of(partners, iom, "kind") == "Intergovernmental organization"
    assert row_of(partners, iom, "status") == "Active"
    assert partners.count_label.text() == "2 partners"
    assert partners.current_id() == iom
    text = detail_text(partners)
    assert "International Organization for Migration (IOM)" in text and "Geneva" in text
    stored_iom = services.get_exchange(desk.store, "organization", iom)
    assert (stored_iom["country"], stored_iom["city"], stored_iom["is_ours"]) == (
        "CH",
        "Geneva",
        False,
    )

    # c. The 2018 memorandum, with both signatures. -----------------------------------------------
    agreements = go_to(qtbot, window, "agreement")
    assert agreements.model.rowCount() == 0
    assert "Ctrl+N" in detail_text(agreements)  # the empty page says what to do
    new_record(qtbot, window, agreements)
    type_into(qtbot, agreements, "reference", "WCO/IOM/MOU/2018")
    type_into(
        qtbot,
        agreements,
        "title",
        "Memorandum of Understanding between the International Organization for Migration and the World Customs Organization",
    )
    pick_choice(qtbot, agreements, "kind", "Memorandum of understanding")
    pick_choice(qtbot, agreements, "status", "In force")
    for _ in range(2):
        row = add_part(qtbot, agreements, "parties")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # the new row's cell opened
    assert agreements.editor.inputs["parties"].model.rowCount() == 2 and row == 1
    for row, (org, signatory, title, day, city) in enumerate(
        [
            ("IOM", "William Lacy Swing", "Director General", "2018-05-07", "Geneva"),
            ("WCO", "Kunio Mikuriya", "Secretary General", "2018-05-08", "Brussels"),
        ]
    ):
        type_part(qtbot, agreements, "parties", row, "organization_id", org)
        type_part(qtbot, agreements, "parties", row, "signatory_name", signatory)
        type_part(qtbot, agreements, "parties", row, "signatory_title", title)
        type_part(qtbot, agreements, "parties", row, "signed_on", day)
        type_part(qtbot, agreements, "parties", row, "signed_at", city)
    if agreements.editor.inputs["parties"].view.state() == QAbstractItemView.State.EditingState:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert [
        (p["organization_id"], p["signed_on"], p["signed_at"])
        for p in part_values(agreements, "parties")
    ] == [
        (iom, "2018-05-07", "Geneva"),
        (wco, "2018-05-08", "Brussels"),
    ]
    shown_parties = agreements.editor.inputs["parties"].model
    assert shown_parties.index(0, 0).data() == "International Organization for Migration (IOM)"
    enter_field_date(qtbot, agreements, "entry_into_force", "2018-05-08")
    type_into(qtbot, agreements, "notice_months", "6")
    type_into(qtbot, agreements, "languages", "en")
    type_into(
        qtbot,
        agreements,
        "summary",
        "Cooperation on effective, efficient and responsible border management; in force on signature by both; either party may terminate with six months' written notice.",
    )
    tick(
        qtbot,
        agreements,
        "thematic_area_ids",
        "Coordinated and integrated border management",
        "Joint training courses",
        "Risk analysis and risk management",
    )
    row = add_part(qtbot, agreements, "provisions")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    type_part(qtbot, agreements, "provisions", row, "article", "7.2")
    type_part(qtbot, agreements, "provisions", row, "heading", "Termination")
    # the last cell typed, then Ctrl+S at once, as a person does
    termination = "Written notice by one party, effective six months after delivery."
    cell = part_cell(qtbot, agreements, "provisions", row, "summary")
    type_text(qtbot, cell, termination)
    with list_read_after_write(qtbot, agreements):
        qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    memorandum = agreements.editor.record_id
    stored = services.get_exchange(desk.store, "agreement", memorandum)["provisions"]
    assert stored[0]["summary"] == termination  # Ctrl+S with the cell still open keeps its text
    if agreements.editor.inputs["provisions"].view.state() == QAbstractItemView.State.EditingState:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    close_editor(qtbot, agreements)
    assert rows(agreements, "reference") == ["WCO/IOM/MOU/2018"]
    assert row_of(agreements, memorandum, "status") == "In force"
    assert row_of(agreements, memorandum, "kind") == "Memorandum of understanding"
    assert row_of(agreements, memorandum, "parties") == "IOM, WCO"
    assert row_of(agreements, memorandum, "entry_into_force")  # shown in the officer's locale
    text = detail_text(agreements)
    for expected in (
        "William Lacy Swing",
        "Director General",
        "Geneva",
        "Kunio Mikuriya",
        "Secretary General",
        "Brussels",
        "2018",
        "Termination",
        "Coordinated and integrated border management",
    ):
        assert expected in text, expected
    assert "Termination notice (months)\n6\n" in text
    saved = services.get_exchange(desk.store, "agreement", memorandum)
    assert [
        (
            p["organization_id"],
            p["signatory_name"],
            p["signatory_title"],
            p["signed_on"],
            p["signed_at"],
        )
        for p in saved["parties"]
    ] == [
        (iom, "William Lacy Swing", "Director General", "2018-05-07", "Geneva"),
        (wco, "Kunio Mikuriya", "Secretary General", "2018-05-08", "Brussels"),
    ]
    assert (saved["kind"], saved["status"], saved["entry_into_force"], saved["notice_months"]) == (
        "memorandum_of_understanding",
        "in_force",
        "2018-05-08",
        6,
    )
    assert saved["expires_on"] is None and saved["languages"] == ["en"]
    assert saved["provisions"] == [
        {
            "article": "7.2",
            "heading": "Termination",
            "summary": termination,
        }
    ]
    areas = {
        label.split("  ", 1)[-1].strip(): i
        for i, label in desk.read(lambda s: [(n.id, n.name) for n in listing.area_tree(s)])
    }
    assert sorted(saved["thematic_area_ids"]) == sorted(
        areas[n]
        for n in (
            "Coordinated and integrated border management",
            "Joint training courses",
            "Risk analysis and risk management",
        )
    )

    # d. A consultation with both organizations, three areas, numbered decisions. -----------------
    consultations = go_to(qtbot, window, "consultation")
    new_record(qtbot, window, consultations)
    assert consultations.editor.heading.text() == "New consultation"
    type_into(qtbot, consultations, "title", "IOM–WCO annual consultation 2026")
    pick_choice(qtbot, consultations, "kind", "Bilateral consultation")
    enter_field_date(qtbot, consultations, "starts_at", "2026-10-14 09:30")
    tz = consultations.editor.inputs["timezone"].widget
    click_into(qtbot, tz)
    tz.lineEdit().selectAll()
    qtbot.keyClicks(tz.lineEdit(), "Europe/Brussels")
    press(qtbot, tz.lineEdit(), Qt.Key.Key_Tab)
    duration = consultations.editor.inputs["duration_minutes"]  # in hours, unless changed
    assert duration.unit.currentText() == "hours"
    click_into(qtbot, duration.number)
    type_text(qtbot, duration.number, "3")
    type_into(qtbot, consultations, "location", "WCO headquarters, Brussels")
    tick(qtbot, consultations, "organization_ids", "(IOM)", "(WCO)")
    tick(qtbot, consultations, "agreement_ids", "WCO/IOM/MOU/2018")
    tick(
        qtbot,
        consultations,
        "thematic_area_ids",
        "Coordinated and integrated border management",
        "Smuggling of migrants",
        "Joint training courses",
    )
    row = add_part(qtbot, consultations, "participants")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    type_part(qtbot, consultations, "participants", row, "name", "Amélie Dubois")
    type_part(qtbot, consultations, "participants", row, "organization_id", "IOM")
    if (
        consultations.editor.inputs["participants"].view.state()
        == QAbstractItemView.State.EditingState
    ):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    type_lines(
        qtbot,
        consultations,
        "agenda",
        [
            "Review of cooperation under the 2018 MoU",
            "Joint training on coordinated border management",
        ],
    )
    decisions = [
        "1. Draft a joint training curriculum on coordinated border management",
        "2. Share risk profiles on smuggling of migrants",
        "3. Meet again in Geneva in 2027",
    ]
    type_lines(qtbot, consultations, "decisions", decisions)
    meeting = save_with_ctrl_s(qtbot, window, consultations)
    close_editor(qtbot, consultations)
    assert rows(consultations, "title") == ["IOM–WCO annual consultation 2026"]
    assert row_of(consultations, meeting, "organizations") == "IOM, WCO"
    assert row_of(consultations, meeting, "kind") == "Bilateral consultation"
    assert "2026" in row_of(consultations, meeting, "starts_at")
    text = detail_text(consultations)
    assert "2. Share risk profiles on smuggling of migrants" in text
    assert (
        "Smuggling of migrants" in text and "WCO/IOM/MOU/2018" in text and "Amélie Dubois" in text
    )
    saved_meeting = services.get_exchange(desk.store, "consultation", meeting)
    assert sorted(saved_meeting["organization_ids"]) == sorted([iom, wco])
    assert saved_meeting["agreement_ids"] == [memorandum]
    assert len(saved_meeting["thematic_area_ids"]) == 3
    assert saved_meeting["decisions"] == "\n".join(decisions)
    assert saved_meeting["starts_at"].startswith("2026-10-14T09:30")
    assert saved_meeting["duration_minutes"] == 180
    assert saved_meeting["participants"] == [
        {"contact_id": None, "name": "Amélie Dubois", "organization_id": iom}
    ]

    # e. Two follow-ups from its decisions. -------------------------------------------------------
    button = consultations.detail.follow_ups_button
    assert button.isVisible() and button.isEnabled()
    seen_rows: list[list[str]] = []

    def make_follow_ups(dialog: QDialog) -> None:
        assert isinstance(dialog, FollowUpsFromDecisions)
        back_to_window(qtbot, dialog)
        model, view = dialog.model, dialog.view
        seen_rows.append([model.index(r, 0).data() for r in range(model.rowCount())])
        assert model.rowCount() == 3
        click_check_box(qtbot, view, model.index(2, 0))  # the third line is not an action
        assert model.rows[2]["take"] is False
        for row, owner in (
            (0, "WCO Capacity Building Directorate"),
            (1, "IOM Immigration and Border Governance"),
        ):
            index = model.index(row, 1)
            rect = view.visualRect(index)
            qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
            qtbot.mouseDClick(view.viewport(), LEFT, pos=rect.center())  # opens the cell's editor
            cell = view.indexWidget(index)
            assert cell is not None, "no editor opened in the Who cell"
            qtbot.keyClicks(cell, owner)
            qtbot.keyClick(cell, Qt.Key.Key_Return)
            qtbot.waitUntil(
                lambda: view.state() != QAbstractItemView.State.EditingState, timeout=2000
            )
        assert [r["owner"] for r in model.rows[:2]] == [
            "WCO Capacity Building Directorate",
            "IOM Immigration and Border Governance",
        ]
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert ok.text() == "Create follow-ups"
        qtbot.mouseClick(ok, LEFT)

    while_modal(qtbot, lambda: qtbot.mouseClick(button, LEFT), make_follow_ups)
    assert seen_rows == [
        [
            "Draft a joint training curriculum on coordinated border management",
            "Share risk profiles on smuggling of migrants",
            "Meet again in Geneva in 2027",
        ]
    ]
    assert window.statusBar().currentMessage() == "2 follow-ups created."
    qtbot.waitUntil(lambda: "Follow-ups (2)" in detail_text(consultations), timeout=5000)
    follow_up_ids = desk.read(listing.matching_ids, "follow_up", listing.ListFilter(), desk.today())
    assert len(follow_up_ids) == 2
    made = sorted(
        (services.get_exchange(desk.store, "follow_up", i) for i in follow_up_ids),
        key=lambda f: f["text"],
    )
    assert [
        (f["text"], f["owner"], f["status"], f["source_kind"], f["source_id"], f["due_on"])
        for f in made
    ] == [
        (
            "Draft a joint training curriculum on coordinated border management",
            "WCO Capacity Building Directorate",
            "open",
            "consultation",
            meeting,
            "2026-12-23",
        ),
        (
            "Share risk profiles on smuggling of migrants",
            "IOM Immigration and Border Governance",
            "open",
            "consultation",
            meeting,
            "2026-12-23",
        ),
    ]
    follow_ups = go_to(qtbot, window, "follow_up")
    assert sorted(rows(follow_ups, "text")) == [f["text"] for f in made]
    assert set(rows(follow_ups, "source_kind")) == {"Consultation"}
    assert set(rows(follow_ups, "late")) == {""}

    # f. A joint workshop planned under the memorandum. -------------------------------------------
    activities = go_to(qtbot, window, "activity")
    new_record(qtbot, window, activities)
    assert activities.editor.heading.text() == "New joint activity"
    type_into(
        qtbot,
        activities,
        "title",
        "Joint workshop on coordinated border management for West Africa",
    )
    pick_choice(qtbot, activities, "kind", "Workshop")
    pick_choice(qtbot, activities, "status", "Planned")
    enter_field_date(qtbot, activities, "start_on", "2027-03-15")
    enter_field_date(qtbot, activities, "end_on", "2027-03-17")
    type_into(qtbot, activities, "city", "Lomé")
    type_into(qtbot, activities, "country", "Togo")
    press(qtbot, activities.editor.inputs["country"].widget.lineEdit(), Qt.Key.Key_Tab)
    pick_choice(qtbot, activities, "mode", "In person")
    pick_record(qtbot, activities, "lead_organization_id", "WCO")
    row = add_part(qtbot, activities, "partners")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    type_part(qtbot, activities, "partners", row, "organization_id", "IOM")
    type_part(qtbot, activities, "partners", row, "contribution", "Two trainers (experts)")
    if activities.editor.inputs["partners"].view.state() == QAbstractItemView.State.EditingState:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    pick_record(qtbot, activities, "agreement_id", "WCO/IOM/MOU/2018")
    tick(
        qtbot,
        activities,
        "thematic_area_ids",
        "Coordinated and integrated border management",
        "Conferences, seminars and workshops",
    )
    type_into(qtbot, activities, "beneficiary_countries", "TG, BJ, GH")
    type_into(qtbot, activities, "participants_total", "30")
    type_into(
        qtbot,
        activities,
        "objectives",
        "Train customs and immigration officers together on coordinated border management.",
    )
    workshop = save_with_ctrl_s(qtbot, window, activities)
    close_editor(qtbot, activities)
    assert rows(activities, "title") == [
        "Joint workshop on coordinated border management for West Africa"
    ]
    assert row_of(activities, workshop, "status") == "Planned"
    assert row_of(activities, workshop, "kind") == "Workshop"
    assert row_of(activities, workshop, "place") == "Lomé, Togo"  # the country by its name
    assert row_of(activities, workshop, "lead") == "WCO"
    text = detail_text(activities)
    assert "WCO/IOM/MOU/2018" in text and "Two trainers (experts)" in text and "Lomé" in text
    saved_workshop = services.get_exchange(desk.store, "activity", workshop)
    assert (
        saved_workshop["kind"],
        saved_workshop["status"],
        saved_workshop["start_on"],
        saved_workshop["end_on"],
    ) == ("workshop", "planned", "2027-03-15", "2027-03-17")
    assert (saved_workshop["city"], saved_workshop["country"], saved_workshop["mode"]) == (
        "Lomé",
        "TG",
        "in_person",
    )
    assert (
        saved_workshop["lead_organization_id"] == wco
        and saved_workshop["agreement_id"] == memorandum
    )
    assert saved_workshop["partners"] == [
        {"organization_id": iom, "contribution": "Two trainers (experts)"}
    ]
    assert (
        sorted(saved_workshop["beneficiary_countries"]) == ["BJ", "GH", "TG"]
        and saved_workshop["participants_total"] == 30
    )
    # the memorandum now shows its consultation and its workshop
    agreements = go_to(qtbot, window, "agreement")
    agreements.select_record(memorandum)
    qtbot.waitUntil(lambda: agreements.current_id() == memorandum, timeout=5000)
    text = detail_text(agreements)
    assert "IOM–WCO annual consultation 2026" in text  # the detail is redrawn with what is new
    # what the detail should list, from the store
    sections = desk.read(related.related, "agreement", memorandum, desk.today())
    assert [i.id for i in sections["consultations"]] == [meeting]
    assert [i.id for i in sections["activities"]] == [workshop]

    # g. Each one found again with the global search. ---------------------------------------------
    found = search_for(qtbot, window, "Morillons")  # a word of IOM's headquarters address
    assert [i for g, ids in found.items() for i, _t in ids] == [iom]  # the address is searched
    window.search_box.clear()
    found = search_for(qtbot, window, "migration")
    assert "Partners (1)" in found and found["Partners (1)"][0][0] == iom
    assert any(g.startswith("Agreements") for g in found)
    page = open_result(qtbot, window, "organization", iom)
    assert "International Organization for Migration (IOM)" in detail_text(page)

    window.search_box.clear()
    found = search_for(qtbot, window, "Mikuriya")
    assert [ids for g, ids in found.items() if g.startswith("Agreements")][0][0][0] == memorandum
    page = open_result(qtbot, window, "agreement", memorandum)
    assert "Kunio Mikuriya" in detail_text(page)

    window.search_box.clear()
    found = search_for(qtbot, window, "annual consultation")
    assert [i for i, _t in found["Consultations (1)"]] == [meeting]
    page = open_result(qtbot, window, "consultation", meeting)
    assert "IOM–WCO annual consultation 2026" in detail_text(page)

    window.search_box.clear()
    found = search_for(qtbot, window, "risk profiles")
    assert [i for i, _t in found["Follow-ups (1)"]] == [made[1]["id"]]
    page = open_result(qtbot, window, "follow_up", made[1]["id"])
    assert "Share risk profiles on smuggling of migrants" in detail_text(page)

    window.search_box.clear()
    found = search_for(qtbot, window, "lome")  # accents need not be typed
    assert [i for i, _t in found["Joint activities (1)"]] == [workshop]
    page = open_result(qtbot, window, "activity", workshop)
    assert "Joint workshop on coordinated border management for West Africa" in detail_text(page)

    assert questions == []

    for problem in APP_PROBLEMS:
        warnings.warn(problem, AppProblem, stacklevel=1)
