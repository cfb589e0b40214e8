"""The main window as an officer uses it: pages, keyboard, global search, first start, drafts
offered back, follow-ups from decisions, and what is remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QMessageBox

from db.queries import listing
from db.records import services
from desktop.app import name_application, offer_drafts
from desktop.dialogs.first_start import FirstStartDialog, needs_first_start
from desktop.dialogs.follow_ups_from_decisions import FollowUpsFromDecisions, decision_lines
from desktop.drafts import Drafts
from desktop.main_window import MainWindow
from desktop.settings import Options
from tests.desktop.typing import type_text
from tests.desktop.waiting import list_read_after_write

OK = QDialogButtonBox.StandardButton.Ok


def open_window(qtbot, desk) -> MainWindow:
    window = MainWindow(desk, Options(), Drafts(desk.store.path))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts reach the active window only
        window.show()
        window.activateWindow()
    return window


def test_every_page_is_one_shortcut_away(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk)
    # Ctrl+1 to Ctrl+9, then the Portfolio (Ctrl+Shift+P), then Ctrl+0 for the conflicts.
    assert window.nav.count() == 11
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    keys = [(str(n), control) for n in range(1, 10)] + [("P", control | shift), ("0", control)]
    for (key, modifiers), page in zip(keys, window.page_keys, strict=True):
        qtbot.keyClick(window, key, modifiers)
        assert window.current_key() == page
    assert window.page_keys[-2:] == ["portfolio", "conflicts"]
    assert str(sample_desk.store.path) in window.store_label.text()


def test_global_search_groups_results_and_opens_the_record(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box
    type_text(qtbot, window.search_box, "lome")
    with qtbot.waitSignal(window.search_page.finished, timeout=5000):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    groups = [
        window.search_page.results.item(r).text()
        for r in range(window.search_page.results.rowCount())
    ]
    assert any(g.startswith("Joint activities") for g in groups)
    assert any(g.startswith("Follow-ups") for g in groups)
    view = window.search_page.view
    first = view.currentIndex()
    kind, record_id, _archived = first.data(Qt.ItemDataRole.UserRole)
    page = window.list_pages[kind]
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        view.activated.emit(first)
    assert window.current_key() == kind
    qtbot.waitUntil(lambda: page.current_id() == record_id, timeout=5000)


def test_a_record_is_entered_with_the_keyboard_alone(qtbot, desk):
    window = open_window(qtbot, desk)
    window.show_page("organization")
    page = window.list_pages["organization"]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editing()
    type_text(qtbot, QApplication.focusWidget(), "Agence des frontières")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "ADF")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    kind_combo = QApplication.focusWidget()
    assert kind_combo is page.editor.inputs["kind"].widget
    target = kind_combo.findData("national_administration")
    for _ in range(target - kind_combo.currentIndex()):
        qtbot.keyClick(kind_combo, Qt.Key.Key_Down)
    page.editor.validate()
    with list_read_after_write(qtbot, page):
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [(record_id, label)] = desk.read(listing.options, "organization")
    assert label == "Agence des frontières (ADF)"
    assert services.get(desk.store, "organization", record_id)["kind"] == "national_administration"


def test_closing_with_unsaved_edits_asks_first(qtbot, desk, monkeypatch):
    window = open_window(qtbot, desk)
    window.show_page("organization")
    page = window.list_pages["organization"]
    page.new_record()
    type_text(qtbot, page.editor.inputs["name"].widget, "Agence")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert window.close() is False
    assert window.isVisible() and page.editor.inputs["name"].get() == "Agence"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close() is True


def test_the_last_view_and_layout_are_remembered(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk)
    window.show_page("consultation")
    window.resize(
        QApplication.primaryScreen().availableSize() * 0.9
    )  # a geometry that fits the screen
    qtbot.wait(10)
    window.splitter.setSizes([150, window.splitter.width() - 150])
    page = window.list_pages["consultation"]
    page.table.horizontalHeader().resizeSection(3, 233)  # organizations (the title stretches)
    sizes = window.splitter.sizes()
    window.close()
    again = open_window(qtbot, sample_desk)
    assert again.current_key() == "consultation"
    assert again.size() == window.size(), (again.size(), window.size())
    assert again.splitter.sizes() == sizes
    assert again.list_pages["consultation"].table.horizontalHeader().sectionSize(3) == 233


def test_first_start_asks_which_organization_is_ours(qtbot, desk):
    assert needs_first_start(desk)
    dialog = FirstStartDialog(desk)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "Name" in dialog.problem.text()  # nothing typed: refused with the rule's words
    type_text(qtbot, dialog.name, "Organisation internationale pour les migrations")
    type_text(qtbot, dialog.acronym, "OIM")
    dialog.accept()
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert not needs_first_start(desk)


def test_first_start_asks_where_our_headquarters_are(qtbot, desk):
    dialog = FirstStartDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "International Organization for Migration")
    type_text(qtbot, dialog.acronym, "IOM")
    city = dialog.findChild(QLineEdit, "ourCity")
    country = dialog.findChild(QComboBox, "ourCountry")
    assert city is not None and city.isVisible() and country is not None and country.isVisible()
    type_text(qtbot, city, "Le Grand-Saconnex")
    type_text(qtbot, country.lineEdit(), "Suise")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(OK), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # a name the list of countries does not hold: refused, and why
    assert dialog.problem.text().startswith("“Suise” is not a country of the list")
    country.lineEdit().selectAll()
    type_text(qtbot, country.lineEdit(), "Suisse")  # its French name, in an English window
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(OK), Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    [ours] = [
        services.get_exchange(desk.store, "organization", i)
        for i, _label in desk.read(listing.options, "organization")
    ]
    assert (ours["acronym"], ours["city"], ours["country"], ours["is_ours"]) == (
        "IOM",
        "Le Grand-Saconnex",
        "CH",
        True,
    )


def test_first_start_can_load_the_sample(qtbot, desk):
    dialog = FirstStartDialog(desk)
    qtbot.addWidget(dialog)
    dialog.sample.setChecked(True)
    dialog.accept()
    assert any("(WCO)" in label for _i, label in desk.read(listing.options, "organization"))
    assert not needs_first_start(desk)


def test_unsaved_typing_from_a_crash_is_offered_back(qtbot, desk, monkeypatch):
    drafts = Drafts(desk.store.path)
    drafts.keep(
        "organization",
        "0b7f6d2e-5a1c-4c8e-9f00-6d1c2b3a4e5f",
        {"name": "Agence nationale", "kind": "other"},
        is_new=True,
    )
    window = open_window(qtbot, desk)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    offer_drafts(window, drafts)
    page = window.list_pages["organization"]
    assert window.current_key() == "organization" and page.editing()
    assert page.editor.inputs["name"].get() == "Agence nationale"
    assert page.editor.save()
    assert drafts.pending() == []


def test_follow_ups_are_created_from_a_consultations_decisions(qtbot, sample_desk):
    [(meeting, _label)] = [
        o
        for o in sample_desk.read(listing.options, "consultation")
        if "annual bilateral consultation 2025" in o[1]
    ]
    decisions = sample_desk.get("consultation", meeting)["decisions"]
    dialog = FollowUpsFromDecisions(sample_desk, meeting)
    qtbot.addWidget(dialog)
    lines = decision_lines(decisions)
    assert dialog.model.rowCount() == len(lines) >= 2
    for row in range(2, dialog.model.rowCount()):
        dialog.model.setData(
            dialog.model.index(row, 0),
            Qt.CheckState.Unchecked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
    dialog.model.setData(dialog.model.index(0, 1), "WCO Capacity Building Directorate")
    before = len(
        sample_desk.read(
            listing.matching_ids, "follow_up", listing.ListFilter(), sample_desk.today()
        )
    )
    dialog.accept()
    assert len(dialog.created) == 2
    created = [services.get(sample_desk.store, "follow_up", i) for i in dialog.created]
    assert [c["text"] for c in created] == lines[:2]
    assert all(
        c["source_kind"] == "consultation" and c["source_id"] == meeting and c["due_on"]
        for c in created
    )
    assert created[0]["owner"] == "WCO Capacity Building Directorate"
    after = len(
        sample_desk.read(
            listing.matching_ids, "follow_up", listing.ListFilter(), sample_desk.today()
        )
    )
    assert after == before + 2


def test_decision_lines_lose_their_numbering():
    assert decision_lines(
        "1. Agree the curriculum\n2) Hold cohort 3\n\n- Report in June\na. Share data"
    ) == [
        "Agree the curriculum",
        "Hold cohort 3",
        "Report in June",
        "Share data",
    ]


def test_prepare_briefing_needs_a_partner_or_a_consultation(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk)
    window.show_page("activity")
    window.on_briefing()
    assert "Select a partner" in window.statusBar().currentMessage()


def _search(qtbot, window, words: str) -> dict[str, list[str]]:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    window.search_box.selectAll()
    type_text(qtbot, window.search_box, words)
    with qtbot.waitSignal(window.search_page.finished, timeout=5000):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    results = window.search_page.results
    return {
        results.item(g).text(): [
            results.item(g).child(r).text().split("\n")[0]  # the title; the match under it
            for r in range(results.item(g).rowCount())
        ]
        for g in range(results.rowCount())
    }


def test_a_contacts_name_finds_the_meetings_they_took_part_in(qtbot, desk):
    from tests.desktop.unoct import enter_unoct_and_the_visit

    enter_unoct_and_the_visit(desk.store)
    window = open_window(qtbot, desk)
    found = _search(qtbot, window, "Voronkov")
    assert any("WCO visit to United Nations Headquarters" in t for t in found["Consultations (1)"])
    assert "Contacts (1)" in found


def test_thematic_areas_are_found_by_their_french_names(qtbot, desk):
    window = open_window(qtbot, desk)
    found = _search(qtbot, window, "contre-terrorisme")
    assert found == {"Thematic areas (1)": ["CT Counter-terrorism and passenger data"]}
    # An area of the officer's own gets its French name in the thematic page's panel.
    window.show_page("thematic_area")
    page = window.areas
    qtbot.waitUntil(lambda: page.current_area() is not None, timeout=5000)
    page.tree.select(next(n.id for n in page._nodes.values() if n.code == "PH"))
    french = page.details.french_name
    assert french.text() == "Santé publique"
    french.setFocus()
    french.selectAll()
    type_text(qtbot, french, "Santé publique et quarantaine")
    qtbot.keyClick(french, Qt.Key.Key_Return)
    found = _search(qtbot, window, "quarantaine")
    assert found == {"Thematic areas (1)": ["PH Public health"]}


def _found_in_window(qtbot, window, words: str, kind_group: str) -> list:
    """The rows found under a kind's group ("Joint activities (7)"), as items."""
    _search(qtbot, window, words)
    results = window.search_page.results
    [group] = [
        results.item(g)
        for g in range(results.rowCount())
        if results.item(g).text().startswith(kind_group)
    ]
    return [group.child(r) for r in range(group.rowCount())]


def _bold_words(view, item) -> list[str]:
    """The words the search page draws in bold on a result's row."""
    from PySide6.QtGui import QFont

    document = view.itemDelegate()._document(_option(view), item.index())
    bold, block = [], document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                bold.append(fragment.text())
            it += 1
        block = block.next()
    return bold


def test_search_finds_every_joint_activity_of_a_partner_by_its_acronym_with_dates(
    qtbot, sample_desk
):
    """ "IOM" finds the 7 joint activities the sample has with IOM (its lead or a partner), though
    their text never says "IOM"; each shows its date; "IOM" is drawn in bold, never in brackets."""
    from datetime import date

    from sqlalchemy import text

    from desktop.models.record_table import format_value
    from desktop.models.search_results import RECORD_ROLE

    with sample_desk.store.reading() as session:
        theirs = {
            record_id: (title, date.fromisoformat(start_on))
            for record_id, title, start_on in session.execute(
                text(
                    "SELECT id, title, start_on FROM activity WHERE id IN ("
                    " SELECT a.id FROM activity a JOIN organization o"
                    " ON o.id = a.lead_organization_id WHERE o.acronym = 'IOM' UNION"
                    " SELECT p.activity_id FROM activity_partner p JOIN organization o"
                    " ON o.id = p.organization_id WHERE o.acronym = 'IOM')"
                )
            )
        }
    assert len(theirs) == 7 and not any("IOM" in title for title, _on in theirs.values())
    window = open_window(qtbot, sample_desk)
    rows = _found_in_window(qtbot, window, "IOM", "Joint activities")
    assert {row.data(RECORD_ROLE)[1] for row in rows} == set(theirs)
    for row in rows:
        title, on = theirs[row.data(RECORD_ROLE)[1]]
        assert row.text().split("\n")[0] == f"{title} ({format_value(on, 'date')})"
        assert "[" not in row.text()
        assert _bold_words(window.search_page.view, row) == ["IOM"]


def test_atelier_finds_the_workshops_with_the_word_in_bold(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk)
    rows = _found_in_window(qtbot, window, "atelier", "Joint activities")
    kinds = {
        services.get_exchange(sample_desk.store, "activity", row.data(Qt.ItemDataRole.UserRole)[1])[
            "kind"
        ]
        for row in rows
    }
    assert kinds == {"workshop"}
    assert all(_bold_words(window.search_page.view, row) == ["Atelier"] for row in rows)


def test_a_title_with_markup_reads_as_typed_in_the_results(qtbot, desk):
    from tests import builders as b

    services.save(desk.store, "activity", b.activity(title="Zanzibarite <b>not bold</b> &amp;"))
    window = open_window(qtbot, desk)
    [row] = _found_in_window(qtbot, window, "zanzibarite", "Joint activities")
    assert row.text().startswith("Zanzibarite <b>not bold</b> &amp; (")
    assert set(_bold_words(window.search_page.view, row)) == {"Zanzibarite"}  # title, snippet
    document_text = (
        window.search_page.view.itemDelegate()
        ._document(_option(window.search_page.view), row.index())
        .toPlainText()
    )
    assert document_text.startswith("Zanzibarite <b>not bold</b> &amp; (")


def _option(view):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(view)
    return option


def test_the_title_names_partnerdesk_once_then_the_store(qtbot, sample_desk, qapp):
    name_application(qapp)  # as the window starts
    window = open_window(qtbot, sample_desk)
    assert window.windowTitle() == f"PartnerDesk — {sample_desk.store.path.name}"
    # Qt adds the application's display name to every title on Linux and Windows when one was
    # set: none is, the display name is the application's name, whatever it is named.
    try:
        qapp.setApplicationName("Renamed")
        assert QApplication.applicationDisplayName() == "Renamed"
    finally:
        qapp.setApplicationName("PartnerDesk")
